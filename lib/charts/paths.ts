import { round2 } from './scale';

export interface XY {
  x: number;
  y: number;
}

/**
 * A step line through the points, each value holding until the next point (a figure at a
 * period's end stays true until the next period's end), from `from` to `to` along x.
 */
export function stepPath(points: XY[], from: number, to: number): string {
  if (points.length === 0) return '';
  const r = round2;
  const first = points[0]!;
  const parts = [`M${r(Math.min(from, first.x))} ${r(first.y)}`];
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const next = points[i + 1];
    if (i > 0) parts.push(`V${r(p.y)}`);
    parts.push(`H${r(next ? next.x : Math.max(to, p.x))}`);
  }
  return parts.join(' ');
}

/** A straight line through the points. */
export function linePath(points: XY[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${round2(p.x)} ${round2(p.y)}`).join(' ');
}
