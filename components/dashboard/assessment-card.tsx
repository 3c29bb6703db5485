import { getLocale, getTranslations } from 'next-intl/server';
import { AgencyName } from '@/components/agency-name';
import type { AsOfView } from '@/lib/as-of/view';
import { localized, type Locale } from '@/lib/i18n/config';
import { reportLabels } from '@/lib/reports/labels';
import { ComplianceTable, formatScore } from './compliance-table';
import { VerdictCrossTable } from './verdict-cross-table';
import { formatDate } from '@/lib/format/datetime';

/**
 * Analysts' assessments standing for the as-of date's quarter against what the agencies reported:
 * the verdict-by-status cross-table, the overall mean compliance score, and the mean by area and by
 * lead agency. Every figure comes from the as-of view; each count links to its list.
 */
export async function AssessmentCard({ d }: { d: Pick<AsOfView, 'assessment' | 'asOf'> }) {
  const [t, locale] = [await getTranslations('dashboard.assessment'), await getLocale()];
  const a = d.assessment;
  const words = { quarter: reportLabels(locale).quarter(a.quarter), date: formatDate(d.asOf, locale as Locale, { long: true }) };
  return (
    <section className="card" aria-labelledby="assessment-title" data-quarter={a.quarter}>
      <h2 id="assessment-title">{t('title')}</h2>
      <p className="muted card__caption">{t('caption', words)}</p>
      <div className="table-scroll">
        <VerdictCrossTable rows={a.cross} caption={t('tableCaption', words)} />
      </div>
      <p>
        {a.overall.mean === null
          ? t('overallNone', { total: a.overall.total })
          : t('overall', { mean: formatScore(a.overall.mean), assessed: a.overall.assessed, total: a.overall.total })}
      </p>
      <p className="muted card__caption">{t('scoreNote')}</p>
      <div className="dashboard-grid">
        <div>
          <h3 id="assessment-areas-title">{t('byAreaTitle')}</h3>
          <div className="table-scroll">
            <ComplianceTable rows={a.byArea} caption={t('byAreaTitle')} nameHeader={t('area')} name={(r) => localized(locale, { ko: r.nameKo, en: r.nameEn })} />
          </div>
        </div>
        <div>
          <h3 id="assessment-agencies-title">{t('byAgencyTitle')}</h3>
          <div className="table-scroll">
            <ComplianceTable rows={a.byLeadAgency} caption={t('byAgencyTitle')} nameHeader={t('agency')} name={(r) => <AgencyName agency={r} />} />
          </div>
        </div>
      </div>
    </section>
  );
}
