import { NextResponse } from 'next/server';
import { auth } from '@/lib/auth/config';

/**
 * Sends signed-out visitors of desk pages to the sign-in page. It only checks that a session
 * exists: every page and action still loads the user and checks team and role itself.
 */
export default auth((req) => {
  if (req.auth?.user) return NextResponse.next();
  const url = new URL('/login', req.nextUrl.origin);
  url.searchParams.set('next', req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
});

export const config = {
  matcher: ['/((?!login|api|t/|_next/static|_next/image|favicon.ico).*)'],
};
