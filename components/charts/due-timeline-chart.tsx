import { periodLabel } from '@/lib/format/quarters';
import { dueSeries } from '@/lib/charts/series';
import type { DueCategory } from '@/lib/dashboard/due-categories';
import type { Locale } from '@/lib/i18n/config';
import { ColumnChart } from './column-chart';

export interface DueBar {
  quarter: string;
  values: Record<DueCategory, number>;
  hrefs: Record<DueCategory, string>;
}

/** Commitments falling due per quarter, split by where they stand; a click opens the list behind a segment. */
export function DueTimelineChart({ data, labels, locale }: { data: DueBar[]; labels: Record<DueCategory, string>; locale: Locale }) {
  return (
    <ColumnChart
      series={dueSeries(labels)}
      columns={data.map((d) => ({ key: d.quarter, label: periodLabel(d.quarter, locale, { short: true }), title: periodLabel(d.quarter, locale), values: d.values, hrefs: d.hrefs }))}
    />
  );
}
