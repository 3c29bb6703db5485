import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { badgeStyle } from '@/lib/commitments/status-style';

/**
 * The navigation's link to the to-do list, with the number of items; the number is part of its
 * accessible name, whose words include the visible ones ("처리할 업무 7건": WCAG 2.5.3).
 */
export function TodoNavLink({ count }: { count: number }) {
  const t = useTranslations();
  return (
    <Link href="/my" aria-label={t('todo.navLabel', { count })}>
      {t('nav.todo')}
      {count > 0 && (
        <>
          {' '}
          <span className="badge" style={badgeStyle('var(--color-accent)')} aria-hidden="true">
            {t('todo.navCount', { count })}
          </span>
        </>
      )}
    </Link>
  );
}
