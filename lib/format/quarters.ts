import type { Locale } from '@/lib/i18n/config';
import { parseQuarter } from '@/lib/periods/quarters';
import { EN_MONTHS } from './datetime';

/**
 * A quarter key ("2024-Q2", the form URLs, the database and the API use) as people read it:
 * "2024년 2분기" / "Q2 2024" (GLOSSARY.md: never "2024-Q2" on screen). `short` is the chart axis
 * form, "'24. 2분기" / "Q2 '24". Anything that is not a quarter key comes back unchanged.
 */
export function quarterLabel(key: string, locale: Locale, { short = false }: { short?: boolean } = {}): string {
  const q = parseQuarter(key);
  if (!q) return key;
  const yy = String(q.year).slice(2);
  if (locale === 'ko') return short ? `'${yy}. ${q.quarter}분기` : `${q.year}년 ${q.quarter}분기`;
  return short ? `Q${q.quarter} '${yy}` : `Q${q.quarter} ${q.year}`;
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * A series period ("2024-Q2" or "2024-06") as people read it: on an axis (`short`) "'24. 2분기" /
 * "Q2 '24" and "'24. 6." / "Jun '24"; in full "2024년 2분기" / "Q2 2024" and "2024년 6월" / "Jun 2024".
 */
export function periodLabel(key: string, locale: Locale, { short = false }: { short?: boolean } = {}): string {
  const m = MONTH_KEY.exec(key);
  if (!m) return quarterLabel(key, locale, { short });
  const [year, month] = [m[1]!, Number(m[2])];
  if (locale === 'ko') return short ? `'${year.slice(2)}. ${month}.` : `${year}년 ${month}월`;
  return `${EN_MONTHS[month - 1]} ${short ? `'${year.slice(2)}` : year}`;
}
