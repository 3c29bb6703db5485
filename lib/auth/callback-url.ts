/** Plain functions, safe on the client: where to send someone after sign-in. */

/** Any origin will do as the base when the caller has none: only "same as the base" matters. */
const FALLBACK_BASE = 'http://localhost';

/**
 * The path to return to after sign-in: `value` resolved against `base` (the app's own origin)
 * and kept only when it stays on that origin, as path, query and fragment; otherwise `/`. The
 * browser's own URL parser decides, so tabs, new lines, backslashes and `/.//host` tricks that
 * a prefix check misses cannot point elsewhere. Never an open redirect.
 */
export function safeCallbackPath(value: unknown, base: string = FALLBACK_BASE): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || !v) return '/';
  let origin: string;
  let url: URL;
  try {
    origin = new URL(base).origin;
    url = new URL(v, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as a host.
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}

/**
 * The page a sign-in asked to return to, made safe, or null when it asked for none: no callbackUrl,
 * or the start page `/`, where the proxy and the page guard send whoever opened the site's root.
 * Then the user's own landing page applies (`landingPath`).
 */
export function requestedCallbackPath(value: unknown, base: string = FALLBACK_BASE): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || v === null || v === '' || v === '/') return null;
  return safeCallbackPath(v, base);
}

/** Where a user lands after sign-in when no page was asked for: officials on their to-do list, everyone else on the dashboard. */
export function landingPath(hasTodoList: boolean): string {
  return hasTodoList ? '/my' : '/';
}

/** next-auth's `redirect` callback on the same rule: a same-origin URL, else the base URL. */
export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
  const path = safeCallbackPath(url, origin);
  return `${origin}${path}`;
}
