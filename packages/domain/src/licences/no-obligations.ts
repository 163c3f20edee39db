import type { LicenceObligations } from './licence-terms';

/** The starting point of every catalogue record: each obligation is switched on where its clause is quoted. */
export const NO_OBLIGATIONS: LicenceObligations = {
  attribution: false,
  acceptableUse: false,
  nonCommercial: false,
  shareAlike: false,
  bindsDerivatives: false,
};
