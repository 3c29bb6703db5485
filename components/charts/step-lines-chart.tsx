import { labelFits, pointTitle } from '@/lib/charts/labels';
import { bands, niceTicks, round2, scaleLinear } from '@/lib/charts/scale';
import { Lines } from './lines';
import { CategoryLabels, ChartLegend, ValueGrid } from './parts';

export interface Period {
  key: string;
  /** On the axis: "Jun '24". */
  label: string;
  /** In tooltips: "Jun 2024". */
  title: string;
}

export interface StepSeries {
  key: string;
  label: string;
  color: string;
  values: number[];
  dashed?: boolean;
  width?: number;
}

export const STEP_LINES_HEIGHT = 200;

/**
 * Counts at each period's end as step lines (a count holds until the next period's end), with a
 * tooltip per period naming the non-zero series.
 */
export function StepLinesChart({ periods, series, height = STEP_LINES_HEIGHT }: { periods: Period[]; series: StepSeries[]; height?: number }) {
  const { ticks, top } = niceTicks(Math.max(0, ...series.flatMap((s) => s.values)));
  const scale = scaleLinear(top, height);
  const y = (v: number) => round2(height - scale(v));
  const slots = bands(periods.length, 1, 100);
  return (
    <div className="chart chart--lines">
      <ChartLegend items={series.map((s) => ({ key: s.key, label: s.label, color: s.color, mark: s.dashed ? 'dashed' : 'line' }))} />
      <div className="chart__plot">
        <svg className="chart__svg" width="100%" height={height} focusable="false">
          <ValueGrid ticks={ticks} y={y} />
          <Lines
            height={height}
            lines={series.map((s) => ({ key: s.key, color: s.color, dashed: s.dashed, width: s.width, step: true, points: s.values.map((v, i) => ({ x: slots[i]!.center, y: y(v) })) }))}
          />
          {periods.map((p, i) => {
            const title = pointTitle(p.title, series.map((s) => ({ label: s.label, value: s.values[i] ?? 0 })));
            return title ? (
              <rect key={p.key} className="chart__hit" x={`${slots[i]!.start}%`} width={`${slots[i]!.width}%`} y={0} height={height} fill="transparent">
                <title>{title}</title>
              </rect>
            ) : null;
          })}
          <CategoryLabels labels={periods.map((p) => p.label)} centers={slots.map((s) => s.center)} fits={labelFits(periods.map((p) => p.label))} y={height + 4} />
        </svg>
      </div>
    </div>
  );
}
