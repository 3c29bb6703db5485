import { periodLabel } from '@/lib/format/quarters';
import { BURNUP_COLORS, MEAN_PROGRESS_COLOR, statusSeries } from '@/lib/charts/series';
import type { Status } from '@/lib/commitments/vocabulary';
import type { Locale } from '@/lib/i18n/config';
import { ColumnChart } from './column-chart';
import { StepLinesChart } from './step-lines-chart';

export interface ProgressPoint {
  period: string;
  counts: Record<Status, number>;
  meanProgress: number;
  links: Record<Status, string>;
}

/** Commitments in each status at the end of each period (stacked), with mean progress (right axis). */
export function ProgressChart({ data, statusLabels, meanLabel, locale }: { data: ProgressPoint[]; statusLabels: Record<Status, string>; meanLabel: string; locale: Locale }) {
  return (
    <ColumnChart
      series={statusSeries(statusLabels)}
      columns={data.map((p) => ({ key: p.period, label: periodLabel(p.period, locale, { short: true }), title: periodLabel(p.period, locale), values: p.counts, hrefs: p.links }))}
      line={{ key: 'mean', label: meanLabel, color: MEAN_PROGRESS_COLOR, values: data.map((p) => p.meanProgress), format: (v) => v.toFixed(1) }}
    />
  );
}

export interface BurnupPoint {
  period: string;
  dueByThen: number;
  /** Of those due by the period's end, how many were completed by then. */
  completedOfDue: number;
}

/** What had fallen due by each period's end, and how much of it was completed by then. */
export function BurnupChart({ data, labels, locale }: { data: BurnupPoint[]; labels: { due: string; completedOfDue: string }; locale: Locale }) {
  return (
    <StepLinesChart
      periods={data.map((p) => ({ key: p.period, label: periodLabel(p.period, locale, { short: true }), title: periodLabel(p.period, locale) }))}
      series={[
        { key: 'due', label: labels.due, color: BURNUP_COLORS.due, dashed: true, width: 2, values: data.map((p) => p.dueByThen) },
        { key: 'completedOfDue', label: labels.completedOfDue, color: BURNUP_COLORS.completedOfDue, width: 3, values: data.map((p) => p.completedOfDue) },
      ]}
    />
  );
}
