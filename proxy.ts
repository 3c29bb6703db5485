import { NextResponse, type NextRequest } from 'next/server';
import { REQUEST_PATH_HEADER, SECURE_SESSION_COOKIE, SESSION_COOKIE } from '@/lib/auth/constants';
import { contentSecurityPolicy, createNonce } from '@/lib/http/csp';
import { requestHost } from '@/lib/http/origin';
import { MESSAGES } from '@/lib/i18n/messages';

const SESSION_COOKIES = [SESSION_COOKIE, SECURE_SESSION_COOKIE];
/** Pages and files a signed-out visitor may have: the login page and the icon it shows. */
const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/login', '/icon.svg']);

/**
 * Sends a visitor without a session cookie to the login page (convenience only: every page, action
 * and route handler checks the session itself) and prepares every request: its path for pages, a
 * per-response CSP nonce (Next.js reads it from the request's copy of the header and puts it on
 * its scripts, so pages render per request), and X-Forwarded-Host set to the host requestHost
 * trusts (the Host header unless TRUSTED_PROXY_HOPS > 0), so a client cannot choose the origin
 * next-auth (without NEXTAUTH_URL) and the server actions' origin check see.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Next.js decodes route segments itself and fails with a 500 on a broken %-escape: answer 400 first.
  if (!decodablePath(pathname)) return malformedPath(pathname);
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && !pathname.startsWith('/api/') && !PUBLIC_PATHS.has(pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, pathname + search);
  const csp = contentSecurityPolicy(createNonce());
  forwarded.set('Content-Security-Policy', csp);
  const host = requestHost(request.headers);
  if (host) forwarded.set('x-forwarded-host', host);
  else forwarded.delete('x-forwarded-host');
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

/** True when every segment of the (still encoded) path decodes. */
function decodablePath(pathname: string): boolean {
  try {
    for (const segment of pathname.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/** 400 for a path with a broken %-escape: JSON for the API, a short page in both languages otherwise. */
function malformedPath(pathname: string): NextResponse {
  if (pathname.startsWith('/api/')) {
    return NextResponse.json({ error: { code: 'bad_request', message: MESSAGES.en.errors.malformedPathBody } }, { status: 400 });
  }
  const text = (['ko', 'en'] as const).map((l) => `${MESSAGES[l].errors.malformedPathTitle}\n${MESSAGES[l].errors.malformedPathBody}`).join('\n\n');
  return new NextResponse(text, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
