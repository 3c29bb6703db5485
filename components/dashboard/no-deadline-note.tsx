import Link from 'next/link';
import { useTranslations } from 'next-intl';

/**
 * What the due timeline leaves out, said under it and in its table: "13 ongoing commitments with
 * no deadline are not shown", linked to their list. Nothing when every commitment has a deadline.
 */
export function NoDeadlineNote({ count, href, className = 'muted card__caption' }: { count: number; href: string; className?: string }) {
  const t = useTranslations('dashboard.due');
  if (count === 0) return null;
  return (
    <p className={className} data-no-deadline={count}>
      {t.rich('noDeadline', { count, link: (words) => <Link href={href}>{words}</Link> })}
    </p>
  );
}
