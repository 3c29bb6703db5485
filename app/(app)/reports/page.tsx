import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { IssueForm } from '@/components/reports/issue-form';
import { ReportDocument } from '@/components/reports/report-document';
import { ReportDownloads } from '@/components/reports/report-downloads';
import { ReportForm } from '@/components/reports/report-form';
import { getDb } from '@/db/client';
import { requirePagePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/policy';
import { getFilterOptions } from '@/lib/commitments/filter-options';
import { ValidationError } from '@/lib/errors';
import { appTimeZone, todayIso } from '@/lib/periods/dates';
import { authorOf, listIssuedReports } from '@/lib/reports/issue';
import { reportLabels } from '@/lib/reports/labels';
import { previewQuarterlyReport } from '@/lib/reports/model';
import { parseReportParams, reportQuarters, reportQuery } from '@/lib/reports/params';
import { fileNameOf } from '@/lib/reports/render';
import type { ReportParams } from '@/lib/reports/types';
import { agencyShortName } from '@/lib/agencies/short-name';
import { localized, type Locale } from '@/lib/i18n/config';
import { displayName } from '@/lib/users/display-name';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reports'))('title') };
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('report.export');
  const [t, locale] = [await getTranslations(), await getLocale()];
  const today = todayIso();
  const db = getDb();
  const quarters = reportQuarters(db, today);
  const raw: Record<string, string> = { quarter: quarters[1]!, lang: locale, ...reportQuery(await searchParams) };
  let params: ReportParams | null = null;
  let errors: Record<string, string[]> = {};
  try {
    params = parseReportParams(db, raw, today);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    errors = e.fieldErrors;
  }
  const report = params ? previewQuarterlyReport(db, params, { by: authorOf(db, actor, params.lang), today, now: new Date() }) : null;
  const query = params ? new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string')).toString() : '';
  const issued = listIssuedReports(db, 20);
  const ui = reportLabels(locale);
  // An issued report's scope in words (dialogue and area names, the agency as this language names it, the country).
  const options = getFilterOptions({ duePeriods: false });
  const named = (list: readonly { code: string; nameKo: string; nameEn: string }[], code: string | undefined) => {
    const x = code ? list.find((y) => y.code === code) : undefined;
    return x ? localized(locale, { ko: x.nameKo, en: x.nameEn }) : code;
  };
  const scopeWords = (p: ReportParams) => {
    const agency = p.agency ? options.agencies.find((a) => a.code === p.agency) : undefined;
    return [named(options.dialogues, p.dialogue), named(options.areas, p.area), agency ? agencyShortName(agency, locale as Locale) : p.agency, p.country && ui.country(p.country)].filter(Boolean).join(', ');
  };
  return (
    <>
      <div className="page-heading no-print">
        <h1>{t('reports.title')}</h1>
        <p className="muted">{t('reports.intro')}</p>
      </div>
      <ReportForm params={raw as Partial<ReportParams>} quarters={quarters} options={options} errors={errors} />
      {params && report && (
        <>
          <section className="card no-print" aria-labelledby="downloads-title">
            <h2 id="downloads-title">{t('reports.download.title')}</h2>
            <ReportDownloads
              links={(['csv', 'xlsx', 'pdf', 'json'] as const).map((format) => ({ format, label: t(`reports.download.${format}`), href: `/api/v1/reports/quarterly?${query}&format=${format}`, fileName: fileNameOf(params, format) }))}
            />
            {can(actor, 'report.issue') && <IssueForm params={params} />}
          </section>
          <ReportDocument summary={report} commitments={report.commitments} changes={report.changes} />
        </>
      )}
      <section className="card no-print" aria-labelledby="issued-title">
        <h2 id="issued-title">{t('reports.issue.title')}</h2>
        {issued.length === 0 ? (
          <p className="muted">{t('reports.issue.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.form.quarter')}</th>
                  <th scope="col">{t('reports.header.filters')}</th>
                  <th scope="col">{t('reports.form.language')}</th>
                  <th scope="col">{t('reports.issue.issuedBy')}</th>
                  <th scope="col">{t('reports.issue.issuedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {issued.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link href={`/reports/issued/${r.id}`}>{ui.quarter(r.quarter)}</Link>
                    </th>
                    <td>{scopeWords(r.params) || t('reports.header.noFilters')}</td>
                    <td>{t(`language.${r.params.lang}`)}</td>
                    <td>{displayName(r.issuedBy, locale as Locale)}</td>
                    <td>{ui.instant(r.issuedAt, appTimeZone())}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
