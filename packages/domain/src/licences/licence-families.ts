import type { LicenceTerms } from './licence-terms';

/**
 * Licences from one author whose versions or variants may stand in for one another when they
 * carry the same obligations: a Llama 3.1 derivative may go out under Llama 3.3 terms, a CC BY-NC
 * one under CC BY-NC-SA. Across families an obligation is never carried by the words of another
 * licensor: an attribution notice or a use policy names its own.
 */
const FAMILIES: Record<string, string[]> = {
  llama: ['llama2', 'llama3', 'llama3.1', 'llama3.2', 'llama3.3', 'llama4'],
  'creative-commons': ['cc-by-4.0', 'cc-by-sa-4.0', 'cc-by-nc-4.0', 'cc-by-nc-sa-4.0'],
  gnu: ['gpl-3.0', 'agpl-3.0'],
  rail: [
    'openrail',
    'bigscience-bloom-rail-1.0',
    'bigscience-openrail-m',
    'creativeml-openrail-m',
    'bigcode-openrail-m',
    'openrail++',
  ],
  qwen: ['tongyi-qianwen', 'qwen', 'qwen-research'],
  mistral: ['mnpl-0.1', 'mrl'],
};

const FAMILY_OF = new Map(
  Object.entries(FAMILIES).flatMap(([family, ids]) => ids.map((id) => [id, family] as const)),
);

export function familyOf(terms: LicenceTerms): string {
  return FAMILY_OF.get(terms.id) ?? terms.id;
}

export function sameFamily(a: LicenceTerms, b: LicenceTerms): boolean {
  return familyOf(a) === familyOf(b);
}

/** Families whose licence covers one vendor's own models: declaring one says whose model it is. */
export const VENDOR_MODEL_FAMILIES: ReadonlySet<string> = new Set([
  'llama',
  'gemma',
  'deepseek',
  'qwen',
  'mistral',
]);
