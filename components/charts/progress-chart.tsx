'use client';

import { useTranslations } from 'next-intl';
import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { STATUS_COLORS } from '@/lib/commitments/status-style';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';

export interface ProgressPoint {
  period: string;
  counts: Record<Status, number>;
  meanProgress: number;
}

/** Commitments in each status at the end of each period (stacked), with mean progress (right axis). */
export function ProgressChart({ data }: { data: ProgressPoint[] }) {
  const t = useTranslations();
  const rows = data.map((p) => ({ period: p.period, ...p.counts, meanProgress: Math.round(p.meanProgress * 10) / 10 }));
  return (
    <ComposedChart data={rows} responsive style={{ width: '100%', height: '100%' }}>
      <CartesianGrid vertical={false} />
      <XAxis dataKey="period" tick={{ fontSize: 12 }} padding={{ left: 24, right: 24 }} />
      <YAxis yAxisId="count" allowDecimals={false} width={40} />
      <YAxis yAxisId="progress" orientation="right" domain={[0, 100]} unit="%" width={48} />
      <Tooltip />
      <Legend />
      {STATUSES.map((s) => (
        <Area key={s} yAxisId="count" type="stepAfter" dataKey={s} name={t(`status.${s}`)} stackId="s" stroke={STATUS_COLORS[s]} fill={STATUS_COLORS[s]} fillOpacity={0.75} isAnimationActive={false} />
      ))}
      <Line yAxisId="progress" type="monotone" dataKey="meanProgress" name={t('dashboard.progress.mean')} stroke="#cc79a7" strokeWidth={3} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
    </ComposedChart>
  );
}

export interface BurnupPoint {
  period: string;
  completed: number;
  dueByThen: number;
}

/** Completed commitments against the number that had fallen due by then. */
export function BurnupChart({ data }: { data: BurnupPoint[] }) {
  const t = useTranslations('dashboard.burnup');
  return (
    <ComposedChart data={data} responsive style={{ width: '100%', height: '100%' }}>
      <CartesianGrid vertical={false} />
      <XAxis dataKey="period" tick={{ fontSize: 12 }} padding={{ left: 24, right: 24 }} />
      <YAxis allowDecimals={false} width={40} />
      <Tooltip />
      <Legend />
      <Line type="stepAfter" dataKey="dueByThen" name={t('due')} stroke="#d55e00" strokeWidth={2} strokeDasharray="5 4" dot={false} isAnimationActive={false} />
      <Line type="stepAfter" dataKey="completed" name={t('completed')} stroke="#009e73" strokeWidth={3} dot={false} isAnimationActive={false} />
    </ComposedChart>
  );
}
