import neo4j from 'neo4j-driver';

/** A property value as the rest of the code sees it: dates are ISO strings, integers numbers. */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };
export type PlainProps = Record<string, Plain>;

const INT_FIELDS = new Set(['parameters', 'downloads', 'monthlyActiveUsers', 'graphVersion']);
const DATE_FIELDS = new Set([
  'releasedAt',
  'retiredAt',
  'disclosedAt',
  'since',
  'validFrom',
  'validTo',
]);
const DATETIME_FIELDS = new Set(['updatedAt', 'at', 'triagedAt']);

/**
 * Neo4j types at the store boundary: a JS number would be stored as a float, so integer fields
 * go as Integer; dates as Date so Cypher users can compare them.
 */
export function encodeProps(props: PlainProps): Record<string, unknown> {
  const encoded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined) continue;
    if (INT_FIELDS.has(key) && typeof value === 'number') encoded[key] = neo4j.int(value);
    else if (DATE_FIELDS.has(key) && typeof value === 'string') encoded[key] = toNeo4jDate(value);
    else if (DATETIME_FIELDS.has(key) && typeof value === 'string') {
      encoded[key] = neo4j.types.DateTime.fromStandardDate(new Date(value));
    } else encoded[key] = value;
  }
  return encoded;
}

function toNeo4jDate(iso: string) {
  const [year, month, day] = iso.split('-').map(Number);
  return new neo4j.types.Date(year!, month!, day!);
}

export function decodeValue(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value)) return value.toString();
  if (neo4j.isDateTime(value)) return value.toStandardDate().toISOString();
  if (Array.isArray(value)) return value.map(decodeValue);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, decodeValue(v)]),
    );
  }
  return value as Plain;
}

export function decodeProps(props: object): PlainProps {
  return decodeValue(props) as PlainProps;
}

/** JSON with sorted keys: equal values give equal strings, for diffs and hashes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * The column type Neo4j's offline importer needs for a property, chosen as encodeProps would
 * store the value: integer fields as longs, other numbers as floats, dates and date-times.
 */
export function importColumnType(key: string, value: Plain): string {
  if (INT_FIELDS.has(key) && typeof value === 'number') return 'long';
  if (DATE_FIELDS.has(key) && typeof value === 'string') return 'date';
  if (DATETIME_FIELDS.has(key) && typeof value === 'string') return 'datetime';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return 'string[]';
  throw new Error(`the property ${key} holds a value the offline importer cannot store`);
}
