import argon2 from 'argon2';
import { z } from 'zod';
import { isCommonPassword } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Zod schema for a new password: length, not a common password, not a single repeated character. */
export const NewPasswordInput = z
  .string({ error: (issue) => (issue.input == null ? 'required' : 'not_a_string') })
  .min(PASSWORD_MIN_LENGTH, { message: 'password_too_short' })
  .max(PASSWORD_MAX_LENGTH, { message: 'password_too_long' })
  .refine((p) => !isCommonPassword(p), { message: 'password_too_common' })
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
