import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERDICT_COLORS, VERDICT_TEXT_COLORS } from '@/components/assessments/verdict';
import { BADGE_TINT_SHARE, CLAIM_BADGE_COLORS, STATUS_COLORS, STATUS_TEXT_COLORS } from '@/lib/commitments/status-style';
import { STATUSES, VERDICTS } from '@/lib/commitments/vocabulary';
import { contrastRatio, mixSrgb } from './contrast';

const TEXT_MIN = 4.5;
const css = fs.readFileSync(path.resolve(import.meta.dirname, '../../app/globals.css'), 'utf8');

/** Every rule of the stylesheet as [selector, declarations]; @media bodies hold no nested braces, so their rules come out too. */
const rules = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => [m[1]!.trim(), m[2]!] as const);
const declared = (body: string, property: string) => new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`).exec(body)?.[1]?.trim();
const root = Object.fromEntries(rules.filter(([s]) => s === ':root').flatMap(([, body]) => [...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+)/g)].map((m) => [m[1]!, m[2]!.trim()])));
/** A CSS colour value as #rrggbb: a hex, or a :root variable holding one. */
const resolve = (value: string): string => {
  const v = /^var\((--[\w-]+)(?:,[^)]*)?\)$/.exec(value)?.[1];
  const hex = v ? root[v] : value;
  if (!hex || !/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`cannot resolve colour ${value}`);
  return hex;
};

/** [what, text, background]: each badge's text on its tint, as `.badge` mixes it. */
const badgePairs = (hue: string, text: string) => [text, mixSrgb(hue, BADGE_TINT_SHARE)] as const;

describe('contrast ratio (WCAG formula)', () => {
  it('matches the reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // The figure for the old at-risk badge: the hue itself as text on its own tint.
    expect(contrastRatio('#e69f00', mixSrgb('#e69f00', 0.12))).toBeCloseTo(2.04, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('badges: text at least 4.5:1 on the badge', () => {
  it.each(STATUSES)('status %s', (s) => {
    expect(contrastRatio(...badgePairs(STATUS_COLORS[s], STATUS_TEXT_COLORS[s]))).toBeGreaterThanOrEqual(TEXT_MIN);
  });

  it('keeps the Okabe–Ito hues for chart marks and the badge tint', () => {
    expect(STATUS_COLORS).toEqual({ not_started: '#8c8c8c', in_progress: '#0072b2', at_risk: '#e69f00', delayed: '#d55e00', completed: '#009e73', discontinued: '#3d3d3d' });
  });

  it.each(VERDICTS)('verdict %s', (v) => {
    expect(contrastRatio(...badgePairs(VERDICT_COLORS[v], VERDICT_TEXT_COLORS[v]))).toBeGreaterThanOrEqual(TEXT_MIN);
  });

  it.each(Object.entries(CLAIM_BADGE_COLORS))('claim mark %s', (_, hue) => {
    expect(contrastRatio(...badgePairs(hue, hue))).toBeGreaterThanOrEqual(TEXT_MIN);
  });

  // Badges whose colour the stylesheet sets (overdue, stale, archived, inferred, synthetic…) and the basis markers.
  const cssBadges = rules.flatMap(([selector, body]) => {
    const badge = declared(body, '--badge-color');
    const basis = declared(body, '--basis-color');
    return [
      ...(badge ? [[selector, resolve(badge), BADGE_TINT_SHARE] as const] : []),
      ...(basis ? [[selector, resolve(basis), 0.1] as const] : []),
    ];
  });

  it('finds the stylesheet’s badges', () => {
    expect(cssBadges.map(([s]) => s)).toEqual(expect.arrayContaining(['.badge--overdue', '.badge--stale', '.badge--archived', '.badge--inferred', '.basis--inferred']));
  });

  it.each(cssBadges)('%s', (_, hue, share) => {
    expect(contrastRatio(hue, mixSrgb(hue, share))).toBeGreaterThanOrEqual(TEXT_MIN);
  });
});

describe('page text: at least 4.5:1', () => {
  const surfaces = { surface: resolve('var(--color-surface)'), page: resolve('var(--color-bg)'), 'table header': '#eef1f4', 'row hover': '#f3f7fb' };
  it.each(['--color-text', '--color-muted', '--color-accent', '--color-danger'].flatMap((fg) => Object.entries(surfaces).map(([where, bg]) => [fg, where, bg] as const)))(
    '%s on %s',
    (fg, _, bg) => {
      expect(contrastRatio(resolve(`var(${fg})`), bg)).toBeGreaterThanOrEqual(TEXT_MIN);
    },
  );

  // Blocks that set both a text colour and a background: the demo banner, notices, the header.
  const filled = rules.flatMap(([selector, body]) => {
    const [fg, bg] = [declared(body, 'color'), declared(body, 'background')];
    const colour = (v?: string) => v && (/^#[0-9a-f]{6}$/i.test(v) || /^var\(--color-[\w-]+\)$/.test(v));
    return colour(fg) && colour(bg) ? [[selector, resolve(fg!), resolve(bg!)] as const] : [];
  });

  it('finds the demo banner and the notices', () => {
    expect(filled.map(([s]) => s)).toEqual(expect.arrayContaining(['.demo-banner', '.notice--error', '.notice--info', '.site-header']));
  });

  it.each(filled)('%s', (_, fg, bg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(TEXT_MIN);
  });
});
