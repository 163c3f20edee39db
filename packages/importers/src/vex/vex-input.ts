import type { TriageJustification, TriageState } from '@lineage/domain';

/**
 * One node's standing towards one defect. A statement with no `by` is an exposure nobody has
 * analysed: it must be IN_TRIAGE, and the documents mark it so a re-import does not record it
 * as a person's analysis.
 */
export interface VexStatement {
  node: {
    id: string;
    name: string;
    kind: string;
    version?: string;
    /**
     * False when the node is known not to be a hub repository (a closed model whose id merely
     * looks like `owner/name`): it gets no `pkg:huggingface` purl. Left out, the id decides.
     */
    onHub?: boolean;
  };
  state: TriageState;
  justification?: TriageJustification;
  note?: string;
  by?: string;
  /** ISO date-time: when it was triaged, or when the exposure was computed. */
  at: string;
  /** The exposure level Lineage computed, named in an untriaged statement's detail. */
  level?: string;
  /** The witness path the defect reaches the node by, ids from the defect's origin. */
  path?: string[];
}

export interface VexDefect {
  id: string;
  name: string;
  summary?: string;
  severity: string;
  sources: string[];
  disclosedAt?: string;
}

/** What a VEX document states: about one defect (everywhere it reaches) or one product. */
export interface VexInput {
  subject: { kind: 'defect' | 'product'; id: string };
  defects: VexDefect[];
  statements: (VexStatement & { defectId: string })[];
  timestamp: Date;
  /** Who issues the document, e.g. 'Lineage'. */
  author: string;
}

/** One analysis a VEX document states, as `setTriage` records it. */
export interface VexAnalysis {
  defectId: string;
  nodeId: string;
  state: TriageState;
  justification?: TriageJustification;
  note?: string;
  by?: string;
  at?: string;
}

export type VexFormat = 'cyclonedx' | 'openvex';

export interface VexReading {
  format: VexFormat;
  analyses: VexAnalysis[];
}

/** The untriaged statement's detail: what Lineage computed, so a reader sees why it is listed. */
export function untriagedDetail(statement: VexStatement): string {
  const level = statement.level ?? 'unknown';
  const through = statement.path?.length ? ` through ${statement.path.join(' > ')}` : '';
  return `Not yet triaged: Lineage exposure ${level}${through}`;
}
