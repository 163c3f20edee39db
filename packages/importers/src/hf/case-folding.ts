import type { NodeKind } from '@lineage/domain';
import type { MatchRecord } from '../matching/name-resolver';
import type { NodeLookup } from '../plan';

/** An id the file spells, and the record where it first does. */
export interface Spelling {
  id: string;
  at: string;
}

export interface FoldedIds {
  /** The id each spelling stands for, by its place in the spellings given. */
  canonical: string[];
  /** The stored ids among them, with their kinds. */
  stored: Map<string, NodeKind>;
  remarks: string[];
  matches: MatchRecord[];
}

/**
 * The hub resolves repo ids without letter case (`deepseek-ai/deepseek-v3` is
 * `deepseek-ai/DeepSeek-V3`) and the store refuses ids that differ only in case. So each
 * spelling stands for the stored id when one exists in any case, else for the first spelling
 * the file uses; each fold is said in a remark.
 */
export async function foldIds(
  /** Each spelling once, in the order the file first uses them. */
  spellings: readonly Spelling[],
  lookup: NodeLookup,
): Promise<FoldedIds> {
  const storedFolded = await lookup.storedIdsFolded(spellings.map((s) => s.id));
  const folded: FoldedIds = { canonical: [], stored: new Map(), remarks: [], matches: [] };
  const firstOf = new Map<string, Spelling>();
  for (const spelling of spellings) {
    const { id, at } = spelling;
    const stored = storedFolded.size ? storedFolded.get(id) : undefined;
    if (stored) {
      folded.canonical.push(stored.id);
      folded.stored.set(stored.id, stored.kind);
      if (stored.id !== id) {
        folded.remarks.push(`${at}: ${id} is stored as ${stored.id} (the hub ignores case)`);
        folded.matches.push({
          at,
          role: 'repo',
          name: id.slice(id.indexOf(':') + 1),
          owners: [],
          resolution: { outcome: 'matched', id: stored.id, kind: stored.kind, method: 'exact' },
        });
      }
      continue;
    }
    const lower = id.toLowerCase();
    const first = firstOf.get(lower);
    if (!first) {
      firstOf.set(lower, spelling);
      folded.canonical.push(id);
      continue;
    }
    folded.canonical.push(first.id);
    folded.remarks.push(`${at}: ${id} is folded into ${first.id} (first at ${first.at})`);
  }
  return folded;
}
