import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from './lib/content-security-policy';
import { webEnv } from './env';

/** A path whose `%` escapes do not decode: Next.js would answer it with a bare 500. */
function undecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

// A defect's id under /nodes/ (a link or an old bookmark): its page lives under /defects/.
const DEFECT_UNDER_NODES = /^\/nodes\/(defect(?::|%3a).*)$/i;

/**
 * Every page gets a Content-Security-Policy with a nonce of its own: Next.js reads the nonce
 * from the request's policy and puts it on the scripts it renders, so they run and nothing
 * else inline does. Addresses that cannot name a page are answered here, before rendering.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const defect = DEFECT_UNDER_NODES.exec(pathname);
  if (defect) {
    const target = request.nextUrl.clone();
    target.pathname = `/defects/${defect[1]}`;
    return NextResponse.redirect(target, 308);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const policy = contentSecurityPolicy(nonce, { development: webEnv().NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = undecodable(pathname)
    ? // The app's own page saying what was wrong, with a 400 status.
      NextResponse.rewrite(new URL('/bad-address', request.url), {
        request: { headers },
        status: 400,
      })
    : NextResponse.next({ request: { headers } });
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
