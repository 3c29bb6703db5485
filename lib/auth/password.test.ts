import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/validation/common';
import { dictionary } from '@zxcvbn-ts/language-common';
import { containsEmailLocalPart, isCommonPassword } from './common-passwords';
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

  it('refuse every long-enough entry of the 10,000 most common, padded with digits or doubled', () => {
    const top = dictionary['passwords-common'].slice(0, 10_000).filter((p) => p.length >= 12);
    expect(top.length).toBeGreaterThan(10);
    for (const p of top) expect(problems(p)).toContain('password_too_common');
    for (const p of ['iloveyou12345', '1qaz2wsx3edc', 'Sunshine!!2024', 'dragondragon', 'football2023!']) expect(problems(p)).toContain('password_too_common');
    for (const p of ['demo-password-2023', 'kestrel-harbour-41', 'correct horse battery staple']) expect(problems(p)).toEqual([]);
  });

  it('tell a password that contains the e-mail name', () => {
    expect(containsEmailLocalPart('My-JKim-password-1', 'jkim@example.org')).toBe(true);
    expect(containsEmailLocalPart('kestrel-harbour-41', 'jkim@example.org')).toBe(false);
    expect(containsEmailLocalPart('a-long-passphrase', 'a@example.org')).toBe(false);
  });

  it('refuse keyboard and alphabet runs, look-alike spellings and long classics', () => {
    for (const p of ['qwertyuiopas', 'abcdefghijkl', 'zyxwvutsrqpo', 'P@ssword1234', 'p@$$w0rd1234', 'correcthorsebatterystaple']) expect(isCommonPassword(p), p).toBe(true);
    for (const p of ['kestrel-mango-4491', 'demo-password-2023', 'Tr0ub4dor&3-horse-staple']) expect(isCommonPassword(p), p).toBe(false);
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
