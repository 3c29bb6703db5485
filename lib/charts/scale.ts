/**
 * Integer axis ticks from 0 up to at least `max`: steps of 1, 2 or 5 times a power of ten, at most
 * `maxTicks` intervals, so counts never show fractional ticks ("2.5 commitments").
 */
export function niceTicks(max: number, maxTicks = 5): { ticks: number[]; top: number } {
  if (!(max > 0)) return { ticks: [0, 1], top: 1 };
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5].map((m) => m * magnitude).find((s) => Math.ceil(max / s) <= maxTicks);
    if (found) {
      step = found;
      break;
    }
  }
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return { ticks, top };
}

/** Where a value sits along a length (px or %), 0 at the start; values past `top` stay at the end. */
export function scaleLinear(top: number, length: number): (value: number) => number {
  return (value) => (top > 0 ? (Math.min(Math.max(value, 0), top) / top) * length : 0);
}

/** Rounds a coordinate so the markup stays short and stable (two decimals). */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Equal slots across 0–100 (per cent of the plot's width), one per category: each slot's centre
 * and the band a bar takes in it (`fill` of the slot, capped at `maxBand` per cent).
 */
export function bands(count: number, fill = 0.6, maxBand = 14): { center: number; start: number; width: number }[] {
  const slot = count > 0 ? 100 / count : 100;
  const width = Math.min(slot * fill, maxBand);
  return Array.from({ length: count }, (_, i) => {
    const center = slot * i + slot / 2;
    return { center: round2(center), start: round2(center - width / 2), width: round2(width) };
  });
}
