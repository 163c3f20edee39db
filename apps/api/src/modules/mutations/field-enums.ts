import { CLEARABLE_FIELDS } from '@lineage/domain';

// The `unset` enums of the SDL (ModelField.MONTHLY_ACTIVE_USERS...) carry the domain's field
// names (monthlyActiveUsers) as their values, built from the domain's list: a value the SDL
// lacks, or one the domain does not know, fails the schema build instead of reaching a write.
const upperSnake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

const values = (fields: readonly string[]) =>
  Object.fromEntries(fields.map((field) => [upperSnake(field), field]));

export const fieldEnumResolvers = {
  ProviderField: values(CLEARABLE_FIELDS.Provider),
  ModelField: values(CLEARABLE_FIELDS.Model),
  DatasetField: values(CLEARABLE_FIELDS.Dataset),
  DeploymentField: values(CLEARABLE_FIELDS.Deployment),
  DefectField: values(CLEARABLE_FIELDS.Defect),
  MitigationField: values(CLEARABLE_FIELDS.Mitigation),
  LinkField: values(CLEARABLE_FIELDS.Link),
};
