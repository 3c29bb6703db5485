'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { STATUS_COLORS } from '@/lib/commitments/status-style';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';

export interface StatusBar {
  label: string;
  counts: Record<Status, number>;
}

/**
 * The report's two charts, in the report's language (which may differ from the screen's): status
 * names arrive as props. Same colours as the dashboard and the PDF.
 */
export function ReportStatusChart({ data, statusLabels, layout }: { data: StatusBar[]; statusLabels: Record<Status, string>; layout: 'vertical' | 'horizontal' }) {
  const rows = data.map((d) => ({ label: d.label, ...d.counts }));
  const vertical = layout === 'vertical';
  return (
    <BarChart data={rows} layout={layout} responsive style={{ width: '100%', height: '100%' }} margin={{ left: 8, right: 16 }}>
      <CartesianGrid horizontal={!vertical} vertical={vertical} />
      {vertical ? <XAxis type="number" allowDecimals={false} /> : <XAxis dataKey="label" tick={{ fontSize: 12 }} />}
      {vertical ? <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 12 }} /> : <YAxis allowDecimals={false} width={48} />}
      <Tooltip />
      <Legend />
      {STATUSES.map((s) => (
        <Bar key={s} dataKey={s} name={statusLabels[s]} stackId="status" fill={STATUS_COLORS[s]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
