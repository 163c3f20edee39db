import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from './lib/content-security-policy';
import { webEnv } from './env';

/**
 * Every page gets a Content-Security-Policy with a nonce of its own: Next.js reads the nonce
 * from the request's policy and puts it on the scripts it renders, so they run and nothing
 * else inline does.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const policy = contentSecurityPolicy(nonce, { development: webEnv().NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Pages only: static files and the JSON route need no policy, and a prefetch reuses the page's.
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|icon.svg).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
