import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** The navigation's link to the to-do list, with the number of items; the number is part of its accessible name. */
export function TodoNavLink({ count }: { count: number }) {
  const t = useTranslations();
  return (
    <Link href="/my" aria-label={t('todo.navLabel', { count })}>
      {t('nav.todo')}
      {count > 0 && (
        <>
          {' '}
          <span className="badge" style={{ '--badge-color': 'var(--color-accent)' } as React.CSSProperties} aria-hidden="true">
            {count}
          </span>
        </>
      )}
    </Link>
  );
}
