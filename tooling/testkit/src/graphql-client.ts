/** What one GraphQL request over HTTP came to. */
export interface GraphQLAnswer {
  /** HTTP status; 0 when no answer came (connection refused, reset, or the client timed out). */
  status: number;
  // Answers are arbitrary JSON; each caller picks the fields it asked for.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: { message?: string; extensions?: { code?: string } }[];
  /** The first error's code, or NETWORK / CLIENT_TIMEOUT / NOT_JSON when there was no answer. */
  code?: string;
  message?: string;
}

export interface RequestOptions {
  token?: string;
  timeoutMs?: number;
  headers?: Record<string, string>;
}

/** POSTs one GraphQL request; never throws, so a client loop survives any outage. */
export async function postGraphQL(
  url: string,
  request: { query: string; variables?: Record<string, unknown>; operationName?: string },
  options: RequestOptions = {},
): Promise<GraphQLAnswer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    let body: Pick<GraphQLAnswer, 'data' | 'errors'> = {};
    try {
      body = JSON.parse(text);
    } catch {
      return { status: response.status, code: 'NOT_JSON', message: text.slice(0, 200) };
    }
    const first = body.errors?.[0];
    return {
      status: response.status,
      data: body.data,
      errors: body.errors,
      code: first?.extensions?.code,
      message: first?.message,
    };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return {
      status: 0,
      code: timedOut ? 'CLIENT_TIMEOUT' : 'NETWORK',
      message: (error as Error).message,
    };
  }
}

/** The data of a request that must succeed: any error, or a status other than 200, throws. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<T> {
  const answer = await postGraphQL(url, { query, variables }, options);
  if (answer.status !== 200 || answer.errors?.length || !answer.data) {
    const why = answer.errors?.map((e) => e.message).join('; ') ?? answer.message ?? 'no data';
    throw new Error(`GraphQL ${answer.status}: ${why}`);
  }
  return answer.data as T;
}
