import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import type { NextAuthRequest } from 'next-auth';
import { auth } from '@/lib/auth/config';

/**
 * Runs before every page, API route and 404 (not static files):
 * - gives each response a Content-Security-Policy with a nonce of its own. Next.js reads the policy
 *   from the request headers set here and puts the nonce on its scripts; any other script,
 *   injected or inline, does not run (ADR 0015). The fixed headers are in next.config.ts.
 * - sends signed-out visitors of desk pages to the sign-in page. It only checks that a session
 *   exists: every page and action still loads the user and checks team and role itself.
 */

// React needs eval in development only, to rebuild server error stacks in the browser.
const isDev = process.env.NODE_ENV === 'development';

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // React style attributes (charts, progress bars) are inline styles; a nonce here would disable 'unsafe-inline'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function freshPolicy() {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  return { nonce, policy: contentSecurityPolicy(nonce) };
}

function withPolicy(req: NextRequest): NextResponse {
  const { nonce, policy } = freshPolicy();
  const headers = new Headers(req.headers);
  headers.set('content-security-policy', policy);
  headers.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

// The paths the sign-in redirect has always covered: all but sign-in, the API (and /api-docs), public pages and static files.
const DESK_PATH = /^\/(?!login|api|t\/|_next\/static|_next\/image|favicon\.ico)/;

const signInGate = auth((req: NextAuthRequest, _event: NextFetchEvent) => {
  if (req.auth?.user) return withPolicy(req);
  const url = new URL('/login', req.nextUrl.origin);
  url.searchParams.set('next', req.nextUrl.pathname + req.nextUrl.search);
  const redirect = NextResponse.redirect(url);
  redirect.headers.set('Content-Security-Policy', freshPolicy().policy);
  return redirect;
});

export default function proxy(req: NextRequest, event: NextFetchEvent) {
  return DESK_PATH.test(req.nextUrl.pathname) ? signInGate(req, event) : withPolicy(req);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
