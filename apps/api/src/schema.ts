import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { defaultFieldResolver, type GraphQLField, type GraphQLSchema } from 'graphql';
import { alertResolvers } from './modules/alerts/resolvers';
import { licenceResolvers } from './modules/licences/resolvers';
import { commonResolvers } from './modules/common/resolvers';
import { fileResolvers } from './modules/files/resolvers';
import { impactResolvers } from './modules/impact/resolvers';
import { lineageResolvers } from './modules/lineage/resolvers';
import { metaResolvers } from './modules/meta/resolvers';
import { mutationResolvers } from './modules/mutations/resolvers';
import { nodeResolvers } from './modules/nodes/resolvers';
import { reviewResolvers } from './modules/review/resolvers';
import { triageResolvers } from './modules/triage/resolvers';
import { watchResolvers } from './modules/watch/resolvers';

const MODULES = [
  'common',
  'nodes',
  'lineage',
  'impact',
  'meta',
  'mutations',
  'review',
  'files',
  'triage',
  'watch',
  'alerts',
  'licences',
];

const typeDefs = MODULES.map((module) =>
  readFileSync(new URL(`./modules/${module}/schema.graphql`, import.meta.url), 'utf8'),
);

/** The SDL of every module, merged: the API's contract. */
export function createSchema() {
  const schema = makeExecutableSchema({
    typeDefs,
    resolvers: [
      commonResolvers,
      nodeResolvers,
      lineageResolvers,
      impactResolvers,
      metaResolvers,
      mutationResolvers,
      reviewResolvers,
      fileResolvers,
      triageResolvers,
      watchResolvers,
      alertResolvers,
      licenceResolvers,
    ],
    inheritResolversFromInterfaces: true,
  });
  return withPageDefaults(schema);
}

/**
 * `first: null` means the field's default page, exactly as `first` left out does: the SDL's
 * default is the one size resolvers serve and the cost limit prices.
 */
function withPageDefaults(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !('getFields' in type) || 'resolveType' in type) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      const first = field.args?.find((arg) => arg.name === 'first');
      if (first?.defaultValue === undefined) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) =>
        resolve(source, { ...args, first: args.first ?? first.defaultValue }, context, info);
    }
  }
  return schema;
}
