import { CLEARABLE_FIELDS } from '@lineage/domain';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../schema';

const schema = createSchema();

describe('the unset enums of the SDL', () => {
  const cases: [string, readonly string[]][] = [
    ['ProviderField', CLEARABLE_FIELDS.Provider],
    ['ModelField', CLEARABLE_FIELDS.Model],
    ['DatasetField', CLEARABLE_FIELDS.Dataset],
    ['DeploymentField', CLEARABLE_FIELDS.Deployment],
    ['DefectField', CLEARABLE_FIELDS.Defect],
    ['MitigationField', CLEARABLE_FIELDS.Mitigation],
    ['LinkField', CLEARABLE_FIELDS.Link],
  ];

  it.each(cases)(
    '%s carries exactly the fields the domain lets an update clear',
    (name, fields) => {
      const type = schema.getType(name) as unknown as {
        getValues(): { name: string; value: unknown }[];
      };
      const values = type.getValues();
      expect(values.map((v) => v.value).sort()).toEqual([...fields].sort());
      // Each GraphQL name is its field's name in upper snake case (monthlyActiveUsers: MONTHLY_ACTIVE_USERS).
      for (const { name: graphqlName, value } of values) {
        expect(graphqlName.replace(/_/g, '').toLowerCase()).toBe(String(value).toLowerCase());
      }
    },
  );

  it('offers removals and unset on every upsert input', () => {
    for (const input of [
      'ProviderInput',
      'ModelInput',
      'DatasetInput',
      'DeploymentInput',
      'DefectInput',
    ]) {
      const fields = (
        schema.getType(input) as { getFields(): Record<string, unknown> }
      ).getFields();
      expect(Object.keys(fields)).toEqual(
        expect.arrayContaining(['removeAliases', 'removeSources', 'unset']),
      );
    }
  });
});
