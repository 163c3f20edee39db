import { OBLIGATION_NAMES, type LicenceTerms, type ObligationName } from './licence-terms';
import { sameFamily } from './licence-families';

/**
 * The ancestor's obligations that the declared licence leaves out. Within a family an obligation
 * is carried where the declared licence has it too (a user threshold only if no higher); across
 * families the licence-specific ones (attribution notice, use policy, naming rule, output limits,
 * user threshold) are never carried, since each names its own licensor, while non-commercial
 * use means the same under any licence. Share-alike is carried only by the same licence.
 */
export function droppedObligations(
  ancestor: LicenceTerms,
  declared: LicenceTerms,
): ObligationName[] {
  const a = ancestor.obligations;
  const d = declared.obligations;
  const kin = sameFamily(ancestor, declared);
  const carried: Record<ObligationName, boolean> = {
    attribution: kin && d.attribution,
    acceptableUse: kin && d.acceptableUse,
    userThreshold:
      kin && d.userThreshold !== undefined && d.userThreshold <= (a.userThreshold ?? Infinity),
    naming: kin && d.naming !== undefined,
    outputUse: kin && d.outputUse !== undefined,
    nonCommercial: d.nonCommercial,
    shareAlike: declared.id === ancestor.id,
  };
  return OBLIGATION_NAMES.filter((name) => holds(ancestor, name) && !carried[name]);
}

/** Whether the licence carries the obligation at all. */
export function holds(terms: LicenceTerms, name: ObligationName): boolean {
  const value = terms.obligations[name];
  return typeof value === 'boolean' ? value : value !== undefined;
}

/** Obligations as a reason names them: "attribution notice, acceptable-use policy and ...". */
export function describeObligations(terms: LicenceTerms, names: ObligationName[]): string {
  const phrases = names.map((name) => phrase(terms, name));
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)}`;
}

function phrase(terms: LicenceTerms, name: ObligationName): string {
  switch (name) {
    case 'attribution':
      return 'attribution notice';
    case 'acceptableUse':
      return 'acceptable-use policy';
    case 'userThreshold':
      return `${shortCount(terms.obligations.userThreshold ?? 0)}-user threshold`;
    case 'naming':
      return 'naming rule';
    case 'outputUse':
      return 'terms on outputs';
    case 'nonCommercial':
      return 'non-commercial restriction';
    case 'shareAlike':
      return 'share-alike requirement';
  }
}

function shortCount(n: number): string {
  if (n >= 1e9) return `${n / 1e9}B`;
  if (n >= 1e6) return `${n / 1e6}M`;
  return String(n);
}
