import path from 'node:path';
import { fileTransport, smtpTransport, type DigestTransport } from './transport';

type Env = Record<string, string | undefined>;

export const DEFAULT_DIGEST_FROM = 'Commitment Monitor <no-reply@localhost>';
export const DEFAULT_APP_URL = 'http://localhost:3000';

/**
 * How the digest goes out, from the environment: through SMTP_URL when set; otherwise as .eml files
 * in DIGEST_OUT_DIR (default `data/digests/<week>`), so a trial run or an install without a mail
 * server still shows what would be sent.
 */
export function digestTransportFromEnv(env: Env, week: string): DigestTransport {
  if (env.SMTP_URL) return smtpTransport(env.SMTP_URL);
  return fileTransport(env.DIGEST_OUT_DIR || path.join('data', 'digests', week), week);
}

/** The From header: DIGEST_FROM, or the app's name at a no-reply address. */
export function digestFromEnv(env: Env): string {
  return env.DIGEST_FROM || DEFAULT_DIGEST_FROM;
}

/** The origin the links point at: APP_URL, else NEXTAUTH_URL, else the local server. */
export function appUrlFromEnv(env: Env): string {
  return (env.APP_URL || env.NEXTAUTH_URL || DEFAULT_APP_URL).replace(/\/+$/, '');
}
