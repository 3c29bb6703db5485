import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { DuePeriodLabel } from '@/components/due-period-label';
import { ProgressBar } from '@/components/progress-bar';
import { StatusBadge } from '@/components/status-badge';
import { localized, type Locale } from '@/lib/i18n/config';
import { describeTodoItem } from '@/lib/todo/describe';
import type { TodoItem, TodoKind } from '@/lib/todo/kinds';
import { formatDate } from '@/lib/format/datetime';

/** One kind of to-do item as a table (cards below 45rem): what it is, where it stands, the date it is about, and the link that resolves it. */
export function TodoTable({ kind, items, today }: { kind: TodoKind; items: TodoItem[]; today: string }) {
  const t = useTranslations('todo');
  const locale = useLocale();
    const date = (iso: string) => formatDate(iso, locale as Locale);
  return (
    <div className="table-scroll table-scroll--cards">
      <table className="data-table data-table--cards">
        <caption className="visually-hidden">{t('tableCaption', { title: t(`groups.${kind}.title`), count: items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.code')}</th>
            <th scope="col">{t('columns.title')}</th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col">{t('columns.progress')}</th>
            <th scope="col">{t('columns.due')}</th>
            <th scope="col">{t('columns.date')}</th>
            <th scope="col">{t('columns.action')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const f = describeTodoItem(item, today);
            const action = t(`actions.${f.action}`);
            return (
              <tr key={`${item.kind}-${item.code}`}>
                <td className="nowrap mono">{item.code}</td>
                <th scope="row" className="data-table__title">
                  {localized(locale, { ko: item.titleKo, en: item.titleEn })}
                </th>
                <td data-label={t('columns.status')}>
                  <span className="badges">
                    <StatusBadge status={item.status} overdue={item.kind === 'overdue'} />
                    {f.claim && <span className={`badge ${f.claim === 'disputed' ? 'badge--overdue' : 'badge--stale'}`}>{t(`claim.${f.claim}`)}</span>}
                  </span>
                </td>
                <td data-label={t('columns.progress')}>
                  <ProgressBar value={item.progress} />
                </td>
                <td className="nowrap" data-label={t('columns.due')}>
                  <DuePeriodLabel spec={item.dueSpec} />
                </td>
                <td data-label={t('columns.date')}>
                  {t(`dates.${f.date.key}`, { date: date(f.date.iso) })}
                  <br />
                  <span className={f.late ? 'badge badge--overdue' : 'muted'}>{t(f.days.key, { days: f.days.days })}</span>
                </td>
                <td className="nowrap" data-label={t('columns.action')}>
                  <Link href={item.href} aria-label={t('actions.label', { action, code: item.code })}>
                    {action}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
