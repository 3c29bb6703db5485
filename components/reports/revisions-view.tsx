import { getLocale, getTranslations } from 'next-intl/server';
import { STATUSES, type ClaimState, type Confidence, type State, type Verdict } from '@/lib/commitments/vocabulary';
import { reportLabels, type ReportLabels } from '@/lib/reports/labels';
import type { FigureRevision, Revisions, RowRevision } from '@/lib/reports/revisions';
import { ReportFiguresTable } from './report-figures-table';
import { getFilterOptions, type FilterOptions } from '@/lib/commitments/filter-options';

function figureLabel(l: ReportLabels, key: string): string {
  if ((STATUSES as readonly string[]).includes(key)) return l.status(key as State);
  if (key.startsWith('previous.')) return `${l.t('summary.previous')}: ${l.status(key.slice(9) as State)}`;
  const known: Record<string, string> = {
    total: l.t('summary.total'),
    overdue: l.t('summary.overdue'),
    meanProgress: l.t('summary.meanProgress'),
    previousTotal: l.t('columns.previousTotal'),
    previousOverdue: `${l.t('summary.previous')}: ${l.t('columns.overdueAtEnd')}`,
    completedThisQuarter: l.t('summary.completedThisQuarter'),
    newlyOverdue: l.t('summary.newlyOverdue'),
    dueNextQuarter: l.t('summary.dueNextQuarter'),
    assessed: l.t('issue.revisionAssessed'),
    notAssessed: l.t('issue.revisionNotAssessed'),
    complianceMean: l.t('issue.revisionMean'),
  };
  return known[key] ?? key;
}

function figureValue(l: ReportLabels, f: FigureRevision, v: number | null): string | number {
  if (f.figure === 'complianceMean') return l.compliance(v);
  return v ?? '—';
}

/** A revised figure's group: the area's name, or the lead agency as the report's language names it (과기정통부 / MSIT). */
function groupLabel(l: ReportLabels, g: FigureRevision['group'], options: FilterOptions): string {
  if (g.kind === 'summary') return l.t('summary.title');
  const area = g.kind === 'area' ? options.areas.find((a) => a.code === g.code) : undefined;
  const agency = g.kind === 'agency' ? options.agencies.find((a) => a.code === g.code) : undefined;
  const name = area ? l.name(area) : agency ? l.agency(agency) : g.code;
  return `${l.t(g.kind === 'area' ? 'byArea.name' : 'byAgency.name')} ${name}`;
}

function rowValue(l: ReportLabels, r: RowRevision, v: RowRevision['issued']): string {
  if (v === null) return '—';
  if (r.field === 'status' || r.field === 'previousStatus') return l.status(v as State);
  if (r.field === 'verdict') return l.verdictScored(v as Verdict);
  if (r.field === 'confidence') return l.confidence(v as Confidence);
  // A confirmed claim no longer qualifies the status: shown as none.
  if (r.field === 'claim') return l.claim(v as ClaimState) || '—';
  if (typeof v === 'boolean') return l.yesNo(v);
  return String(v);
}

/**
 * What was recorded after an issued report and how it changes the report's figures and rows:
 * shown beside the frozen report, never written into it.
 */
export async function RevisionsView({ revisions, timeZone }: { revisions: Revisions; timeZone: string }) {
  const [t, locale] = [await getTranslations('reports'), await getLocale()];
  const l = reportLabels(locale);
  const options = getFilterOptions({ duePeriods: false });
  const { entries, figures, rows } = revisions;
  const fieldLabel: Partial<Record<RowRevision['field'], string>> = {
    status: l.t('columns.status'),
    progress: l.t('columns.progress'),
    previousStatus: l.t('columns.previousStatus'),
    previousProgress: l.t('columns.previousProgress'),
    overdue: l.t('columns.overdue'),
    latestEntryOn: l.t('columns.latestEntryOn'),
    latestNote: l.t('columns.latestNote'),
    latestEvidenceUrl: l.t('columns.latestEvidence'),
    dueEnd: l.t('columns.dueEnd'),
    verdict: l.t('columns.verdict'),
    confidence: l.t('columns.confidence'),
    rationale: l.t('columns.rationale'),
    claim: l.t('columns.claim'),
    row: l.t('commitmentsTitle'),
  };
  return (
    <section className="card" aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('issue.revisions')}</h2>
      {entries.length === 0 && figures.length === 0 && rows.length === 0 ? (
        <p className="muted">{t('issue.noRevisions')}</p>
      ) : (
        <>
          {/* Assessments and answers to claims recorded since change figures and rows without a status update. */}
          {entries.length > 0 && (
            <>
              <h3>{t('issue.revisionEntries')}</h3>
              <ReportFiguresTable
                caption={t('issue.revisionEntries')}
                l={l}
                head={[t('changes.recordedAt'), t('changes.effectiveDate'), t('changes.code'), t('changes.from'), t('changes.to'), t('changes.progress'), t('changes.note'), t('changes.authorAgency')]}
                rows={entries.map((e) => [
                  l.instant(e.recordedAt, timeZone),
                  l.date(e.effectiveDate),
                  e.code,
                  l.status(e.fromStatus),
                  l.status(e.toStatus),
                  `${e.fromProgress} → ${e.toProgress}`,
                  e.note,
                  e.authorAgency ? l.agency(e.authorAgency) : t('changes.administrator'),
                ])}
              />
            </>
          )}
          {figures.length > 0 && (
            <>
              <h3>{t('issue.revisionFigures')}</h3>
              <ReportFiguresTable
                caption={t('issue.revisionFigures')}
                l={l}
                head={[t('issue.figure'), t('header.filters'), t('issue.asIssued'), t('issue.now')]}
                rows={figures.map((f) => [figureLabel(l, f.figure), groupLabel(l, f.group, options), figureValue(l, f, f.issued), figureValue(l, f, f.now)])}
              />
            </>
          )}
          {rows.length > 0 && (
            <>
              <h3>{t('issue.revisionRows')}</h3>
              <ReportFiguresTable
                caption={t('issue.revisionRows')}
                l={l}
                head={[t('columns.code'), t('issue.field'), t('issue.asIssued'), t('issue.now')]}
                rows={rows.map((r) => [r.code, fieldLabel[r.field] ?? r.field, rowValue(l, r, r.issued), rowValue(l, r, r.now)])}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
