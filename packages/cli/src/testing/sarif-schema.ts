import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../sarif-2.1.0.schema.json';

// The OASIS schema is draft-04, which ajv 8 no longer reads; every keyword it uses means the
// same in draft-07, ajv 8's default, so only its draft-04 header is swapped.
const { $schema: _draft04, id, ...body } = schema;
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile({ ...body, $id: id });

/** Where a log breaks the SARIF 2.1.0 schema; empty when it is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
