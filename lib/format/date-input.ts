import type { Locale } from '@/lib/i18n/config';
import { isIsoDate } from '@/lib/periods/dates';

/**
 * The ways people type a calendar date (GLOSSARY.md): the Korean order `2024. 6. 30.` (dots, spaces
 * and the final dot optional), `2024년 6월 30일`, `2024/6/30`, `20240630`, and `2024-06-30`.
 * Year first in every form: a date is never read day-first or month-first.
 */
const TYPED = [
  /^(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\s*\.?$/,
  /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** A typed date as YYYY-MM-DD, or null when it is none of the forms above or no real day (2024. 2. 30.). */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  for (const re of TYPED) {
    const m = re.exec(s);
    if (!m) continue;
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : null;
  }
  return null;
}

/** A typed date as YYYY-MM-DD when it reads as one; anything else unchanged (for the validator to name). */
export function normalizeDateInput(value: unknown): unknown {
  return typeof value === 'string' ? (parseDateInput(value) ?? value) : value;
}

/** What a date field shows for a stored date: `2024. 6. 30.` on Korean screens, `2024-06-30` on English ones. Text that is no date (a rejected entry) is shown as typed. */
export function dateInputValue(value: string, locale: Locale): string {
  const iso = parseDateInput(value);
  if (!iso || locale !== 'ko') return iso ?? value;
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}. ${m}. ${d}.`;
}
