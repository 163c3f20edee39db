import type { TriageJustification, TriageState } from '@lineage/domain';

export const OPENVEX_CONTEXT = 'https://openvex.dev/ns/v0.2.0';

export const OPENVEX_STATUSES = [
  'not_affected',
  'affected',
  'fixed',
  'under_investigation',
] as const;
export type OpenVexStatus = (typeof OPENVEX_STATUSES)[number];

export const OPENVEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;
export type OpenVexJustification = (typeof OPENVEX_JUSTIFICATIONS)[number];

/**
 * Our five states as OpenVEX's four. A FALSE_POSITIVE says the defect never applied: OpenVEX
 * has no such status, so it is not_affected (vulnerable_code_not_present) and the tag keeps
 * the state.
 */
export const STATUS_OF_STATE: Record<TriageState, OpenVexStatus> = {
  IN_TRIAGE: 'under_investigation',
  EXPLOITABLE: 'affected',
  NOT_AFFECTED: 'not_affected',
  RESOLVED: 'fixed',
  FALSE_POSITIVE: 'not_affected',
};

/** A status's state when no tag says otherwise (a document from another tool). */
export const STATE_OF_STATUS: Record<OpenVexStatus, TriageState> = {
  under_investigation: 'IN_TRIAGE',
  affected: 'EXPLOITABLE',
  not_affected: 'NOT_AFFECTED',
  fixed: 'RESOLVED',
};

export const FALSE_POSITIVE_JUSTIFICATION: OpenVexJustification = 'vulnerable_code_not_present';

/**
 * CycloneDX's nine justifications as OpenVEX's five (CISA's), by what each says: the code is
 * absent or unreached; exploiting needs what the product lacks (a dependency: the component is
 * not there; a configuration, an environment, or an attacker past the perimeter: the attacker
 * cannot drive the code); or the product itself stops it (compiler, runtime, control). The tag
 * keeps the original, so the mapping loses nothing on a round trip.
 */
export const OPENVEX_JUSTIFICATION: Record<TriageJustification, OpenVexJustification> = {
  CODE_NOT_PRESENT: 'vulnerable_code_not_present',
  CODE_NOT_REACHABLE: 'vulnerable_code_not_in_execute_path',
  REQUIRES_CONFIGURATION: 'vulnerable_code_cannot_be_controlled_by_adversary',
  REQUIRES_DEPENDENCY: 'component_not_present',
  REQUIRES_ENVIRONMENT: 'vulnerable_code_cannot_be_controlled_by_adversary',
  PROTECTED_BY_COMPILER: 'inline_mitigations_already_exist',
  PROTECTED_AT_RUNTIME: 'inline_mitigations_already_exist',
  PROTECTED_AT_PERIMETER: 'vulnerable_code_cannot_be_controlled_by_adversary',
  PROTECTED_BY_MITIGATING_CONTROL: 'inline_mitigations_already_exist',
};

/** An untagged justification read back: the most general of the nine that map onto it. */
export const JUSTIFICATION_OF: Record<OpenVexJustification, TriageJustification> = {
  component_not_present: 'REQUIRES_DEPENDENCY',
  vulnerable_code_not_present: 'CODE_NOT_PRESENT',
  vulnerable_code_not_in_execute_path: 'CODE_NOT_REACHABLE',
  vulnerable_code_cannot_be_controlled_by_adversary: 'REQUIRES_ENVIRONMENT',
  inline_mitigations_already_exist: 'PROTECTED_BY_MITIGATING_CONTROL',
};

/** An affected statement must say what to do; with no note, this says there is nothing yet. */
export const NO_ACTION = 'No action recorded in Lineage yet.';

/**
 * What OpenVEX has no field for, kept in a statement's `status_notes` as its last line:
 * `[lineage key=value ...]`, values percent-encoded (so no space or `]` appears in one).
 * Keys: `state` (FALSE_POSITIVE), `justification` (the CycloneDX one), `by` (the analyst),
 * `note=none` (an affected statement's action is NO_ACTION, not a note) and `untriaged=true`.
 */
export interface LineageTag {
  state?: string;
  justification?: string;
  by?: string;
  note?: 'none';
  untriaged?: 'true';
}

const TAG_KEYS = ['state', 'justification', 'by', 'note', 'untriaged'] as const;

export function writeStatusNotes(text: string | undefined, tag: LineageTag): string {
  const tokens = TAG_KEYS.flatMap((key) =>
    tag[key] === undefined ? [] : [`${key}=${encodeURIComponent(tag[key])}`],
  );
  const line = `[lineage ${tokens.join(' ')}]`;
  return text ? `${text}\n${line}` : line;
}

/** A statement's notes split into their free text and Lineage's tag; a bad tag is a problem. */
export function readStatusNotes(notes: string | undefined): {
  text?: string;
  tag?: LineageTag;
  problem?: string;
} {
  if (notes === undefined) return {};
  const found = /(?:^|\n)\[lineage( [^\]\n]*)?\]\s*$/.exec(notes);
  if (!found) return { text: notes.trim() || undefined };
  const text = notes.slice(0, found.index).trim() || undefined;
  const tag: Record<string, string> = {};
  for (const token of (found[1] ?? '').trim().split(' ').filter(Boolean)) {
    const [key, value, extra] = token.split('=');
    let decoded: string | undefined;
    try {
      decoded = value === undefined || extra !== undefined ? undefined : decodeURIComponent(value);
    } catch {
      decoded = undefined;
    }
    if (decoded === undefined) return { text, problem: `a malformed Lineage tag entry '${token}'` };
    // Keys we do not know come from a later Lineage; what they say is not needed to read this.
    if ((TAG_KEYS as readonly string[]).includes(key!)) tag[key!] = decoded;
  }
  return { ...(text ? { text } : {}), tag: tag as LineageTag };
}
