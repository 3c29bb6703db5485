/** Tooltip of one segment: "Biotechnology — In progress: 3". Zero segments are not drawn, so get none. */
export function segmentTitle(category: string, series: string, value: number | string): string {
  return `${category} — ${series}: ${value}`;
}

/**
 * Tooltip of one point across several series, naming only the non-zero ones:
 * "Q2 2024 — Due by then: 6, Completed among those due: 1"; null when every value is zero.
 */
export function pointTitle(category: string, entries: { label: string; value: number; text?: string }[]): string | null {
  const shown = entries.filter((e) => e.value !== 0);
  if (!shown.length) return null;
  return `${category} — ${shown.map((e) => `${e.label}: ${e.text ?? e.value}`).join(', ')}`;
}

/** Roughly how wide a label renders at `fontPx`: Hangul and other wide glyphs a full em, the rest about 0.6 em. */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return em * fontPx;
}

/** Plot widths the axis labels are thinned for: the narrowest phone layout, and any card from 560 px. */
export const NARROW_PLOT_PX = 280;
export const WIDE_PLOT_PX = 500;

/**
 * Which category labels an axis shows, with no measuring in the browser: every `stride`-th label
 * counted back from the last (the latest period is always named), the stride the smallest of 1, 2,
 * 3, 4, 6, 12… that keeps labels `gapPx` apart at `plotPx` wide.
 */
export function labelStride(labels: string[], plotPx: number, fontPx = 12, gapPx = 8): number {
  if (labels.length <= 1) return 1;
  const widest = Math.max(...labels.map((l) => textWidth(l, fontPx)));
  const slot = plotPx / labels.length;
  for (const stride of [1, 2, 3, 4, 6, 8, 12, 16, 24]) if (slot * stride >= widest + gapPx) return stride;
  return Math.ceil(((widest + gapPx) / plotPx) * labels.length);
}

/** For each label: shown on narrow plots too, only on wide ones, or never (too crowded even there). */
export type LabelFit = 'always' | 'wide' | 'never';

export function labelFits(labels: string[], fontPx = 12): LabelFit[] {
  const wide = labelStride(labels, WIDE_PLOT_PX, fontPx);
  // A multiple of the wide stride: the narrow labels are a subset of the wide ones, so none crowd.
  const narrow = wide * Math.ceil(labelStride(labels, NARROW_PLOT_PX, fontPx) / wide);
  const last = labels.length - 1;
  return labels.map((_, i) => ((last - i) % narrow === 0 ? 'always' : (last - i) % wide === 0 ? 'wide' : 'never'));
}
