import {
  ACCESS_LEVELS,
  DEFECT_CATEGORIES,
  DEFECT_STATUSES,
  ERROR_CODES,
  EXPOSURE_LEVELS,
  LINEAGE_RELATIONS,
  MODEL_KINDS,
  NODE_KINDS,
  RELATION_TYPES,
  SEVERITIES,
  TRANSMISSION_LEVELS,
  TRIAGE_JUSTIFICATIONS,
  TRIAGE_STATES,
} from '@lineage/domain';
import { describe, expect, it } from 'vitest';
import { createSchema } from './schema';

const schema = createSchema();

/** The values of an SDL enum, in the order the SDL lists them. */
function enumValues(name: string): string[] {
  const type = schema.getType(name) as { getValues?: () => { name: string }[] };
  if (!type?.getValues) throw new Error(`the schema has no enum ${name}`);
  return type.getValues().map((value) => value.name);
}

// A value added to the domain and not to the SDL (or the other way round) would be refused by
// one side, or come back as an error from the other: each enum must hold exactly the domain's.
describe("the SDL's enums are the domain's constants", () => {
  const cases: [string, readonly string[]][] = [
    ['NodeKind', NODE_KINDS],
    ['ModelKind', MODEL_KINDS],
    ['LineageRelation', LINEAGE_RELATIONS],
    ['RelationType', RELATION_TYPES],
    ['DefectCategory', DEFECT_CATEGORIES],
    ['Severity', SEVERITIES],
    ['DefectStatus', DEFECT_STATUSES],
    ['TransmissionLevel', TRANSMISSION_LEVELS],
    ['ErrorCode', ERROR_CODES],
    ['TriageState', TRIAGE_STATES],
    ['TriageJustification', TRIAGE_JUSTIFICATIONS],
    // The domain stores access in lower case; GraphQL enums are upper case by convention.
    ['Access', ACCESS_LEVELS.map((level) => level.toUpperCase())],
    // Levels a node can be reported at: every level but NONE.
    ['ExposureLevel', EXPOSURE_LEVELS.filter((level) => level !== 'NONE')],
  ];

  it.each(cases)('%s', (name, constants) => {
    expect([...enumValues(name)].sort()).toEqual([...constants].sort());
  });

  it('lists exposure levels strongest first, the order results are sorted in', () => {
    expect(enumValues('ExposureLevel')).toEqual(
      [...EXPOSURE_LEVELS].reverse().filter((level) => level !== 'NONE'),
    );
  });
});
