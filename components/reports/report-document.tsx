import { ReportStatusChart } from '@/components/charts/report-charts';
import { periodLabel } from '@/lib/format/quarters';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { reportLabels, type ReportLabels } from '@/lib/reports/labels';
import type { ComplianceFigures, QuarterFigures, ReportChange, ReportCommitment, ReportSummary } from '@/lib/reports/types';
import { SyntheticBadge } from '@/components/synthetic-badge';
import { ReportFiguresTable } from './report-figures-table';

interface Props {
  summary: ReportSummary;
  /** The first commitment and change rows; the files carry them all. */
  commitments: ReportCommitment[];
  changes: ReportChange[];
}

function Header({ s, l }: { s: ReportSummary; l: ReportLabels }) {
  const synthetic = s.dialogues.some((d) => d.synthetic);
  const dialogues = s.dialogues.length
    ? s.dialogues.map((d, i) => (
        <span key={d.code}>
          {i > 0 && ', '}
          {`${l.name(d)} (${l.date(d.heldOn)})`}
          {d.synthetic && <SyntheticBadge text={l.t('header.syntheticBadge')} label={l.t('header.synthetic')} />}
        </span>
      ))
    : '—';
  const rows: [string, React.ReactNode][] = [
    [l.t('header.dialogues'), dialogues],
    [l.t('header.quarter'), `${l.quarter(s.quarter.key)} (${l.date(s.quarter.start)} ~ ${l.date(s.quarter.end)})`],
    [l.t('header.filters'), l.filters(s.filters)],
    [l.t('header.asOf'), l.t('header.asOfValue', { date: l.date(s.asOf) })],
    [l.t('header.recordedThrough'), l.instant(s.recordedThrough, s.timeZone)],
    [l.t('header.generatedBy'), s.generatedBy.name],
    [l.t('header.generatedAt'), l.instant(s.generatedAt, s.timeZone)],
  ];
  return (
    <>
      <dl className="report-header">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {synthetic && <p className="notice notice--info">{l.t('header.synthetic')}</p>}
    </>
  );
}

function SummaryTable({ f, l }: { f: QuarterFigures; l: ReportLabels }) {
  const change = (a: number, b: number) => l.signed(a - b);
  return (
    <table className="data-table report-table">
      <caption>{l.t('summary.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{l.t('summary.status')}</th>
          <th scope="col">{l.t('summary.count')}</th>
          <th scope="col">{l.t('summary.share')}</th>
          <th scope="col">{l.t('summary.previous')}</th>
          <th scope="col">{l.t('summary.previousShare')}</th>
          <th scope="col">{l.t('summary.change')}</th>
        </tr>
      </thead>
      <tbody>
        {STATUSES.map((s: Status) => (
          <tr key={s}>
            <th scope="row">
              <span className={`status-dot status-dot--${s}`} aria-hidden="true" /> {l.status(s)}
            </th>
            <td className="num">{f.atEnd.counts[s]}</td>
            <td className="num">{l.percent(f.atEnd.shares[s])}</td>
            <td className="num">{f.atPreviousEnd.counts[s]}</td>
            <td className="num">{l.percent(f.atPreviousEnd.shares[s])}</td>
            <td className="num">{change(f.atEnd.counts[s], f.atPreviousEnd.counts[s])}</td>
          </tr>
        ))}
        <tr className="report-table__total">
          <th scope="row">{l.t('summary.total')}</th>
          <td className="num">{f.atEnd.total}</td>
          <td className="num">{l.percent(f.atEnd.total ? 1 : 0)}</td>
          <td className="num">{f.atPreviousEnd.total}</td>
          <td className="num">{l.percent(f.atPreviousEnd.total ? 1 : 0)}</td>
          <td className="num">{change(f.atEnd.total, f.atPreviousEnd.total)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function KeyFigures({ f, l }: { f: QuarterFigures; l: ReportLabels }) {
  const items: [string, string][] = [
    [l.t('summary.completedThisQuarter'), String(f.completedThisQuarter)],
    [l.t('summary.newlyOverdue'), String(f.newlyOverdue)],
    [l.t('summary.overdue'), `${f.atEnd.overdue} (${l.t('summary.previous')} ${f.atPreviousEnd.overdue})`],
    [l.t('summary.dueNextQuarter'), String(f.dueNextQuarter)],
    [l.t('summary.meanProgress'), `${l.progress(f.atEnd.meanProgress)} (${l.t('summary.previous')} ${l.progress(f.atPreviousEnd.meanProgress)})`],
    [l.t('summary.meanProgressChange'), l.signed(f.meanProgressChange, 1)],
  ];
  return (
    <dl className="report-figures">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The quarterly report as a document, in the report's language: the screen preview and the
 * browser's print (A4, print CSS). Every number comes from the report model.
 */
export function ReportDocument({ summary: s, commitments, changes }: Props) {
  const l = reportLabels(s.params.lang);
  const statusLabels = Object.fromEntries(STATUSES.map((x) => [x, l.status(x)])) as Record<Status, string>;
  const f = s.summary;
  return (
    <article className="report-document" lang={s.params.lang} aria-labelledby="report-title">
      <h2 id="report-title">{l.t('documentTitle')}</h2>
      <p className="report-document__quarter">{l.quarter(s.quarter.key)}</p>
      <Header s={s} l={l} />
      {s.partial && <p className="notice notice--info">{l.t('header.partial', { date: l.date(s.asOf) })}</p>}
      {s.emptyReason && <p className="notice notice--info">{l.emptyReason(s.emptyReason)}</p>}
      <section aria-labelledby="report-summary">
        <h3 id="report-summary">{l.t('summary.title')}</h3>
        <SummaryTable f={f} l={l} />
        <KeyFigures f={f} l={l} />
        <p className="muted report-note">{l.t('summary.definitions', { timeZone: s.timeZone })}</p>
      </section>
      {f.atEnd.total > 0 && (
        <div className="report-charts">
          <section aria-labelledby="report-chart-areas">
            <h3 id="report-chart-areas">{l.t('charts.statusByArea')}</h3>
            <div aria-hidden="true">
              <ReportStatusChart layout="vertical" statusLabels={statusLabels} data={s.charts.statusByArea.map((a) => ({ key: a.code, label: l.name(a), counts: a.atEnd.counts }))} />
            </div>
          </section>
          <section aria-labelledby="report-chart-quarters">
            <h3 id="report-chart-quarters">{l.t('charts.statusOverTime')}</h3>
            <div aria-hidden="true">
              <ReportStatusChart
                layout="horizontal"
                statusLabels={statusLabels}
                data={s.charts.quarterSeries.map((p) => ({ key: p.quarter, label: periodLabel(p.quarter, s.params.lang, { short: true }), title: l.quarter(p.quarter), counts: p.counts }))}
              />
            </div>
            <ReportFiguresTable
              caption={l.t('charts.statusOverTime')}
              l={l}
              head={[l.t('header.quarter'), ...STATUSES.map((x) => l.status(x)), l.t('summary.total')]}
              rows={s.charts.quarterSeries.map((p) => [l.quarter(p.quarter), ...STATUSES.map((x) => p.counts[x]), p.total])}
              collapsed
            />
          </section>
        </div>
      )}
      {f.compliance && <ComplianceTable s={s} overall={f.compliance} l={l} />}
      {s.byArea.length > 0 && <GroupTable title={l.t('byArea.title')} nameHeader={l.t('byArea.name')} l={l} rows={s.byArea.map((a) => ({ key: a.code, name: l.name(a), f: a }))} />}
      {s.byLeadAgency.length > 0 && <GroupTable title={l.t('byAgency.title')} nameHeader={l.t('byAgency.name')} l={l} rows={s.byLeadAgency.map((a) => ({ key: a.code, name: `${l.agency(a)} (${l.country(a.country)})`, f: a }))} />}
      <CommitmentsTable s={s} rows={commitments} l={l} />
      <ChangesTable s={s} rows={changes} l={l} />
    </article>
  );
}

function GroupTable({ title, nameHeader, rows, l }: { title: string; nameHeader: string; rows: { key: string; name: string; f: QuarterFigures }[]; l: ReportLabels }) {
  return (
    <section>
      <h3>{title}</h3>
      <ReportFiguresTable
        caption={title}
        l={l}
        head={[nameHeader, l.t('columns.total'), ...STATUSES.map((x) => l.status(x)), l.t('columns.overdueAtEnd'), l.t('columns.completedThisQuarter'), l.t('columns.newlyOverdue'), l.t('columns.dueNextQuarter'), l.t('columns.meanProgress'), l.t('columns.meanProgressChange')]}
        rows={rows.map(({ name, f }) => [name, f.atEnd.total, ...STATUSES.map((x) => f.atEnd.counts[x]), f.atEnd.overdue, f.completedThisQuarter, f.newlyOverdue, f.dueNextQuarter, l.progress(f.atEnd.meanProgress), l.signed(f.meanProgressChange, 1)])}
      />
    </section>
  );
}

/** The mean compliance score and the counts assessed and not: overall, by area, by lead agency. */
function ComplianceTable({ s, overall, l }: { s: ReportSummary; overall: ComplianceFigures; l: ReportLabels }) {
  const title = `${l.t('compliance.title')} (${l.quarter(s.quarter.key)})`;
  const line = (name: string, c: ComplianceFigures | undefined): (string | number)[][] => (c ? [[name, c.total, c.assessed, c.notAssessed, l.compliance(c.mean)]] : []);
  return (
    <section aria-labelledby="report-compliance">
      <h3 id="report-compliance">{title}</h3>
      <ReportFiguresTable
        caption={title}
        l={l}
        head={[l.t('compliance.group'), l.t('compliance.total'), l.t('compliance.assessed'), l.t('compliance.notAssessed'), l.t('compliance.mean')]}
        rows={[
          ...line(l.t('compliance.overall'), overall),
          ...s.byArea.flatMap((a) => line(l.t('compliance.byArea', { name: l.name(a) }), a.compliance)),
          ...s.byLeadAgency.flatMap((a) => line(l.t('compliance.byAgency', { name: `${l.agency(a)} (${l.country(a.country)})` }), a.compliance)),
        ]}
      />
      <p className="muted report-note">{l.t('compliance.definition')}</p>
    </section>
  );
}

function CommitmentsTable({ s, rows, l }: { s: ReportSummary; rows: ReportCommitment[]; l: ReportLabels }) {
  const title = `${l.t('commitmentsTitle')} (${s.commitmentCount})`;
  // Reports issued before assessments and claims were kept have no assessment columns and no claims to note.
  const assessed = s.summary.compliance !== undefined;
  return (
    <section>
      <h3>{title}</h3>
      {rows.length < s.commitmentCount && <p className="muted">{l.t('commitmentsTooMany', { count: s.commitmentCount })}</p>}
      {assessed && <p className="muted report-note">{l.t('compliance.claimNote')}</p>}
      {rows.length > 0 && (
        <ReportFiguresTable
          caption={title}
          l={l}
          nowrapRowHeaders
          head={[
            l.t('columns.code'),
            l.t('columns.area'),
            l.t('columns.title'),
            l.t('columns.lead'),
            l.t('columns.partners'),
            l.basisHeader('assignmentBasis'),
            l.t('columns.duePeriod'),
            l.basisHeader('dueBasis'),
            l.t('columns.status'),
            l.t('columns.progress'),
            l.t('columns.progressChange'),
            l.t('columns.latestNote'),
            l.t('columns.overdue'),
            ...(assessed ? [l.t('columns.verdict'), l.t('columns.rationale')] : []),
          ]}
          rows={rows.map((c) => [
            c.code,
            l.name(c.area),
            l.lang === 'ko' ? c.titleKo : c.titleEn,
            l.agency(c.lead),
            c.partners.map((p) => l.agency(p)).join(', '),
            // Who said so: each assignment's basis, and where the due period comes from (empty in reports issued before bases were kept).
            l.assignmentBases(c),
            l.duePeriod(c.dueSpec),
            l.dueBasis(c),
            // The claim qualifies the status it claims: `완료 — 양측 이견`.
            [c.previousStatus === 'absent' ? `${l.status(c.status)} (${l.t('newThisQuarter')})` : c.previousStatus === c.status ? l.status(c.status) : `${l.status(c.previousStatus)} → ${l.status(c.status)}`, l.claim(c.claim)].filter(Boolean).join(' — '),
            c.progress,
            l.signed(c.progressChange),
            c.latestNote ? `${l.date(c.latestEntryOn)} ${c.latestNote}` : '',
            c.overdue ? l.yesNo(true) : '',
            ...(assessed ? [[l.verdictScored(c.verdict), l.confidence(c.confidence)].filter(Boolean).join(' · '), c.rationale ?? ''] : []),
          ])}
        />
      )}
    </section>
  );
}

function ChangesTable({ s, rows, l }: { s: ReportSummary; rows: ReportChange[]; l: ReportLabels }) {
  const title = `${l.t('changes.title')} (${s.changeCount})`;
  return (
    <section>
      <h3>{title}</h3>
      <p className="muted">{s.changeCount === 0 ? l.t('changes.none') : l.t('changes.caption')}</p>
      {rows.length > 0 && (
        <ReportFiguresTable
          caption={title}
          l={l}
          head={[l.t('changes.effectiveDate'), l.t('changes.code'), l.t('changes.from'), l.t('changes.to'), l.t('changes.progress'), l.t('changes.note'), l.t('changes.authorAgency'), l.t('changes.recordedAt')]}
          rows={rows.map((c) => [
            l.date(c.effectiveDate),
            c.code,
            l.status(c.fromStatus),
            l.status(c.toStatus),
            `${c.fromProgress} → ${c.toProgress}`,
            c.note,
            c.authorAgency ? l.agency(c.authorAgency) : l.t('changes.administrator'),
            l.instant(c.recordedAt, s.timeZone),
          ])}
        />
      )}
    </section>
  );
}
