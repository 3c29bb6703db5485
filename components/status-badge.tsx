import { useTranslations } from 'next-intl';
import { statusBadgeStyle } from '@/lib/commitments/status-style';
import type { Status } from '@/lib/commitments/vocabulary';

export function StatusBadge({ status, overdue = false }: { status: Status; overdue?: boolean }) {
  const t = useTranslations('status');
  return (
    <span className="badges">
      <span className="badge" style={statusBadgeStyle(status)}>
        {t(status)}
      </span>
      {overdue && <span className="badge badge--overdue">{t('overdue')}</span>}
    </span>
  );
}
