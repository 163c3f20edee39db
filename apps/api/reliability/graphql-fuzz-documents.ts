import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { injectionString } from './injection-strings';

/** A GraphQL request the fuzz sends, and whether the API must refuse it. */
export interface FuzzRequest {
  query: string;
  variables: Record<string, unknown>;
  /** True when the request is wrong by construction: it must come back with an error. */
  mustFail: boolean;
}

// The schema's types are read by their printed shape ("[ID!]!"): graphql may be loaded twice
// (CommonJS and ESM), so its instanceof-based helpers cannot be trusted here.
interface FieldLike {
  name: string;
  type: { toString(): string };
  args?: readonly { name: string; type: { toString(): string } }[];
}
type Fields = Record<string, FieldLike>;
const fieldsOf = (type: unknown): Fields | undefined =>
  typeof (type as { getFields?: unknown })?.getFields === 'function'
    ? (type as { getFields(): Fields }).getFields()
    : undefined;

/** Wrong for every argument (a scalar, an enum, an input without such a field): refused. */
const wrongValue = fc.constant({ nested: { deeper: [[[[{ x: 1 }]]]] } });

/** A value of the printed GraphQL type `type`; strings are always injection fragments. */
function valueOf(schema: GraphQLSchema, type: string, depth = 0): fc.Arbitrary<unknown> {
  if (type.endsWith('!')) return valueOf(schema, type.slice(0, -1), depth);
  if (type.startsWith('[')) {
    const item = valueOf(schema, type.slice(1, -1), depth + 1);
    // Non-empty: an empty list of ids could make a mutation valid, and fuzz must not write.
    return fc.oneof(
      fc.array(item, { minLength: 1, maxLength: 3 }),
      // A huge list (of small items, so the request stays about a megabyte).
      item.map((one) => (JSON.stringify(one).length < 200 ? Array(5_000).fill(one) : [one])),
    );
  }
  const named = schema.getType(type);
  const values = (named as { getValues?: () => { name: string }[] } | undefined)?.getValues?.();
  if (values) return fc.constantFrom(...values.map((v) => v.name));
  const fields = fieldsOf(named);
  if (fields) {
    if (depth > 4) return fc.constant({});
    return fc.record(
      Object.fromEntries(
        Object.values(fields).map((f) => [f.name, valueOf(schema, String(f.type), depth + 1)]),
      ),
    );
  }
  if (type === 'Int') return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
  if (type === 'Float') return fc.double({ noNaN: true, noDefaultInfinity: true });
  if (type === 'Boolean') return fc.boolean();
  return injectionString;
}

/** What to select of a root field's result: enough to run it, userErrors when there are any. */
function selectionFor(schema: GraphQLSchema, type: string): string {
  const fields = fieldsOf(schema.getType(type.replace(/[[\]!]/g, '')));
  if (!fields) return '';
  return fields.userErrors ? '{ __typename userErrors { code message } }' : '{ __typename }';
}

/** Every root field, called with variables of its declared types, some of them wrong. */
function rootFieldCall(schema: GraphQLSchema, operation: 'query' | 'mutation') {
  const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  const fields = Object.values(fieldsOf(root) ?? {});
  return fc.constantFrom(...fields).chain((field) => {
    const args = field.args ?? [];
    const values = args.map((arg) =>
      fc.oneof(
        {
          weight: 4,
          arbitrary: valueOf(schema, String(arg.type)).map((v) => ({ v, wrong: false })),
        },
        { weight: 1, arbitrary: wrongValue.map((v) => ({ v, wrong: true })) },
      ),
    );
    return fc.tuple(...values).map((chosen): FuzzRequest => {
      const declared = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
      const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      return {
        query: `${operation} Fuzz${declared ? `(${declared})` : ''} {
          ${field.name}${passed ? `(${passed})` : ''} ${selectionFor(schema, String(field.type))} }`,
        variables: Object.fromEntries(args.map((arg, i) => [arg.name, chosen[i]!.v])),
        // Mutations always carry an injected (so invalid) id: every one must be refused.
        mustFail: operation === 'mutation' || chosen.some((c) => c.wrong),
      };
    });
  });
}

const deepNesting = fc.integer({ min: 13, max: 60 }).map((depth): FuzzRequest => ({
  query: `{ node(id: "model:meta-llama/Llama-2-7b-hf") { ${'... on LineageNode { parents { to { '.repeat(depth)}
      id ${'} } }'.repeat(depth)} } }`,
  variables: {},
  mustFail: true,
}));

const manyAliases = fc.integer({ min: 16, max: 400 }).map((count): FuzzRequest => ({
  query: `{ ${Array.from({ length: count }, (_, i) => `a${i}: stats { nodes }`).join(' ')} }`,
  variables: {},
  mustFail: true,
}));

const notGraphQL = fc
  .oneof(injectionString, fc.string(), fc.constant('{'.repeat(5_000)))
  .map((query): FuzzRequest => ({ query: `${query} }`, variables: {}, mustFail: true }));

/** Requests a careless or hostile client might send, each to be answered cleanly. */
export function fuzzRequest(schema: GraphQLSchema): fc.Arbitrary<FuzzRequest> {
  return fc
    .oneof(
      { weight: 4, arbitrary: rootFieldCall(schema, 'query') },
      { weight: 4, arbitrary: rootFieldCall(schema, 'mutation') },
      { weight: 1, arbitrary: deepNesting },
      { weight: 1, arbitrary: manyAliases },
      { weight: 1, arbitrary: notGraphQL },
    )
    .map((request) => Object.assign(request, { [fc.toStringMethod]: () => abridged(request) }));
}

/** A failing request as fast-check reports it: huge lists and strings cut short. */
function abridged(request: FuzzRequest): string {
  const json = JSON.stringify({ query: request.query, variables: request.variables });
  return json.length > 2_000 ? `${json.slice(0, 2_000)}... (${json.length} characters)` : json;
}
