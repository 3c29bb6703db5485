/**
 * Colour contrast for chart marks (WCAG 2.2, 1.4.11 Non-text Contrast): a mark needs 3:1 against
 * what surrounds it. The Okabe–Ito fills stay; a fill that is too light gets an edge of the same
 * hue, darkened until it reaches the ratio.
 */

/** Where marks are drawn: the card (white) and the page behind the report (--color-bg). */
export const CHART_BACKGROUNDS = ['#ffffff', '#f6f7f9'] as const;
export const MIN_MARK_CONTRAST = 3;

function channels(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** Relative luminance (WCAG definition). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const hex2 = (n: number) => Math.round(n).toString(16).padStart(2, '0');

/** The colour mixed with black by `amount` (0–1): the same hue, darker. */
export function darken(hex: string, amount: number): string {
  return `#${channels(hex).map((c) => hex2(c * (1 - amount))).join('')}`;
}

/**
 * The colour to outline a mark of `fill` with: the fill itself when it already stands out at 3:1
 * against every background, else the fill darkened in 5% steps until it does.
 */
export function markEdge(fill: string, backgrounds: readonly string[] = CHART_BACKGROUNDS): string {
  for (let amount = 0; amount < 1; amount += 0.05) {
    const edge = amount === 0 ? fill : darken(fill, amount);
    if (backgrounds.every((bg) => contrastRatio(edge, bg) >= MIN_MARK_CONTRAST)) return edge;
  }
  return '#000000';
}
