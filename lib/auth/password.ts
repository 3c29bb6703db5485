import argon2 from 'argon2';
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Long-enough passwords that still top breach lists; compared case-insensitively. */
const COMMON_PASSWORDS = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456123456', '111111111111', '000000000000',
  'password1234', 'password12345', 'password123!', 'passwordpassword', 'p@ssw0rd1234', 'qwertyuiop12',
  'qwertyuiopas', 'qwerty123456', '1q2w3e4r5t6y', 'q1w2e3r4t5y6', 'iloveyou1234', 'letmein12345',
  'welcome12345', 'welcome123!', 'administrator', 'admin1234567', 'changeme1234', 'abcdefghijkl',
  'abc123456789', 'asdfghjkl123', 'zxcvbnm12345', 'football1234', 'baseball1234', 'sunshine1234',
  'princess1234', 'superman1234', 'trustno1trustno1', 'correcthorsebatterystaple', 'masterpassword',
  'qwertyqwerty', 'aaaaaaaaaaaa', 'passw0rdpassw0rd', 'dragon123456', 'monkey123456',
]);

/** Zod schema for a new password: length, not a common password, not a single repeated character. */
export const NewPasswordInput = z
  .string({ error: (issue) => (issue.input == null ? 'required' : 'not_a_string') })
  .min(PASSWORD_MIN_LENGTH, { message: 'password_too_short' })
  .max(PASSWORD_MAX_LENGTH, { message: 'password_too_long' })
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), { message: 'password_too_common' })
  .refine((p) => new Set(p).size > 2, { message: 'password_too_common' });

/** argon2id with the library's defaults (64 MiB, t=3, p=4). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A valid hash of a random secret: verifying against it costs as much as a real check. */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}
