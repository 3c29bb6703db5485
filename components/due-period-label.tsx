import { useLocale } from 'next-intl';
import { localized } from '@/lib/i18n/config';
import { parseDuePeriod } from '@/lib/periods/due-period';

export function DuePeriodLabel({ spec }: { spec: string }) {
  const locale = useLocale();
  return <span>{localized(locale, parseDuePeriod(spec).label)}</span>;
}
