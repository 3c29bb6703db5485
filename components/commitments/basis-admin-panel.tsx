import { useLocale, useTranslations } from 'next-intl';
import type { AssignmentBasis } from '@/lib/commitments/basis';
import { agencyChoiceLabel } from '@/lib/agencies/short-name';
import { localized, type Locale } from '@/lib/i18n/config';
import { BasisConfirmForm } from './basis-confirm-form';
import { formatDate } from '@/lib/format/datetime';

export interface AssignmentRow {
  code: string;
  nameKo: string;
  shortNameKo: string | null;
  nameEn: string;
  /** 주관 기관, or the partner's role, as the page names it. */
  roleLabel: string;
  basis: AssignmentBasis;
}

/**
 * For administrators: every assignment someone inferred, with a form to record that the agency
 * confirmed it, and every confirmed one, with a button to withdraw that. Stated assignments need
 * no confirmation and are not listed.
 */
export function BasisAdminPanel({ code, version, today, assignments }: { code: string; version: number; today: string; assignments: AssignmentRow[] }) {
  const t = useTranslations('basis');
  const locale = useLocale();
    const open = assignments.filter((a) => a.basis.basis !== 'stated');
  if (open.length === 0) return null;
  const summary = (b: AssignmentBasis) => {
    if (b.basis === 'confirmed' && b.confirmation) {
      const date = formatDate(b.confirmation.on, locale as Locale);
      return `${t('confirmed')}: ${t('confirmedBy', { by: b.confirmation.by, date })}`;
    }
    return b.reason ? t('inferredTip', { reason: localized(locale, b.reason) }) : t('noReason');
  };
  return (
    <section className="panel" aria-labelledby="basis-admin-heading">
      <h2 id="basis-admin-heading">{t('admin.title')}</h2>
      <p className="muted">{t('admin.intro')}</p>
      {open.map((a) => (
        <BasisConfirmForm
          key={a.code}
          code={code}
          version={version}
          today={today}
          agencyCode={a.code}
          heading={`${agencyChoiceLabel(a, locale as Locale)} (${a.roleLabel})`}
          confirmed={a.basis.basis === 'confirmed'}
          summary={summary(a.basis)}
        />
      ))}
    </section>
  );
}
