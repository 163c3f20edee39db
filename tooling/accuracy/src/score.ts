import path from 'node:path';
import type { ImportPlan } from '@lineage/importers';
import type { TruthRow } from './truth-table';

type MatchRecord = ImportPlan['matches'][number];

/** What became of one labelled name. */
export type Verdict =
  /** The right node. */
  | 'joined'
  /** A node, but the wrong one (or any node where none is right): the error that matters. */
  | 'wrong'
  /** No node where one was right: listed as unresolved or ambiguous instead. */
  | 'missed'
  /** No node, rightly. */
  | 'kept-apart'
  /** The import made no record of this name (a label the importer never reads). */
  | 'unseen';

export interface Scored {
  row: TruthRow;
  verdict: Verdict;
  /** The node it joined or became, if any. */
  got?: string;
  /** The node the label means, `eg:` labels resolved to their asset's node. */
  want?: string;
}

export interface Score {
  rows: Scored[];
  /** Labels that name a node. */
  trueMatches: number;
  joined: number;
  wrong: number;
  missed: number;
  unseen: number;
  /** joined / trueMatches. */
  recall: number;
}

export interface SourceRecords {
  source: TruthRow['source'];
  matches: MatchRecord[];
}

const sameRecord = (row: TruthRow, at: string) => {
  if (row.source === 'avid') return at.startsWith(row.record);
  // JailbreakBench's targets are resolved from its summary; the outcomes file names the same.
  if (row.source === 'jailbreakbench') return true;
  // EG and JBB records are `<file>:<line>`; the table names the file (EG: under assets/).
  return path.basename(at.replace(/:\d+$/, '')) === path.basename(row.record);
};

function recordOf(row: TruthRow, records: SourceRecords[]): MatchRecord | undefined {
  const matches = records.find((r) => r.source === row.source)?.matches ?? [];
  return matches.find((m) => m.role === row.role && m.name === row.name && sameRecord(row, m.at));
}

/** The node a record joined, or, for an asset that joined none, the node it became. */
const joinedId = (record: MatchRecord) =>
  record.resolution.outcome === 'matched' ? record.resolution.id : undefined;

/**
 * Scores the import's match records against the labels. An `eg:<organization>/<asset name>`
 * label means the node that asset joined or became, looked up in the records of that asset.
 */
export function score(rows: TruthRow[], records: SourceRecords[]): Score {
  const egMatches = records.find((r) => r.source === 'ecosystem-graphs')?.matches ?? [];
  const assetNode = (label: string) => {
    const [organization, ...rest] = label.slice('eg:'.length).split('/');
    const name = rest.join('/');
    const asset = egMatches.find(
      (m) => m.role === 'asset' && m.name === name && m.owners[0] === organization,
    );
    return asset ? (joinedId(asset) ?? asset.createdAs) : undefined;
  };

  const scored = rows.map((row): Scored => {
    const record = recordOf(row, records);
    if (!record) return { row, verdict: 'unseen' };
    const got = joinedId(record);
    if (row.expected === 'none')
      return got ? { row, verdict: 'wrong', got } : { row, verdict: 'kept-apart' };
    const want = row.expected.startsWith('eg:') ? assetNode(row.expected) : row.expected;
    if (!got) return { row, verdict: 'missed', want };
    if (got === want) return { row, verdict: 'joined', got, want };
    // A dependency on an asset of the same files follows that asset: when the asset was kept
    // apart from the node it is, its dependents are as missed as it is, not wrongly joined.
    const asset = egMatches.find((m) => m.role === 'asset' && m.createdAs === got);
    const assetRow =
      asset &&
      rows.find(
        (r) => r.role === 'asset' && r.name === asset.name && r.context === asset.owners[0],
      );
    if (assetRow?.expected === want) return { row, verdict: 'missed', got, want };
    return { row, verdict: 'wrong', got, want };
  });
  const count = (verdict: Verdict) => scored.filter((s) => s.verdict === verdict).length;
  const trueMatches = rows.filter((row) => row.expected !== 'none').length;
  return {
    rows: scored,
    trueMatches,
    joined: count('joined'),
    wrong: count('wrong'),
    missed: count('missed'),
    unseen: count('unseen'),
    recall: trueMatches ? count('joined') / trueMatches : 1,
  };
}
