export { startApiProcess, type ApiProcess, type ApiProcessOptions } from './api-process';
export { graphql, postGraphQL, type GraphQLAnswer, type RequestOptions } from './graphql-client';
export { childEnvironment } from './env';
