import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { TodoTable } from '@/components/todo/todo-table';
import { requirePageActor } from '@/lib/auth/current-user';
import { formatDate } from '@/lib/format/datetime';
import { agencyShortName } from '@/lib/agencies/short-name';
import type { Locale } from '@/lib/i18n/config';
import { todayIso } from '@/lib/periods/dates';
import { todoAgencyOf } from '@/lib/todo/access';
import { groupTodoItems } from '@/lib/todo/describe';
import { TODO_KINDS } from '@/lib/todo/kinds';
import { loadTodo } from '@/lib/todo/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('todo'))('title') };
}

/** An official's to-do list: what their agency is asked to do today, most urgent first. */
export default async function TodoPage() {
  const actor = await requirePageActor();
  const t = await getTranslations();
  const agencyId = todoAgencyOf(actor);
  if (agencyId === null) {
    return (
      <>
        <div className="page-heading">
          <h1>{t('todo.title')}</h1>
        </div>
        <p className="notice notice--info">{t('todo.notOfficial')}</p>
        <p>
          <Link href="/">{t('todo.toDashboard')}</Link>
        </p>
      </>
    );
  }
  const today = todayIso();
  const todo = loadTodo(agencyId, today);
  const locale = await getLocale();
  const agency = agencyShortName({ ...todo.agency, shortNameKo: todo.agency.shortNameKo ?? null }, locale as Locale);
  return (
    <>
      <div className="page-heading">
        <h1>{t('todo.title')}</h1>
        <p className="muted">{t('todo.intro', { agency })}</p>
        <p className="muted">
          {t('todo.asOf', { date: formatDate(today, locale) })}
          {todo.counts.total > 0 && ` · ${t('todo.summary', { count: todo.counts.total })}`}
        </p>
      </div>
      {todo.counts.total === 0 ? (
        <p className="empty">{t('todo.empty')}</p>
      ) : (
        groupTodoItems(todo.items, TODO_KINDS).map((g) => (
          <section key={g.kind} aria-labelledby={`todo-${g.kind}`}>
            <h2 id={`todo-${g.kind}`}>{t('todo.groupHeading', { title: t(`todo.groups.${g.kind}.title`), count: g.items.length })}</h2>
            <p className="muted">{t(`todo.groups.${g.kind}.caption`)}</p>
            <TodoTable kind={g.kind} items={g.items} today={today} />
          </section>
        ))
      )}
      <p className="muted">{t('todo.digestNote')}</p>
    </>
  );
}
