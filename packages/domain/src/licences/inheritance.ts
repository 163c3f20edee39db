import type { LicenceTerms, ObligationName } from './licence-terms';
import type { ReadLicence } from './read-licences';
import { VENDOR_MODEL_FAMILIES, familyOf, sameFamily } from './licence-families';
import { describeObligations, droppedObligations } from './dropped-obligations';

export type LicenceProblemKind = 'DROPS' | 'CONFLICTS';

export interface LicenceProblem {
  kind: LicenceProblemKind;
  /** The terms the derivative inherits. */
  ancestor: LicenceTerms;
  /** What the derivative declares. */
  declared?: LicenceTerms;
  /** The ancestor's obligations the declared licence leaves out. */
  dropped: ObligationName[];
  /** The derivative's text names the ancestor's licence although it declares another. */
  acknowledged: boolean;
  /** One plain English sentence. */
  reason: string;
}

/**
 * Ancestors whose text forbids improving any other large language model with the model or its
 * outputs: Llama 2 and Llama 3 §1.b.v, Tongyi Qianwen §5(b). Llama 3.1 and later dropped it.
 */
const CLOSED_TO_OTHER_MODELS: ReadonlySet<string> = new Set(['llama2', 'llama3', 'tongyi-qianwen']);

/** Restrictions a copyleft licence cannot carry on top of its own. */
const RESTRICTIONS: ObligationName[] = ['acceptableUse', 'userThreshold', 'naming', 'outputUse'];

/**
 * Whether a derivative's declared licence keeps the terms it inherits from an ancestor.
 *
 * - No problem when the ancestor's terms do not bind derivatives (MIT, Apache-2.0, BSD, CC BY),
 *   when the derivative declares no licence we recognise (unknowns are reported elsewhere), or
 *   when it declares the same licence or one of the same family carrying every obligation
 *   (Llama 3.1 -> Llama 3.3; CC BY-NC -> CC BY-NC-SA).
 * - CONFLICTS when the two cannot both hold: a non-commercial ancestor under a licence allowing
 *   commercial use; a share-alike ancestor under any other licence; a copyleft licence declared
 *   over restrictions it forbids adding (GPL-3.0 §10, CC BY-SA §3(b)(3)); an ancestor that forbids
 *   improving other vendors' models (Llama 2, Llama 3, Tongyi Qianwen) under another vendor's
 *   model licence, which says the derivative is that vendor's model: Llama 2 -> Gemma conflicts,
 *   Llama 3.1 -> Gemma only drops, since Llama 3.1's naming rule can be kept beside Gemma's terms.
 * - DROPS otherwise, listing what the declared licence leaves out; a permissive licence over a
 *   binding ancestor always drops.
 */
export function inheritanceProblem(
  ancestor: LicenceTerms,
  derivative: ReadLicence,
): LicenceProblem | null {
  const declared = derivative.declared;
  if (!ancestor.obligations.bindsDerivatives || !declared || declared.id === ancestor.id) {
    return null;
  }
  const dropped = droppedObligations(ancestor, declared);
  const conflict = conflictReason(ancestor, declared, dropped);
  if (!conflict && !dropped.length) return null;
  const acknowledged = derivative.alsoNamed.some(
    (named) =>
      named.id === ancestor.id ||
      (sameFamily(named, ancestor) && !droppedObligations(ancestor, named).length),
  );
  const reason =
    conflict ??
    `declares the ${declared.name}, which drops the ${ancestor.name}'s ${describeObligations(ancestor, dropped)}`;
  return {
    kind: conflict ? 'CONFLICTS' : 'DROPS',
    ancestor,
    declared,
    dropped,
    acknowledged,
    reason: acknowledged ? `${reason}, though its text names that licence` : reason,
  };
}

function conflictReason(
  ancestor: LicenceTerms,
  declared: LicenceTerms,
  dropped: ObligationName[],
): string | undefined {
  const a = ancestor.obligations;
  const d = declared.obligations;
  if (a.nonCommercial && !d.nonCommercial)
    return `declares the ${declared.name}, which allows the commercial use the ${ancestor.name} forbids`;
  if (a.shareAlike)
    return `declares the ${declared.name}, but the ${ancestor.name} requires derivatives to be shared under the same licence`;
  const forbidden = dropped.filter((name) => RESTRICTIONS.includes(name));
  if (d.shareAlike && forbidden.length)
    return `declares the ${declared.name}, which forbids adding the ${ancestor.name}'s ${describeObligations(ancestor, forbidden)}`;
  if (
    CLOSED_TO_OTHER_MODELS.has(ancestor.id) &&
    VENDOR_MODEL_FAMILIES.has(familyOf(declared)) &&
    !sameFamily(ancestor, declared)
  )
    return `declares the ${declared.name}, another vendor's model licence, but the ${ancestor.name} forbids improving any other large language model with its model or outputs`;
  return undefined;
}
