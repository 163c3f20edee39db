export {
  LICENCES,
  OBLIGATION_NAMES,
  licenceTerms,
  type LicenceTerms,
  type LicenceObligations,
  type ObligationName,
} from './licence-terms';
export { readLicence, type ReadLicence } from './read-licences';
export { inheritanceProblem, type LicenceProblem, type LicenceProblemKind } from './inheritance';
