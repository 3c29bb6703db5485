import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/validation/common';
import { hashPassword, NewPasswordInput, verifyPassword } from './password';

const problems = (p: unknown) => {
  const r = NewPasswordInput.safeParse(p);
  return r.success ? [] : (fieldErrorsOf(r.error)._form ?? []);
};

describe('passwords', () => {
  it('need at least 12 characters', () => {
    expect(problems('short-pass1')).toEqual(['password_too_short']);
    expect(problems('long-enough-1')).toEqual([]);
  });

  it('refuse common passwords whatever their case, and single repeated characters', () => {
    expect(problems('Password1234')).toContain('password_too_common');
    expect(problems('aaaaaaaaaaaaaaa')).toContain('password_too_common');
  });

  it('refuse a missing or non-text value', () => {
    expect(problems(undefined)).toEqual(['required']);
    expect(problems(123456789012)).toEqual(['not_a_string']);
  });

  it('hash with argon2id and verify only the right password', async () => {
    const hash = await hashPassword('the-right-password');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'the-right-password')).toBe(true);
    expect(await verifyPassword(hash, 'the-wrong-password')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
