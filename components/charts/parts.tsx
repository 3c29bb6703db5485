import { markEdge } from '@/lib/charts/contrast';
import type { LabelFit } from '@/lib/charts/labels';

/**
 * Pieces shared by the charts. They are drawn on the server as plain SVG: x in per cent of the
 * plot's width, y in pixels, text in CSS pixels, so the chart fills any width at a height known
 * before the page arrives, with no measuring in the browser and nothing moving once it loads.
 * Charts sit inside an aria-hidden wrapper next to their table: nothing in them takes focus.
 */

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  /** A box for bars, a line (solid or dashed) for lines. */
  mark?: 'box' | 'line' | 'dashed';
}

/** The legend in HTML, in the order given: the stacking order, first at the bottom or left. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.key} data-key={item.key}>
          <span
            className={`chart-legend__mark chart-legend__mark--${item.mark ?? 'box'}`}
            style={(item.mark ?? 'box') === 'box' ? { background: item.color, borderColor: markEdge(item.color) } : { borderColor: markEdge(item.color) }}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

type Length = number | `${number}%`;

interface SegmentProps {
  x: Length;
  y: Length;
  width: Length;
  height: Length;
  fill: string;
  title: string;
  className: string;
  /** Drill-down for mouse users; the table under the chart carries the same links for everyone. */
  href?: string;
}

/**
 * One bar segment. Its own viewport clips a wide stroke to an inner edge: 1 px of white (the
 * separator from its neighbours) inside 1 px of the fill's edge colour, which stands 3:1 against
 * the card even where the fill is too light to.
 */
export function Segment({ x, y, width, height, fill, title, className, href }: SegmentProps) {
  const body = (
    <>
      <title>{title}</title>
      <svg x={x} y={y} width={width} height={height} className="chart__segment">
        <rect width="100%" height="100%" fill={fill} stroke={markEdge(fill)} strokeWidth={4} />
        <rect width="100%" height="100%" fill="none" stroke="#ffffff" strokeWidth={2} />
      </svg>
    </>
  );
  return href ? (
    <a href={href} tabIndex={-1} className={className}>
      {body}
    </a>
  ) : (
    <g className={className}>{body}</g>
  );
}

/** Horizontal gridlines with their values, at the left (or right) edge of the plot. */
export function ValueGrid({ ticks, y, side = 'left', format = String, lines = true }: { ticks: number[]; y: (v: number) => number; side?: 'left' | 'right'; format?: (v: number) => string; lines?: boolean }) {
  const left = side === 'left';
  return (
    <g className="chart__value-axis">
      {ticks.map((t) => (
        <g key={t}>
          {lines && <line className={t === 0 ? 'chart__baseline' : 'chart__grid'} x1="0" x2="100%" y1={y(t)} y2={y(t)} />}
          <text x={left ? 0 : '100%'} dx={left ? -6 : 6} y={y(t)} dy="0.32em" textAnchor={left ? 'end' : 'start'}>
            {format(t)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Category labels under the plot; crowded ones drop out on narrow cards (CSS container query). */
export function CategoryLabels({ labels, centers, fits, y }: { labels: string[]; centers: number[]; fits: LabelFit[]; y: number }) {
  return (
    <g className="chart__category-axis">
      {labels.map((label, i) =>
        fits[i] === 'never' ? null : (
          <text key={i} x={`${centers[i]}%`} y={y} dy="1em" textAnchor="middle" className={fits[i] === 'wide' ? 'chart__label--wide' : undefined}>
            {label}
          </text>
        ),
      )}
    </g>
  );
}
