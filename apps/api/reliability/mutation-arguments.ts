import type { GraphQLSchema } from 'graphql';

interface TypeLike {
  toString(): string;
}
interface FieldLike {
  name: string;
  type: TypeLike;
  args?: readonly { name: string; type: TypeLike }[];
}
const fieldsOf = (type: unknown): Record<string, FieldLike> =>
  typeof (type as { getFields?: unknown })?.getFields === 'function'
    ? (type as { getFields(): Record<string, FieldLike> }).getFields()
    : {};

/** Real ids for arguments named after what they point at, so a write token's call would write. */
const SEED_IDS: [RegExp, string][] = [
  [/defect/i, 'defect:FMD-2026-0008'],
  [/provider|operator/i, 'provider:meta'],
  [/^(from|nodeId|originIds)$/, 'model:meta-llama/Llama-2-7b-chat-hf'],
  [/^to$/, 'model:meta-llama/Llama-2-7b-hf'],
];

export interface MutationCall {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** Every mutation of the schema, each called with arguments of the right types. */
export function everyMutation(schema: GraphQLSchema, idPrefix: string): MutationCall[] {
  return Object.values(fieldsOf(schema.getMutationType())).map((field) => {
    const args = field.args ?? [];
    return {
      name: field.name,
      query: `mutation Call${args.length ? `(${args.map((a) => `$${a.name}: ${a.type}`).join(', ')})` : ''} {
        ${field.name}${args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''} { __typename } }`,
      variables: Object.fromEntries(
        args.map((a) => [a.name, valueFor(schema, a.name, String(a.type), idPrefix)]),
      ),
    };
  });
}

function valueFor(schema: GraphQLSchema, name: string, type: string, prefix: string): unknown {
  if (type.endsWith('!')) return valueFor(schema, name, type.slice(0, -1), prefix);
  if (type.startsWith('[')) return [valueFor(schema, name, type.slice(1, -1), prefix)];
  const named = schema.getType(type);
  const values = (named as { getValues?: () => { name: string }[] } | undefined)?.getValues?.();
  if (values) return values[0]!.name;
  const fields = Object.values(fieldsOf(named));
  if (fields.length) {
    const kind = type.replace(/Input$/, '').toLowerCase();
    return Object.fromEntries(
      fields.map((f) => [
        f.name,
        f.name === 'id'
          ? `${kind}:${prefix}/auth-probe`
          : valueFor(schema, f.name, String(f.type), prefix),
      ]),
    );
  }
  if (type === 'ID')
    return SEED_IDS.find(([pattern]) => pattern.test(name))?.[1] ?? `model:${prefix}/x`;
  if (type === 'Int' || type === 'Float') return 1;
  if (type === 'Boolean') return true;
  if (type === 'Date') return '2026-01-01';
  return 'auth probe';
}
