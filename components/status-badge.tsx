import { useTranslations } from 'next-intl';
import { STATUS_COLORS } from '@/lib/commitments/status-style';
import type { Status } from '@/lib/commitments/vocabulary';

export function StatusBadge({ status, overdue = false }: { status: Status; overdue?: boolean }) {
  const t = useTranslations('status');
  return (
    <span className="badges">
      <span className="badge" style={{ '--badge-color': STATUS_COLORS[status] } as React.CSSProperties}>
        {t(status)}
      </span>
      {overdue && <span className="badge badge--overdue">{t('overdue')}</span>}
    </span>
  );
}
