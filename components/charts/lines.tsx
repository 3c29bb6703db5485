import { markEdge } from '@/lib/charts/contrast';
import { linePath, stepPath, type XY } from '@/lib/charts/paths';

export interface LineSpec {
  key: string;
  color: string;
  /** x in per cent of the plot's width, y in pixels from its top. */
  points: XY[];
  dashed?: boolean;
  width?: number;
  /** A step line (a value holds until the next point) rather than a straight one. */
  step?: boolean;
}

/**
 * Lines over the plot, in a viewport stretched to it: x 0–100 maps to the plot's width, y to its
 * pixels, and the strokes keep their width in CSS pixels (non-scaling). A white halo under each
 * line keeps it apart from the bars it crosses; its colour stands 3:1 against the card.
 */
export function Lines({ lines, height }: { lines: LineSpec[]; height: number }) {
  const d = (l: LineSpec) => (l.step ? stepPath(l.points, 0, 100) : linePath(l.points));
  return (
    <svg className="chart__lines" x="0" y="0" width="100%" height={height} viewBox={`0 0 100 ${height}`} preserveAspectRatio="none">
      {lines.map((l) => (
        <g key={l.key} className={`line-${l.key}`}>
          <path d={d(l)} fill="none" stroke="#ffffff" strokeWidth={(l.width ?? 2) + 3} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
          <path
            d={d(l)}
            fill="none"
            stroke={markEdge(l.color)}
            strokeWidth={l.width ?? 2}
            strokeDasharray={l.dashed ? '6 4' : undefined}
            strokeLinejoin="round"
            vectorEffect="non-scaling-stroke"
          />
        </g>
      ))}
    </svg>
  );
}
