import type { Plugin } from 'graphql-yoga';

/**
 * Refuses a request body larger than `maxBytes` before it is read, with 413 and the API's error
 * shape. The largest body the API takes is importFile's content (5 MB), JSON-escaped.
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, endResponse }) {
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length <= maxBytes) return;
      const message = `the request body is larger than ${Math.round(maxBytes / 2 ** 20)} MB`;
      endResponse(
        Response.json(
          { errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
          { status: 413 },
        ),
      );
    },
  };
}
