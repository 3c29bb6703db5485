import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ChartCard } from '@/components/dashboard/chart-card';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { BurnupChart, ProgressChart } from './progress-chart';
import { ReportStatusChart } from './report-charts';
import { StatusByAreaChart } from './status-by-area-chart';

vi.mock('next-intl/server', () => ({ getTranslations: async () => (key: string) => key }));

const counts = (c: Partial<Record<Status, number>>) => Object.fromEntries(STATUSES.map((s) => [s, c[s] ?? 0])) as Record<Status, number>;
const links = (area: string) => Object.fromEntries(STATUSES.map((s) => [s, `/commitments?area=${area}&status=${s}`])) as Record<Status, string>;
// Korean labels sort differently from English ones: the order must follow STATUSES, not the words.
const ko: Record<Status, string> = { not_started: '미착수', in_progress: '추진 중', at_risk: '차질 우려', delayed: '지연', completed: '완료', discontinued: '중단' };

const areaChart = () =>
  renderToStaticMarkup(
    createElement(StatusByAreaChart, {
      statusLabels: ko,
      data: [
        { key: 'BIO', label: '생명공학', counts: counts({ completed: 2, in_progress: 3, at_risk: 1 }), hrefs: links('BIO') },
        { key: 'AI', label: '인공지능', counts: counts({ not_started: 4 }), hrefs: links('AI') },
      ],
    }),
  );

describe('server-drawn charts', () => {
  it('list the legend in STATUSES order, the stacking order', () => {
    const html = areaChart();
    const legend = [...html.matchAll(/<li data-key="([a-z_]+)"/g)].map((m) => m[1]);
    expect(legend).toEqual([...STATUSES]);
    // The segments of a bar come in the same order, left to right, zeros left out.
    const bio = html.slice(html.indexOf('생명공학'), html.indexOf('인공지능'));
    expect([...bio.matchAll(/class="bar-([a-z_]+)"/g)].map((m) => m[1])).toEqual(['in_progress', 'at_risk', 'completed']);
  });

  it('title each segment, leaving zero values out, and link it without making it focusable', () => {
    const html = areaChart();
    expect(html).toContain('<title>생명공학 — 추진 중: 3</title>');
    expect(html).not.toContain('생명공학 — 미착수');
    expect(html).toMatch(/<a href="\/commitments\?area=BIO&amp;status=at_risk" tabindex="-1"/);
    // Nothing in the chart can take focus from the keyboard: no positive or zero tabindex, no application role.
    expect(html).not.toMatch(/tabindex="(?!-1")/);
    expect(html).not.toContain('role="application"');
    expect([...html.matchAll(/<a /g)].length).toBe([...html.matchAll(/<a [^>]*tabindex="-1"/g)].length);
    expect(html).not.toContain('use client');
  });

  it('draw the burn-up with the due and completed-of-due lines and per-period titles without zeros', () => {
    const html = renderToStaticMarkup(
      createElement(BurnupChart, {
        locale: 'en',
        labels: { due: 'Due by then', completedOfDue: 'Completed among those due' },
        data: [
          { period: '2024-Q1', dueByThen: 0, completedOfDue: 0 },
          { period: '2024-Q2', dueByThen: 6, completedOfDue: 0 },
          { period: '2024-Q3', dueByThen: 6, completedOfDue: 1 },
        ],
      }),
    );
    expect(html).toContain('class="line-due"');
    expect(html).toContain('class="line-completedOfDue"');
    expect(html).toContain('<title>Q2 2024 — Due by then: 6</title>');
    expect(html).toContain('<title>Q3 2024 — Due by then: 6, Completed among those due: 1</title>');
    expect(html).not.toContain('Q1 2024 —');
    expect(html).toContain('Q3 &#x27;24');
    expect(html).not.toContain('2024-Q3<');
  });

  it('put months on the progress axis in the page language', () => {
    const html = renderToStaticMarkup(
      createElement(ProgressChart, {
        locale: 'ko',
        statusLabels: ko,
        meanLabel: '평균 진척도(%)',
        data: [{ period: '2024-06', counts: counts({ in_progress: 2 }), meanProgress: 45, links: links('X') }],
      }),
    );
    expect(html).toContain('&#x27;24. 6.');
    expect(html).toContain('<title>2024년 6월 — 추진 중: 2</title>');
    expect(html).toContain('<title>2024년 6월 — 평균 진척도(%): 45.0</title>');
  });

  it('draw the report charts without links', () => {
    const html = renderToStaticMarkup(createElement(ReportStatusChart, { layout: 'horizontal', statusLabels: ko, data: [{ key: '2024-Q2', label: "'24. 2분기", title: '2024년 2분기', counts: counts({ delayed: 2 }) }] }));
    expect(html).toContain('<title>2024년 2분기 — 지연: 2</title>');
    expect(html).not.toContain('<a ');
  });

  it('sit in the card inside an aria-hidden wrapper, the table outside it', async () => {
    const card = await ChartCard({ id: 'areas', title: 'Status by area', caption: 'c', chart: createElement(StatusByAreaChart, { statusLabels: ko, data: [{ key: 'BIO', label: 'B', counts: counts({ at_risk: 1 }), hrefs: links('BIO') }] }), table: createElement('table') });
    const html = renderToStaticMarkup(card);
    const hidden = html.slice(html.indexOf('aria-hidden="true"'), html.indexOf('<details'));
    expect(hidden).toContain('<svg');
    expect(hidden).toContain('class="bar-at_risk"');
    expect(html.indexOf('<table')).toBeGreaterThan(html.indexOf('<details'));
    expect(hidden).not.toMatch(/tabindex="(?!-1")/);
  });
});
