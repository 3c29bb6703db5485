import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ReportDocument } from '@/components/reports/report-document';
import { ReportDownloads } from '@/components/reports/report-downloads';
import { RevisionsView } from '@/components/reports/revisions-view';
import { getDb } from '@/db/client';
import { requirePagePermission } from '@/lib/auth/current-user';
import { NotFoundError } from '@/lib/errors';
import { getIssuedReport, issuedReportModel } from '@/lib/reports/issue';
import { reportLabels } from '@/lib/reports/labels';
import { PREVIEW_ROWS } from '@/lib/reports/model';
import { revisionsOf } from '@/lib/reports/revisions';
import { displayName } from '@/lib/users/display-name';
import type { Locale } from '@/lib/i18n/config';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations('reports'))('issue.issuedReport', { id: (await params).id }) };
}

/** An issued report: its frozen files (with their SHA-256), what changed since, and the document as issued. */
export default async function IssuedReportPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission('report.export');
  const { id: raw } = await params;
  if (!/^\d{1,12}$/.test(raw)) notFound();
  const db = getDb();
  let info;
  try {
    info = getIssuedReport(db, Number(raw));
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const [t, locale] = [await getTranslations(), await getLocale()];
  const l = reportLabels(locale);
  const frozen = issuedReportModel(db, info.id);
  const revisions = revisionsOf(db, info, frozen);
  return (
    <>
      <div className="page-heading no-print">
        <p>
          <Link href="/reports">{t('reports.title')}</Link>
        </p>
        <h1>{t('reports.issue.issuedReport', { id: info.id })}</h1>
        <p className="notice notice--info">{t('reports.issue.frozen', { date: l.instant(info.issuedAt, frozen.timeZone), name: displayName(info.issuedBy, locale as Locale) })}</p>
      </div>
      <section className="card no-print" aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t('reports.download.title')}</h2>
        <ReportDownloads links={info.files.map((f) => ({ format: f.format, label: t(`reports.download.${f.format}`), href: `/api/v1/reports/${info.id}?format=${f.format}`, fileName: f.fileName }))} />
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('reports.download.title')}</th>
              <th scope="col">{t('reports.issue.sha')}</th>
            </tr>
          </thead>
          <tbody>
            {info.files.map((f) => (
              <tr key={f.format}>
                <th scope="row">{f.fileName}</th>
                <td>
                  <code>{f.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="no-print">
        <RevisionsView revisions={revisions} timeZone={frozen.timeZone} />
      </div>
      <ReportDocument summary={frozen} commitments={frozen.commitments.slice(0, PREVIEW_ROWS)} changes={frozen.changes.slice(0, PREVIEW_ROWS)} />
    </>
  );
}
