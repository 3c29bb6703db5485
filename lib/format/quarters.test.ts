import { describe, expect, it } from 'vitest';
import { quarterLabel } from './quarters';

describe('quarterLabel', () => {
  it('writes quarters as each language reads them, never as the key', () => {
    expect(quarterLabel('2024-Q2', 'ko')).toBe('2024년 2분기');
    expect(quarterLabel('2024-Q2', 'en')).toBe('Q2 2024');
    expect(quarterLabel('2024-Q4', 'ko', { short: true })).toBe("'24. 4분기");
    expect(quarterLabel('2024-Q4', 'en', { short: true })).toBe("Q4 '24");
  });
  it('leaves anything that is not a quarter key as it is', () => {
    expect(quarterLabel('2024-06', 'en')).toBe('2024-06');
  });
});
