/** A commitment code as stored: letters, digits, hyphens and underscores (CET23-BIO-01). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/**
 * The commitment code named by a route's `[code]` segment, or null when the segment cannot be one
 * (the caller answers 404). Next.js has already decoded the segment once; decoding it again would
 * turn `%25E0` into a malformed `%E0` and throw, and no real code has anything to decode.
 */
export function commitmentCodeParam(segment: unknown): string | null {
  return typeof segment === 'string' && CODE.test(segment) ? segment : null;
}
