import { describe, expect, it } from 'vitest';
import { MESSAGES } from './messages';
import { LOCALES } from './config';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogues', () => {
  it('have exactly the same keys in Korean and English', () => {
    const ko = keyPaths(MESSAGES.ko).sort();
    const en = keyPaths(MESSAGES.en).sort();
    expect(ko.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !ko.includes(k))).toEqual([]);
  });

  it('have no empty message in any language', () => {
    for (const locale of LOCALES) {
      const flat = keyPaths(MESSAGES[locale]);
      const empty = flat.filter((path) => {
        const v = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], MESSAGES[locale]);
        return typeof v !== 'string' || v.trim() === '';
      });
      expect(empty, locale).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    for (const path of keyPaths(MESSAGES.en)) {
      const get = (locale: 'ko' | 'en') =>
        path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], MESSAGES[locale]) as string;
      expect(placeholders(get('ko')), path).toEqual(placeholders(get('en')));
    }
  });
});
