import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '@/lib/commitments/status-style';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { DUE_CATEGORIES, DUE_COLORS } from '@/lib/dashboard/due-categories';
import { CHART_BACKGROUNDS, contrastRatio, markEdge } from './contrast';
import { labelFits, pointTitle, segmentTitle } from './labels';
import { periodLabel } from '@/lib/format/quarters';
import { stepPath } from './paths';
import { niceTicks } from './scale';
import { BURNUP_COLORS, dueSeries, MEAN_PROGRESS_COLOR, statusSeries } from './series';
import { stackSegments } from './stack';

const counts = (c: Partial<Record<Status, number>>) => Object.fromEntries(STATUSES.map((s) => [s, c[s] ?? 0])) as Record<Status, number>;

describe('niceTicks', () => {
  it('gives whole-number ticks from zero up to at least the maximum', () => {
    expect(niceTicks(3)).toEqual({ ticks: [0, 1, 2, 3], top: 3 });
    expect(niceTicks(7)).toEqual({ ticks: [0, 2, 4, 6, 8], top: 8 });
    expect(niceTicks(19)).toEqual({ ticks: [0, 5, 10, 15, 20], top: 20 });
    expect(niceTicks(60)).toEqual({ ticks: [0, 20, 40, 60], top: 60 });
    expect(niceTicks(0)).toEqual({ ticks: [0, 1], top: 1 });
    for (const max of [1, 2, 5, 9, 11, 33, 99, 101, 1234]) {
      const { ticks, top } = niceTicks(max);
      expect(top).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.every(Number.isInteger)).toBe(true);
    }
  });
});

describe('stackSegments', () => {
  it('stacks in STATUSES order, the first status first, and leaves out zeros', () => {
    const segments = stackSegments(counts({ completed: 2, not_started: 1, at_risk: 3 }), STATUSES);
    expect(segments).toEqual([
      { key: 'not_started', value: 1, start: 0, end: 1 },
      { key: 'at_risk', value: 3, start: 1, end: 4 },
      { key: 'completed', value: 2, start: 4, end: 6 },
    ]);
  });

  it('orders the status and due series as the vocabulary does, whatever the labels', () => {
    const ko = Object.fromEntries(STATUSES.map((s, i) => [s, `가${'하다라마바사'[5 - i]}`])) as Record<Status, string>;
    expect(statusSeries(ko).map((s) => s.key)).toEqual([...STATUSES]);
    expect(statusSeries(ko).map((s) => s.label)).toEqual(STATUSES.map((s) => ko[s]));
    expect(dueSeries({ completed: 'c', onCourse: 'o', overdue: 'v', discontinued: 'd' }).map((s) => s.key)).toEqual([...DUE_CATEGORIES]);
  });
});

describe('tooltips', () => {
  it('name a segment with its category, series and value', () => {
    expect(segmentTitle('Biotechnology', 'In progress', 3)).toBe('Biotechnology — In progress: 3');
  });

  it('name only the non-zero series of a point, and nothing when all are zero', () => {
    expect(pointTitle('Q2 2024', [{ label: 'Due by then', value: 6 }, { label: 'Completed among those due', value: 0 }])).toBe('Q2 2024 — Due by then: 6');
    expect(pointTitle('Q2 2024', [{ label: 'Due by then', value: 6 }, { label: 'Completed among those due', value: 1 }])).toBe('Q2 2024 — Due by then: 6, Completed among those due: 1');
    expect(pointTitle('Q2 2024', [{ label: 'Due by then', value: 0 }])).toBeNull();
  });
});

describe('periodLabel', () => {
  it('words quarters and months in each language, short on axes', () => {
    expect(periodLabel('2024-Q2', 'en', { short: true })).toBe("Q2 '24");
    expect(periodLabel('2024-Q2', 'ko', { short: true })).toBe("'24. 2분기");
    expect(periodLabel('2024-Q2', 'ko')).toBe('2024년 2분기');
    expect(periodLabel('2024-06', 'en', { short: true })).toBe("Jun '24");
    expect(periodLabel('2024-06', 'ko', { short: true })).toBe("'24. 6.");
    expect(periodLabel('2024-06', 'en')).toBe('Jun 2024');
    expect(periodLabel('2024-06', 'ko')).toBe('2024년 6월');
  });
});

describe('labelFits', () => {
  it('keeps the last label, and shows a subset of the wide labels on narrow plots', () => {
    const months = Array.from({ length: 24 }, (_, i) => periodLabel(`${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, 'en', { short: true }));
    const fits = labelFits(months);
    expect(fits.at(-1)).toBe('always');
    const shown = (wide: boolean) => fits.flatMap((f, i) => (f === 'always' || (wide && f === 'wide') ? [i] : []));
    expect(shown(false).length).toBeLessThan(shown(true).length);
    // Narrow: at most 280 px for the shown labels, each about 7 chars × 7.2 px plus a gap.
    expect(shown(false).length * (7 * 7.2 + 8)).toBeLessThanOrEqual(280);
    expect(labelFits(["Q1 '24", "Q2 '24", "Q3 '24"])).toEqual(['always', 'always', 'always']);
  });
});

describe('stepPath', () => {
  it('holds each value until the next point and runs from edge to edge', () => {
    expect(stepPath([{ x: 25, y: 100 }, { x: 75, y: 40 }], 0, 100)).toBe('M0 100 H75 V40 H100');
  });
});

describe('mark contrast (WCAG 1.4.11)', () => {
  const marks = { ...STATUS_COLORS, ...Object.fromEntries(Object.entries(DUE_COLORS).map(([k, v]) => [`due-${k}`, v])), burnupDue: BURNUP_COLORS.due, burnupCompleted: BURNUP_COLORS.completedOfDue, mean: MEAN_PROGRESS_COLOR };

  it.each(Object.entries(marks))('%s (%s) is outlined at 3:1 or more against the card and the page', (_, fill) => {
    for (const bg of CHART_BACKGROUNDS) expect(contrastRatio(markEdge(fill), bg)).toBeGreaterThanOrEqual(3);
  });

  it('keeps fills that already stand out, and darkens the light ones within their hue', () => {
    expect(markEdge(STATUS_COLORS.in_progress)).toBe(STATUS_COLORS.in_progress);
    expect(contrastRatio(STATUS_COLORS.at_risk, '#ffffff')).toBeLessThan(3);
    const edge = markEdge(STATUS_COLORS.at_risk);
    expect(edge).not.toBe(STATUS_COLORS.at_risk);
    // Same hue: the channels keep their proportions (mixed with black).
    const ch = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    const [r, g] = ch(edge);
    expect(g! / r!).toBeCloseTo(0x9f / 0xe6, 1);
  });

  it('computes the ratios the WCAG way', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#e69f00', '#ffffff')).toBeCloseTo(2.25, 2);
  });
});
