import { markEdge } from '@/lib/charts/contrast';
import { labelFits, pointTitle, segmentTitle } from '@/lib/charts/labels';
import { bands, niceTicks, round2, scaleLinear } from '@/lib/charts/scale';
import { stackMax, stackSegments } from '@/lib/charts/stack';
import type { SeriesSpec as Series } from '@/lib/charts/series';
import { Lines } from './lines';
import { CategoryLabels, ChartLegend, Segment, ValueGrid, type LegendItem } from './parts';

export interface Column<K extends string> {
  key: string;
  /** On the axis: "Q2 '24". */
  label: string;
  /** In tooltips: "Q2 2024". */
  title: string;
  values: Record<K, number>;
  hrefs?: Record<K, string>;
}

/** A line over the columns on a 0–100 % scale at the right (mean progress). */
export interface PercentLine {
  key: string;
  label: string;
  color: string;
  values: number[];
  format: (v: number) => string;
}

export const COLUMN_CHART_HEIGHT = 220;

/**
 * Stacked columns, one per category (quarter, month), one segment per series in `series` order,
 * the first at the bottom as the legend lists it first; optionally a percentage line on a right axis.
 */
export function ColumnChart<K extends string>({ columns, series, line, height = COLUMN_CHART_HEIGHT }: { columns: Column<K>[]; series: Series<K>[]; line?: PercentLine; height?: number }) {
  const order = series.map((s) => s.key);
  const byKey = new Map(series.map((s) => [s.key, s]));
  const { ticks, top } = niceTicks(stackMax(columns.map((c) => c.values), order));
  const scale = scaleLinear(top, height);
  const y = (v: number) => round2(height - scale(v));
  const slots = bands(columns.length);
  const legend: LegendItem[] = series.map((s) => ({ key: s.key, label: s.label, color: s.color }));
  if (line) legend.push({ key: line.key, label: line.label, color: line.color, mark: 'dashed' });
  const percent = scaleLinear(100, height);
  const py = (v: number) => round2(height - percent(v));
  return (
    <div className="chart chart--columns">
      <ChartLegend items={legend} />
      <div className={`chart__plot${line ? ' chart__plot--right-axis' : ''}`}>
        <svg className="chart__svg" width="100%" height={height} focusable="false">
          <ValueGrid ticks={ticks} y={y} />
          {line && <ValueGrid ticks={[0, 25, 50, 75, 100]} y={py} side="right" format={(v) => `${v}%`} lines={false} />}
          {columns.map((c, i) =>
            stackSegments(c.values, order).map((s) => (
              <Segment
                key={`${c.key}-${s.key}`}
                className={`bar-${s.key}`}
                x={`${slots[i]!.start}%`}
                width={`${slots[i]!.width}%`}
                y={y(s.end)}
                height={round2(y(s.start) - y(s.end))}
                fill={byKey.get(s.key)!.color}
                title={segmentTitle(c.title, byKey.get(s.key)!.label, s.value)}
                href={c.hrefs?.[s.key]}
              />
            )),
          )}
          {line && (
            <>
              <Lines height={height} lines={[{ key: line.key, color: line.color, dashed: true, width: 2.5, points: line.values.map((v, i) => ({ x: slots[i]!.center, y: py(v) })) }]} />
              {line.values.map((v, i) => {
                const title = pointTitle(columns[i]!.title, [{ label: line.label, value: v, text: line.format(v) }]);
                // Up to a year of months, a marker per point; beyond, the markers crowd: keep only their tooltips.
                const marker = columns.length <= 12 ? { fill: '#ffffff', stroke: markEdge(line.color), strokeWidth: 2 } : { fill: 'transparent' };
                return (
                  <circle key={columns[i]!.key} className="chart__point" cx={`${slots[i]!.center}%`} cy={py(v)} r={3.5} {...marker}>
                    {title && <title>{title}</title>}
                  </circle>
                );
              })}
            </>
          )}
          <CategoryLabels labels={columns.map((c) => c.label)} centers={slots.map((s) => s.center)} fits={labelFits(columns.map((c) => c.label))} y={height + 4} />
        </svg>
      </div>
    </div>
  );
}
