import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER, SECURE_SESSION_COOKIE, SESSION_COOKIE } from '@/lib/auth/constants';

const SESSION_COOKIES = [SESSION_COOKIE, SECURE_SESSION_COOKIE];

/**
 * Convenience only: sends a visitor without a session cookie to the login page and tells pages
 * their own path. Every page, action and route handler checks the session itself.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && !pathname.startsWith('/api/') && pathname !== '/login') {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, pathname + search);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
