import type { Verdict } from '@/lib/commitments/vocabulary';

/** The message key of each verdict on the G7 scale (assessments.verdicts.*). */
export const VERDICT_KEYS = { 1: 'full', 0: 'partial', [-1]: 'none' } as const satisfies Record<Verdict, string>;

/** Okabe–Ito hues, as the status badges: full green, partial orange, not complying vermilion. Tint and border. */
export const VERDICT_COLORS = { 1: '#009e73', 0: '#e69f00', [-1]: '#d55e00' } as const satisfies Record<Verdict, string>;

/** A verdict badge's text: the darker shade of its hue, as the status badges' (≥ 4.5:1 on the tint). */
export const VERDICT_TEXT_COLORS = { 1: '#00674b', 0: '#7f5700', [-1]: '#954200' } as const satisfies Record<Verdict, string>;
