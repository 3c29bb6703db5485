import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './config';

describe('negotiateLocale', () => {
  it('prefers the highest-ranked supported language', () => {
    expect(negotiateLocale('ko-KR,ko;q=0.9,en-US;q=0.8')).toBe('ko');
    expect(negotiateLocale('fr-FR,en;q=0.5,ko;q=0.4')).toBe('en');
    expect(negotiateLocale('en;q=0.2,ko;q=0.9')).toBe('ko');
  });

  it('falls back to English for missing or unsupported headers', () => {
    expect(negotiateLocale(null)).toBe('en');
    expect(negotiateLocale('fr,de')).toBe('en');
    expect(negotiateLocale('ko;q=0')).toBe('en');
  });
});
