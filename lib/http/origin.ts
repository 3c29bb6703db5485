/** Header access that works for both Fetch `Headers` and next-auth's plain header objects. */
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const v = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The client address recorded in the audit trail and used by the sign-in throttle. Takes the
 * entry of X-Forwarded-For added by the nearest trusted proxy (TRUSTED_PROXY_HOPS, default 0:
 * the address the Next.js server itself saw), so a client cannot pick its own address.
 */
export function clientAddress(source: HeaderSource): string {
  const forwarded = (header(source, 'x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0;
  return forwarded[forwarded.length - 1 - hops] ?? header(source, 'x-real-ip') ?? 'unknown';
}

/** True when the request reached us over HTTPS (directly or via a proxy that says so). */
export function isSecureRequest(source: HeaderSource, url?: string): boolean {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.startsWith('https://');
  const proto = header(source, 'x-forwarded-proto')?.split(',')[0]?.trim();
  return proto ? proto === 'https' : !!url?.startsWith('https://');
}
