import { isDomainError } from '@lineage/domain';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { fromDomainError, isGraphQLError } from '../errors';

const UNAVAILABLE = 'the graph database is unavailable; nothing was read or written, retry shortly';

/**
 * What a client may see of an error: domain errors with their code, GraphQL errors as they are,
 * and for anything else a masked message with code INTERNAL (the details go to the log only).
 */
export function createMaskError(log: Logger) {
  return (error: unknown, message: string): Error => {
    const located = isGraphQLError(error) ? error : undefined;
    const original = located?.originalError ?? error;
    const where = { nodes: located?.nodes, path: located?.path };
    if (isDomainError(original)) {
      // The store's INTERNAL errors carry the driver's or Java's text, and an unavailable
      // database may name its security codes: both are logged, never shown.
      if (original.code === 'INTERNAL') {
        log.error({ err: original }, 'database error');
        return new GraphQLError(message, { ...where, extensions: { code: 'INTERNAL' } });
      }
      const mapped = fromDomainError(original);
      const shown = original.code === 'DATABASE_UNAVAILABLE' ? UNAVAILABLE : mapped.message;
      return new GraphQLError(shown, { ...where, extensions: mapped.extensions });
    }
    if (isGraphQLError(original)) {
      // An error of the request itself (no path: variables that do not fit their types) with
      // no HTTP status is the caller's input: a 400 with a code, never the 500 yoga gives an
      // error it cannot recognise as its own graphql's (two copies of graphql can be loaded).
      const requestError = !located?.path && !original.path && !original.extensions?.http;
      const extensions = requestError
        ? {
            ...original.extensions,
            code: original.extensions?.code ?? 'BAD_USER_INPUT',
            http: { status: 400 },
          }
        : original.extensions;
      return new GraphQLError(original.message, { ...where, extensions });
    }
    log.error({ err: original }, 'unexpected error');
    return new GraphQLError(message, { ...where, extensions: { code: 'INTERNAL' } });
  };
}
