import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AgencyName, AgencyWithName } from '@/components/agency-name';
import { AssessmentFormPanel } from '@/components/assessments/assessment-form-panel';
import { AssessmentHistory } from '@/components/assessments/assessment-history';
import { AssessmentPanel } from '@/components/assessments/assessment-panel';
import { ClaimSection } from '@/components/claims/claim-section';
import { ClaimQualifier } from '@/components/claims/claim-qualifier';
import { SideViewsTable } from '@/components/claims/side-views-table';
import { AssignmentBasisMarker } from '@/components/commitments/assignment-basis';
import { BasisAdminPanel } from '@/components/commitments/basis-admin-panel';
import { FactBasisNote } from '@/components/commitments/fact-basis-note';
import { SourceExcerpt } from '@/components/commitments/source-excerpt';
import { HistoryTimeline } from '@/components/history-timeline';
import { ProgressBar } from '@/components/progress-bar';
import { StatusBadge } from '@/components/status-badge';
import { StatusUpdateForm } from '@/components/status-update-form';
import { getDb } from '@/db/client';
import { parseDateInput } from '@/lib/format/date-input';
import { agencyShortName } from '@/lib/agencies/short-name';
import { assessmentAt, assessmentQuarterOf, assessmentsOf } from '@/lib/assessments/queries';
import { requirePagePermission } from '@/lib/auth/current-user';
import { answerAvailability } from '@/lib/claims/availability';
import { claimAt, sideViewsAt } from '@/lib/claims/queries';
import { claimTimeline } from '@/lib/claims/timeline';
import { can } from '@/lib/auth/policy';
import { statusAsOf } from '@/lib/commitments/history';
import { getCommitmentByCode } from '@/lib/commitments/queries';
import { commitmentCodeParam } from '@/lib/commitments/code-param';
import { updateAvailability } from '@/lib/commitments/update-status';
import { agenciesThatMayUpdate } from '@/lib/commitments/updating-agencies';
import { formatDate } from '@/lib/format/datetime';
import { localized } from '@/lib/i18n/config';
import { isIsoDate, todayIso } from '@/lib/periods/dates';
import { isOverdue, parseDuePeriod } from '@/lib/periods/due-period';
import { SyntheticBadge } from '@/components/synthetic-badge';
import { DateInput } from '@/components/forms/date-input';

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ asOf?: string | string[] }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: commitmentCodeParam((await params).code) ?? undefined };
}

export default async function CommitmentPage({ params, searchParams }: Props) {
  const code = commitmentCodeParam((await params).code);
  const actor = await requirePagePermission('commitment.read', undefined, code ?? undefined);
  const detail = code === null ? undefined : getCommitmentByCode(code);
  if (!detail) notFound();
  const [t, locale] = [await getTranslations(), await getLocale()];
  const { commitment: c, dialogue, area, lead, partners, history, leadBasis, dueBasis, targetBasis } = detail;
  const l = <T,>(ko: T, en: T) => localized(locale, { ko, en });
  const due = parseDuePeriod(c.dueSpec);
  const today = todayIso();
  const asOfParam = (await searchParams).asOf;
  const typed = typeof asOfParam === 'string' ? parseDateInput(asOfParam) : null;
  // A date given but not valid (or given twice), in the future, or before the dialogue is named next to the field rather than ignored.
  const asOfError =
    asOfParam === undefined || asOfParam === '' ? null : typed === null || !isIsoDate(typed) ? 'invalid_date' : typed > today ? 'date_in_future' : typed < dialogue.heldOn ? 'date_before_dialogue' : null;
  const asOf = asOfError === null && typed !== null ? typed : null;
  const asOfInvalid = asOfError !== null;
  const asOfState = asOf ? statusAsOf(c.code, asOf) : null;
  const date = (iso: string) => formatDate(iso, locale);
  const canUpdate = updateAvailability(actor, c.code);
  // The page's date: the claim, the sides' views and the assessment are read as they stood then.
  const pageDate = asOf ?? today;
  const db = getDb();
  const claim = claimAt(db, c.id, pageDate);
  const sides = sideViewsAt(db, c.id, pageDate);
  const answering = answerAvailability(actor, c.code, db);
  const assessments = assessmentsOf(db, c.id);
  const standingAssessment = assessmentAt(assessments, pageDate);
  const timeline = claimTimeline(db, c.id, today);
  const shown = asOfState ?? { status: c.status, progress: c.progress };
  const agencies = [lead, ...partners];
  // Every assignment with its basis, the lead first: for the markers, the excerpt and the admin's forms.
  const assignments = [
    { ...lead, roleLabel: t('commitment.lead'), contextRole: t('commitment.lead'), basis: leadBasis },
    ...partners.map((p) => ({ ...p, roleLabel: t(`partnerRole.${p.role}`), contextRole: t('basis.partner'), basis: p.basis })),
  ];
  const marker = (a: (typeof assignments)[number]) => (
    <AssignmentBasisMarker basis={a.basis} agencyCode={a.code} context={t('basis.context', { role: a.contextRole, agency: agencyShortName(a, locale) })} />
  );

  return (
    <article className="detail">
      <p>
        <Link href="/commitments">← {t('commitment.back')}</Link>
      </p>
      <header className="page-heading">
        <p className="mono muted">
          {c.code}
          {c.archivedAt && <span className="badge badge--archived">{t('admin.archivedNotice')}</span>}
          {can(actor, 'commitment.manage') && (
            <>
              {' · '}
              <Link href={`/admin/commitments/${encodeURIComponent(c.code)}`}>{t('admin.editCommitment')}</Link>
            </>
          )}
        </p>
        <h1>{l(c.titleKo, c.titleEn)}</h1>
        <p className="muted">
          {l(dialogue.nameKo, dialogue.nameEn)}
          {dialogue.synthetic && <SyntheticBadge />} ·{' '}
          {t('dialogue.heldOn', { date: date(dialogue.heldOn), place: l(dialogue.placeKo, dialogue.placeEn) })}
        </p>
      </header>

      <dl className="facts">
        <div>
          <dt>{t('commitment.area')}</dt>
          <dd>{l(area.nameKo, area.nameEn)}</dd>
        </div>
        <div>
          <dt>{t('commitment.lead')}</dt>
          <dd>
            <AgencyWithName agency={lead} /> {marker(assignments[0]!)}
          </dd>
        </div>
        <div>
          <dt>{t('commitment.partners')}</dt>
          <dd>
            {partners.length === 0 ? (
              t('commitment.noPartners')
            ) : (
              <ul className="plain-list">
                {assignments.slice(1).map((p) => (
                  <li key={p.code}>
                    <AgencyWithName agency={p} /> ({p.roleLabel}) {marker(p)}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('commitment.due')}</dt>
          <dd>
            {l(due.label.ko, due.label.en)} <FactBasisNote basis={dueBasis} />
            {due.start && due.end && (
              <span className="muted fact-range">{t('commitment.dueRange', { start: date(due.start), end: date(due.end) })}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('commitment.target')}</dt>
          <dd>
            {c.targetKo || c.targetEn ? (
              <>
                {l(c.targetKo ?? c.targetEn, c.targetEn ?? c.targetKo)} {targetBasis && <FactBasisNote basis={targetBasis} />}
              </>
            ) : (
              t('commitment.noTarget')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('commitment.status')}</dt>
          <dd>
            {shown.status === 'absent' ? (
              t('status.absent')
            ) : (
              <>
                <StatusBadge status={shown.status} overdue={isOverdue(due, shown.status, pageDate)} />
                <ClaimQualifier claim={claim} />
              </>
            )}
            {asOf && <span className="muted fact-range">{t('claims.asOf', { date: date(asOf) })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('commitment.progress')}</dt>
          <dd>
            <ProgressBar value={shown.progress} />
          </dd>
        </div>
      </dl>

      <div className="panels">
        {sides.length > 1 && (
          <section className="panel" aria-labelledby="sides-heading">
            <h2 id="sides-heading">{t('claims.sides.title')}</h2>
            <SideViewsTable sides={sides} date={pageDate} agencies={agencies} />
          </section>
        )}
        <AssessmentPanel standing={standingAssessment} quarter={assessmentQuarterOf(pageDate)} />
      </div>

      <ClaimSection claim={claim} answering={answering} past={pageDate !== today} agencies={agencies} commitment={c} today={today} />

      <section aria-labelledby="description-heading">
        <h2 id="description-heading">{t('commitment.description')}</h2>
        <p>{l(c.descriptionKo, c.descriptionEn)}</p>
      </section>

      <section aria-labelledby="source-heading">
        <h2 id="source-heading">{t('commitment.sourceExcerpt')}</h2>
        <figure className="source">
          <SourceExcerpt excerpt={c.sourceExcerpt} assignments={assignments} due={dueBasis} target={targetBasis} />
          {dialogue.sourceTitle && (
            <figcaption className="muted">
              {t('commitment.source')}:{' '}
              {t('commitment.sourceCitation', {
                publisher: dialogue.sourcePublisher ?? '',
                title: dialogue.sourceTitle,
              })}
            </figcaption>
          )}
        </figure>
      </section>

      {can(actor, 'commitment.manage') && <BasisAdminPanel code={c.code} version={c.version} today={today} assignments={assignments} />}

      {canUpdate === 'archived' ? (
        <p className="notice notice--info" role="status">
          {t('update.archivedNotice')}
        </p>
      ) : canUpdate === 'allowed' ? (
        <section id="update" className="panel">
          <StatusUpdateForm
            code={c.code}
            version={c.version}
            status={c.status}
            progress={c.progress}
            today={today}
            minDate={dialogue.heldOn}
          />
        </section>
      ) : (
        <p className="notice notice--info">{t('update.whoMayUpdate', { agencies: namesList(agenciesThatMayUpdate(c.code, db).map((a) => agencyShortName(a, locale)), locale) })}</p>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t('commitment.history')}</h2>
        <form method="get" className="as-of" key={asOf ?? 'today'}>
          <label htmlFor="as-of">{t('update.asOfTitle')}</label>
          <DateInput
            locale={locale}
            id="as-of"
            name="asOf"
            min={dialogue.heldOn}
            value={asOf ?? today}
            aria-invalid={asOfInvalid ? true : undefined}
            aria-describedby={asOfInvalid ? 'as-of-error' : undefined}
          />
          <button type="submit" className="button button--secondary">
            {t('update.asOfSubmit')}
          </button>
          {asOfInvalid && (
            <p id="as-of-error" className="field__error" role="alert">
              {t(`validation.${asOfError ?? 'invalid_date'}`)}
            </p>
          )}
        </form>
        {asOf && asOfState && (
          <p className="notice notice--info" role="status">
            {t('update.asOfResult', { date: date(asOf), status: t(`status.${asOfState.status}`), progress: asOfState.progress })}
          </p>
        )}
        <HistoryTimeline history={history} answers={timeline.answers} claimStates={timeline.states} agencies={agencies} />
      </section>

      {can(actor, 'commitment.assess') && !c.archivedAt && (
        <AssessmentFormPanel code={c.code} adoptedOn={c.adoptedOn || dialogue.heldOn} today={today} entries={assessments} />
      )}
      <AssessmentHistory entries={assessments} />
    </article>
  );
}

/** Agencies named in a sentence: "MOTIE and DOC" / "산업부·미 상무부". */
function namesList(names: string[], locale: 'ko' | 'en'): string {
  return locale === 'ko' ? names.join('·') : new Intl.ListFormat('en', { type: 'conjunction' }).format(names);
}
