import { segmentTitle } from '@/lib/charts/labels';
import type { SeriesSpec as Series } from '@/lib/charts/series';
import { niceTicks, round2, scaleLinear } from '@/lib/charts/scale';
import { stackMax, stackSegments } from '@/lib/charts/stack';
import { ChartLegend, Segment, type LegendItem } from './parts';

export interface BarRow<K extends string> {
  key: string;
  label: string;
  values: Record<K, number>;
  hrefs?: Record<K, string>;
}


// Each row: its label on a line of its own, then the bar, so long names need no column of their own.
const ROW = 46;
const LABEL_BASELINE = 14;
const BAR_TOP = 20;
const BAR_HEIGHT = 20;

/** Height of the plot for `rows` bars (the page reserves it before anything loads). */
export const horizontalBarsHeight = (rows: number) => Math.max(1, rows) * ROW;

/**
 * One stacked bar per row, one segment per series in `series` order (the first at the left, as
 * the legend lists it first), the row's total after the bar, and a count axis below.
 */
export function HorizontalBars<K extends string>({ rows, series }: { rows: BarRow<K>[]; series: Series<K>[] }) {
  const order = series.map((s) => s.key);
  const byKey = new Map(series.map((s) => [s.key, s]));
  const { ticks, top } = niceTicks(stackMax(rows.map((r) => r.values), order));
  const x = scaleLinear(top, 100);
  const height = horizontalBarsHeight(rows.length);
  const legend: LegendItem[] = series.map((s) => ({ key: s.key, label: s.label, color: s.color }));
  return (
    <div className="chart chart--bars">
      <ChartLegend items={legend} />
      <div className="chart__plot chart__plot--bars">
        <svg className="chart__svg" width="100%" height={height} focusable="false">
          {ticks.map((t) => (
            <g key={t}>
              {/* Gridlines cross the bars only, not the labels above them. */}
              {rows.map((_, i) => (
                <line key={i} className={t === 0 ? 'chart__baseline' : 'chart__grid'} x1={`${round2(x(t))}%`} x2={`${round2(x(t))}%`} y1={i * ROW + BAR_TOP - 3} y2={i * ROW + BAR_TOP + BAR_HEIGHT + 3} />
              ))}
              <text x={`${round2(x(t))}%`} y={height} dy="1.1em" textAnchor="middle">
                {t}
              </text>
            </g>
          ))}
          {rows.map((row, i) => {
            const y0 = i * ROW;
            const segments = stackSegments(row.values, order);
            const total = segments.at(-1)?.end ?? 0;
            return (
              <g key={row.key} className="chart__row">
                <text className="chart__row-label" x={0} y={y0 + LABEL_BASELINE}>
                  {row.label}
                </text>
                {segments.map((s) => (
                  <Segment
                    key={s.key}
                    className={`bar-${s.key}`}
                    x={`${round2(x(s.start))}%`}
                    width={`${round2(x(s.end) - x(s.start))}%`}
                    y={y0 + BAR_TOP}
                    height={BAR_HEIGHT}
                    fill={byKey.get(s.key)!.color}
                    title={segmentTitle(row.label, byKey.get(s.key)!.label, s.value)}
                    href={row.hrefs?.[s.key]}
                  />
                ))}
                <text className="chart__total" x={`${round2(x(total))}%`} dx={6} y={y0 + BAR_TOP + BAR_HEIGHT / 2} dy="0.32em">
                  {total}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
