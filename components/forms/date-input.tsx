import type { InputHTMLAttributes } from 'react';
import { dateInputValue } from '@/lib/format/date-input';
import type { Locale } from '@/lib/i18n/config';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'defaultValue' | 'value'> & { locale: Locale; value: string };

/**
 * A calendar date field. On Korean screens a text field in the Korean order (`2024. 6. 30.`), whatever
 * the browser's own language: the server reads that order as well as `2024-06-30` (lib/format/date-input.ts)
 * and checks the range itself. On English screens the browser's date picker.
 */
export function DateInput({ locale, value, min, max, ...rest }: Props) {
  if (locale === 'ko') return <input {...rest} type="text" inputMode="decimal" autoComplete="off" spellCheck={false} placeholder="2024. 6. 30." defaultValue={dateInputValue(value, locale)} />;
  return <input {...rest} type="date" min={min} max={max} defaultValue={dateInputValue(value, locale)} />;
}
