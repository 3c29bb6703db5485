/** One drawn piece of a stacked bar: its series, value and extent along the value axis. */
export interface Segment<K extends string> {
  key: K;
  value: number;
  /** Sum of the values before it: where the segment starts. */
  start: number;
  end: number;
}

/**
 * A stacked bar's segments in `order` (the first at the bottom or left, as the legend lists it
 * first), leaving out zero values: they are neither drawn nor announced in a tooltip.
 */
export function stackSegments<K extends string>(values: Record<K, number>, order: readonly K[]): Segment<K>[] {
  const out: Segment<K>[] = [];
  let start = 0;
  for (const key of order) {
    const value = values[key] ?? 0;
    if (value <= 0) continue;
    out.push({ key, value, start, end: start + value });
    start += value;
  }
  return out;
}

/** The largest stack among the bars: the value axis's extent. */
export function stackMax<K extends string>(rows: Record<K, number>[], order: readonly K[]): number {
  return rows.reduce((max, r) => Math.max(max, order.reduce((sum, k) => sum + Math.max(r[k] ?? 0, 0), 0)), 0);
}
