import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { getOperationAST, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { codeForRejection, isGraphQLError } from '../errors';

/**
 * DESIGN.md's limits: depth 12, 15 aliases, 3,000 tokens; no field suggestions. The cost limit
 * is ours (cost-limit.ts): armor's counts page sizes only when written literally.
 */
export function useLimits(): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: 12 },
    maxAliases: { n: 15 },
    maxTokens: { n: 3000 },
    maxDirectives: { n: 20 },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }) as Plugin;
}

function withCode(error: GraphQLError, phase: 'parse' | 'validate'): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: {
      ...error.extensions,
      code: codeForRejection(error.message, phase),
      http: { status: 400 },
    },
  });
}

/** Every parse or validation error carries an extensions.code clients can match on. */
export function useRejectionCodes(): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (isGraphQLError(result)) replaceParseResult(withCode(result, 'parse'));
      };
    },
    onValidate({ validateFn, setValidationFn }) {
      // graphql-armor throws its rejections rather than returning them: catch those too.
      setValidationFn((...args: Parameters<typeof validateFn>) => {
        try {
          return validateFn(...args);
        } catch (error) {
          if (isGraphQLError(error)) return [error];
          throw error;
        }
      });
      return ({ result, setResult }) => {
        if (result.length) setResult(result.map((error) => withCode(error, 'validate')));
      };
    },
    // Yoga marks a parse or validation error "spec" once every plugin's hook has run (with a
    // copy of graphql that may not be ours), and answers a spec error 200 to a client accepting
    // application/json. The README promises 400: settle it here, just before the response.
    onResultProcess({ result }) {
      for (const error of errorsOf(result)) {
        const http = error.extensions?.http as { status?: number } | undefined;
        if (http?.status === 400) Object.assign(error.extensions, { http: { status: 400 } });
      }
    },
    onExecute() {
      return {
        // Errors with no path and no code come from the request itself (variables that do not
        // fit their types): the caller's input, so BAD_USER_INPUT and HTTP 400.
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          const errors = result.errors.map((error) =>
            error.path || error.extensions?.code ? error : badInput(error),
          );
          setResult({ ...result, errors });
        },
      };
    },
  };
}

function errorsOf(result: unknown): GraphQLError[] {
  const results = Array.isArray(result) ? result : [result];
  return results.flatMap((one) => (one as { errors?: GraphQLError[] } | undefined)?.errors ?? []);
}

function badInput(error: GraphQLError): GraphQLError {
  return new GraphQLError(withoutSuggestion(error.message), {
    nodes: error.nodes,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

/** Suggestions of valid names would help someone probing the schema; the message stays clear. */
function withoutSuggestion(message: string): string {
  return message.replace(/\s*Did you mean .*$/s, '');
}

const started = new WeakMap<Request, { at: number; operation?: string }>();

/** One log line per request: method, path, operation, status, time. Never headers or tokens. */
export function useRequestLog(log: Logger): Plugin {
  return {
    onRequest({ request }) {
      started.set(request, { at: performance.now() });
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const entry = request && started.get(request);
      if (entry) entry.operation = getOperationAST(args.document, args.operationName)?.name?.value;
    },
    onResponse({ request, response }) {
      const entry = started.get(request);
      const url = new URL(request.url);
      log.info(
        {
          method: request.method,
          path: url.pathname,
          operation: entry?.operation,
          status: response.status,
          ms: entry ? Math.round(performance.now() - entry.at) : undefined,
        },
        'request',
      );
    },
  };
}
