/** Header access that works for both Fetch `Headers` and next-auth's plain header objects. */
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const v = source[name] ?? source[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function entries(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Reverse proxies in front of the app (TRUSTED_PROXY_HOPS); anything but a positive integer is 0. */
export function trustedProxyHops(): number {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

/** `::ffff:203.0.113.9` (an IPv4 peer of a dual-stack socket) reads as `203.0.113.9`. */
function normalizeAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
}

/**
 * The address of the TCP peer, as server.js recorded it in the header it names in
 * PEER_ADDRESS_HEADER (overwriting whatever the client sent under that name). Without server.js
 * (`next dev`, a bare `next start`) there is no such header to trust: Next.js 16 gives route
 * handlers no socket address, and only adds X-Forwarded-For when the client sent none.
 */
function peerAddress(source: HeaderSource): string | undefined {
  const name = process.env.PEER_ADDRESS_HEADER;
  return name ? header(source, name) : undefined;
}

/**
 * The client address recorded in the audit trail and used by the sign-in throttle. With no
 * trusted proxy (TRUSTED_PROXY_HOPS=0) it is the socket's peer: X-Forwarded-For is the client's
 * own claim and is ignored. With N trusted proxies it is the Nth X-Forwarded-For entry from the
 * right, the one the outermost trusted proxy appended (entries further left are the client's
 * claims); when there are fewer entries than that, the peer. `unknown` when nothing says.
 */
export function clientAddress(source: HeaderSource, hops: number = trustedProxyHops()): string {
  if (hops > 0) {
    const forwarded = entries(header(source, 'x-forwarded-for'));
    const entry = forwarded[forwarded.length - hops];
    if (entry) return normalizeAddress(entry);
  }
  const peer = peerAddress(source);
  return peer ? normalizeAddress(peer) : 'unknown';
}

/**
 * The host the client addressed: the Host header, or with a trusted proxy the X-Forwarded-Host
 * entry the nearest proxy wrote. A client-sent X-Forwarded-Host is ignored when no proxy is trusted.
 */
export function requestHost(source: HeaderSource, hops: number = trustedProxyHops()): string | undefined {
  const forwarded = hops > 0 ? entries(header(source, 'x-forwarded-host')).at(-1) : undefined;
  return forwarded ?? header(source, 'host') ?? undefined;
}

/** True when the request reached us over HTTPS (directly or via a proxy that says so). */
export function isSecureRequest(source: HeaderSource, url?: string): boolean {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.startsWith('https://');
  const proto = header(source, 'x-forwarded-proto')?.split(',')[0]?.trim();
  return proto ? proto === 'https' : !!url?.startsWith('https://');
}
