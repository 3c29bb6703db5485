import { describe, expect, it } from 'vitest';
import { displayName } from './display-name';

describe('displayName', () => {
  it('shows the Korean display name on Korean screens and the name on English ones', () => {
    const u = { email: 'msit@demo.example', name: 'MSIT official', nameKo: '과기정통부 담당자' };
    expect(displayName(u, 'ko')).toBe('과기정통부 담당자');
    expect(displayName(u, 'en')).toBe('MSIT official');
  });

  it('falls back to the other name, then the e-mail address', () => {
    expect(displayName({ email: 'a@example.org', name: 'Kim', nameKo: null }, 'ko')).toBe('Kim');
    expect(displayName({ email: 'a@example.org', name: ' ', nameKo: '김' }, 'en')).toBe('김');
    expect(displayName({ email: 'a@example.org', name: '', nameKo: ' ' }, 'ko')).toBe('a@example.org');
    expect(displayName({ name: 'Kim', nameKo: '김' }, 'ko')).toBe('김');
  });
});
