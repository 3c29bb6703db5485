import { ForbiddenError } from '@/lib/errors';
import { requestHost } from './origin';

export const CROSS_SITE_MESSAGE = 'Cross-site request refused: its Origin or Sec-Fetch-Site header says it comes from another site';

/** True when `origin` (an Origin header value) is this application's own origin. */
function isOwnOrigin(origin: string, headers: Headers): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (sandboxed frames, some redirects) and garbage
  }
  if (process.env.NEXTAUTH_URL) return url.origin === new URL(process.env.NEXTAUTH_URL).origin;
  const host = requestHost(headers);
  if (!host) return false;
  try {
    // Parsed with the origin's scheme so a default port written out (`:443`) still compares equal.
    return url.host === new URL(`${url.protocol}//${host}`).host;
  } catch {
    return false;
  }
}

/**
 * Refuses (403) a request a browser marks as coming from another site: `Sec-Fetch-Site:
 * cross-site` or `same-site` (a sibling host is another origin too), or an `Origin` that is not
 * the app's own (NEXTAUTH_URL's, else the requested host's). Scripts and other non-browser
 * clients send neither header and pass; the session cookie (SameSite=Lax) still applies.
 */
export function assertSameOrigin(headers: Headers): void {
  const site = headers.get('sec-fetch-site')?.trim().toLowerCase();
  if (site === 'cross-site' || site === 'same-site') throw new ForbiddenError(CROSS_SITE_MESSAGE);
  const origin = headers.get('origin');
  if (origin !== null && !isOwnOrigin(origin, headers)) throw new ForbiddenError(CROSS_SITE_MESSAGE);
}
