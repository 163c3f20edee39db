import {
  getOperationAST,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { apiError } from '../errors';
import { LIST_PRICES, UNKNOWN_LIST_PRICE } from '../list-sizes';

type Args = Record<string, unknown>;

/**
 * What a query would make the server do: every field costs 1, and a list multiplies everything
 * under it by the most items it can return. A page is priced by the `first` the resolver will
 * really use: a literal, a variable, a variable's default, or the field's default when it is
 * left out or null (pagination.ts gives null the schema's default too). Every list without
 * `first` is priced by its cap in list-sizes.ts. Nested lists multiply: 500 models with 500
 * children each cost 1.5 million.
 *
 * `variables` are the request's, as sent: a variable left out takes its default, then the
 * argument's default, as the executor does. A value that is no number is refused by the
 * executor before any resolver runs.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Args,
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const variableValues = variablesOf(operation, variables);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  const costOf = (set: SelectionSetNode, parent: unknown, holderArgs: Args): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldsOf(parent)?.[selection.name.value];
        if (!field || !selection.selectionSet) {
          cost += 1;
          continue;
        }
        const args = argumentsOf(field, selection, variableValues);
        const size = sizeOf(parent, field, args, holderArgs);
        const children = costOf(selection.selectionSet, namedType(field.type), args);
        cost += size * (1 + children);
      } else {
        const typeName =
          selection.kind === Kind.INLINE_FRAGMENT
            ? selection.typeCondition?.name.value
            : fragments.get(selection.name.value)?.typeCondition.name.value;
        const set =
          selection.kind === Kind.INLINE_FRAGMENT
            ? selection.selectionSet
            : fragments.get(selection.name.value)?.selectionSet;
        const type = typeName ? schema.getType(typeName) : parent;
        if (set && type) cost += costOf(set, type, holderArgs);
      }
    }
    return cost;
  };
  return costOf(operation.selectionSet, root, {});
}

// graphql's own coercion (getVariableValues, getArgumentValues) checks types with instanceof,
// which fails when the schema was built by the other copy of graphql (see below): these follow
// its rules by hand, for the numbers the price depends on.

/** Variables as sent, with the operation's defaults for those left out (not for an explicit null). */
function variablesOf(operation: OperationDefinitionNode, sent: Args): Args {
  const values: Args = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (Object.hasOwn(sent, name)) values[name] = sent[name];
    else if (definition.defaultValue) values[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return values;
}

/** The field's arguments as its resolver receives them: variables and defaults applied. */
function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Args) {
  const values: Args = {};
  for (const argument of field.args) {
    const given = node.arguments?.find((arg) => arg.name.value === argument.name)?.value;
    const fromVariable = given?.kind === Kind.VARIABLE;
    if (given && !(fromVariable && !Object.hasOwn(variables, given.name.value))) {
      values[argument.name] = valueFromASTUntyped(given, variables);
    }
    // Left out, or a null page size: the schema's default (withPageDefaults in schema.ts).
    const unset = values[argument.name] === undefined || argument.name === 'first';
    if (unset && values[argument.name] == null && argument.defaultValue !== undefined) {
      values[argument.name] = argument.defaultValue;
    }
  }
  return values;
}

/** How many times what lies under `field` is produced. */
function sizeOf(
  parent: unknown,
  field: GraphQLField<unknown, unknown>,
  args: Args,
  holderArgs: Args,
): number {
  const price = priceOf(parent, field.name);
  if (price !== undefined) return typeof price === 'number' ? price : price(holderArgs);
  if (field.args.some((arg) => arg.name === 'first')) {
    return typeof args.first === 'number' && args.first > 0 ? args.first : 1;
  }
  if (!isList(field.type)) return 1;
  // A connection's edges: its holder's `first` already multiplied them.
  if (field.name === 'edges' && typeName(parent).endsWith('Connection')) return 1;
  return UNKNOWN_LIST_PRICE;
}

function priceOf(parent: unknown, fieldName: string) {
  for (const name of [typeName(parent), ...interfacesOf(parent)]) {
    const price = LIST_PRICES[`${name}.${fieldName}`];
    if (price !== undefined) return price;
  }
  return undefined;
}

/**
 * Lists reachable from Query that have neither `first` nor a price: each would be priced as a
 * full page, so each should get a cap of its own (list-sizes.ts).
 */
export function unpricedListFields(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const seen = new Set<string>();
  const visit = (type: unknown) => {
    const name = typeName(type);
    if (seen.has(name)) return;
    seen.add(name);
    const fields = fieldsOf(type);
    const possible = (schema.getPossibleTypes as (t: unknown) => readonly unknown[]).call(
      schema,
      type,
    );
    for (const implementation of isAbstract(type) ? possible : []) visit(implementation);
    for (const field of Object.values(fields ?? {})) {
      const target = namedType(field.type);
      if (!fieldsOf(target) && !isAbstract(target)) continue;
      const paged = field.args.some((arg) => arg.name === 'first');
      const connection = field.name === 'edges' && name.endsWith('Connection');
      if (isList(field.type) && !paged && !connection && priceOf(type, field.name) === undefined)
        missing.push(`${name}.${field.name}`);
      visit(target);
    }
  };
  visit(schema.getQueryType());
  return missing.sort();
}

// graphql's CommonJS and ESM builds may both be loaded, so its instanceof-based helpers cannot be
// trusted with the schema's types: these read the types by their shape.
function fieldsOf(type: unknown): Record<string, GraphQLField<unknown, unknown>> | undefined {
  const holder = type as { getFields?: () => Record<string, GraphQLField<unknown, unknown>> };
  return typeof holder?.getFields === 'function' ? holder.getFields() : undefined;
}

function namedType(type: unknown): unknown {
  let current = type as { ofType?: unknown };
  while (current?.ofType) current = current.ofType as { ofType?: unknown };
  return current;
}

function isList(type: unknown): boolean {
  for (let current = type as { ofType?: unknown }; current?.ofType;) {
    if (String(current).startsWith('[')) return true;
    current = current.ofType as { ofType?: unknown };
  }
  return false;
}

const typeName = (type: unknown) => String((type as { name?: string })?.name ?? '');

function interfacesOf(type: unknown): string[] {
  const holder = type as { getInterfaces?: () => readonly { name: string }[] };
  return typeof holder?.getInterfaces === 'function'
    ? holder.getInterfaces().map((i) => i.name)
    : [];
}

/** Interfaces and unions: their fields are reached through the types they stand for. */
const isAbstract = (type: unknown) => typeof type === 'object' && !!type && 'resolveType' in type;

/** Refuses, before anything runs, a query costing more than `maxCost`. */
export function useCostLimit(options: { maxCost: number }): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = queryCost(
        args.schema,
        args.document,
        args.operationName,
        (args.variableValues ?? {}) as Args,
      );
      if (cost <= options.maxCost) return;
      setResultAndStopExecution({
        errors: [
          apiError(
            'QUERY_TOO_COSTLY',
            `the query would cost ${Math.round(cost)}, over the limit of ${options.maxCost}: ask for smaller pages or fewer nested lists`,
            { cost: Math.round(cost), maxCost: options.maxCost },
          ),
        ],
      });
    },
  };
}
