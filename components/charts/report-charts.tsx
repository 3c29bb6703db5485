import { statusSeries } from '@/lib/charts/series';
import type { Status } from '@/lib/commitments/vocabulary';
import { ColumnChart } from './column-chart';
import { HorizontalBars } from './horizontal-bars';

export interface StatusBar {
  key: string;
  /** On the axis (a short quarter label, or an area's name). */
  label: string;
  /** In tooltips; the label when absent. */
  title?: string;
  counts: Record<Status, number>;
}

/**
 * The report's two charts, in the report's language (which may differ from the screen's): status
 * names arrive as props. Same colours and order as the dashboard and the PDF. `vertical` lays the
 * bars across (one per area), `horizontal` stands them up (one per quarter).
 */
export function ReportStatusChart({ data, statusLabels, layout }: { data: StatusBar[]; statusLabels: Record<Status, string>; layout: 'vertical' | 'horizontal' }) {
  const series = statusSeries(statusLabels);
  return layout === 'vertical' ? (
    <HorizontalBars series={series} rows={data.map((d) => ({ key: d.key, label: d.label, values: d.counts }))} />
  ) : (
    <ColumnChart series={series} columns={data.map((d) => ({ key: d.key, label: d.label, title: d.title ?? d.label, values: d.counts }))} />
  );
}
