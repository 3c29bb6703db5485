/** Words to mark in a text, and what they name (any value: the caller renders it). */
export interface Highlight<L> {
  words: string;
  label: L;
}

/** A run of the text, with the labels of every highlight that covers it (none: plain text). */
export interface Segment<L> {
  text: string;
  labels: L[];
}

/**
 * Cuts a text into runs for marking: every occurrence of each highlight's words is covered, and
 * where highlights overlap or repeat (two agencies named by the same words, "미 정부" inside
 * "한미 정부") a run carries the label of each highlight covering it, in the order given. Adjacent runs with
 * the same labels are joined. Plain data, so the caller builds elements and never parses markup.
 */
export function highlightSegments<L>(text: string, highlights: readonly Highlight<L>[]): Segment<L>[] {
  const cover: Set<number>[] = Array.from({ length: text.length }, () => new Set<number>());
  highlights.forEach(({ words }, index) => {
    if (words === '') return;
    for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) {
      for (let i = at; i < at + words.length; i++) cover[i]!.add(index);
    }
  });

  const segments: Segment<L>[] = [];
  let key = '';
  for (let i = 0; i < text.length; i++) {
    const indexes = [...cover[i]!].sort((a, b) => a - b);
    const next = indexes.join(',');
    const last = segments.at(-1);
    if (last && next === key) last.text += text[i];
    else segments.push({ text: text[i]!, labels: indexes.map((n) => highlights[n]!.label) });
    key = next;
  }
  return segments;
}
