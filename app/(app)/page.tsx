import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DueTimelineChart } from '@/components/charts/due-timeline-chart';
import { BurnupChart, ProgressChart } from '@/components/charts/progress-chart';
import { StatusByAreaChart } from '@/components/charts/status-by-area-chart';
import { AgenciesCard } from '@/components/dashboard/agencies-card';
import { AssessmentCard } from '@/components/dashboard/assessment-card';
import { AttentionCard } from '@/components/dashboard/attention-card';
import { BurnupTable } from '@/components/dashboard/burnup-table';
import { ChartCard } from '@/components/dashboard/chart-card';
import { DashboardFilters } from '@/components/dashboard/dashboard-filters';
import { DueTable } from '@/components/dashboard/due-table';
import { NoDeadlineNote } from '@/components/dashboard/no-deadline-note';
import { HeadlineFigures } from '@/components/dashboard/headline-figures';
import { StatusCountsTable } from '@/components/dashboard/status-counts-table';
import { SyntheticNotice } from '@/components/synthetic-notice';
import { requirePagePermission } from '@/lib/auth/current-user';
import { getFilterOptions } from '@/lib/commitments/filter-options';
import { parseFiltersLeniently } from '@/lib/commitments/filters';
import type { AsOfScope } from '@/lib/as-of/scope';
import { periodLabel } from '@/lib/format/quarters';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { DUE_CATEGORIES, type DueCategory } from '@/lib/dashboard/due-categories';
import { agencyShortName } from '@/lib/agencies/short-name';
import { parseDateInput } from '@/lib/format/date-input';
import { formatDate } from '@/lib/format/datetime';
import { localized, type Locale } from '@/lib/i18n/config';
import { isIsoDate, todayIso } from '@/lib/periods/dates';
import { readDashboard } from '@/lib/read-model';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('title') };
}

/** Why an as-of parameter cannot be used (then the dashboard shows today and says so by the field). */
function asOfErrorOf(value: string | string[] | undefined, today: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const date = typeof value === 'string' ? parseDateInput(value) : null;
  if (date === null || !isIsoDate(date)) return 'invalid_date';
  return date > today ? 'date_in_future' : undefined;
}

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission('dashboard.view');
  const params = await searchParams;
  const today = todayIso();
  const f = parseFiltersLeniently(params);
  const scope: AsOfScope = { dialogue: f.dialogue, area: f.area, agency: f.agency, country: f.country };
  const asOfError = asOfErrorOf(params.asOf, today);
  const asOf = asOfError || typeof params.asOf !== 'string' || params.asOf === '' ? today : parseDateInput(params.asOf)!;
  // Every figure, row and link comes from the as-of view (cached, or computed off this thread); this page only renders it.
  const d = await readDashboard(scope, asOf, today);
  const [t, locale, format] = [await getTranslations(), await getLocale(), await getFormatter()];
  const name = (x: { nameKo: string; nameEn: string }) => localized(locale, { ko: x.nameKo, en: x.nameEn });
  const date = (iso: string) => formatDate(iso, locale as Locale);
  const areaBars = d.byArea.map((a) => ({ key: a.code, label: name(a), counts: a.counts, hrefs: a.links }));
  // The charts' words, in the page's language and the one order (STATUSES, DUE_CATEGORIES) of stack and legend.
  const statusLabels = Object.fromEntries(STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<Status, string>;
  const dueLabels = Object.fromEntries(DUE_CATEGORIES.map((c) => [c, t(`dashboard.due.${c}`)])) as Record<DueCategory, string>;
  const dueBars = d.dueTimeline.map((q) => ({ quarter: q.quarter, values: { completed: q.completed, onCourse: q.onCourse, overdue: q.overdue, discontinued: q.discontinued }, hrefs: q.links }));
  const country = (c: string) => (t.has(`country.${c}` as never) ? t(`country.${c}` as never) : c);
  const agencyRows = d.byLeadAgency.map((a) => ({ code: a.code, label: agencyShortName(a, locale as Locale), name: name(a), country: country(a.country), led: a.led, completed: a.completed, overdue: a.overdue, hrefs: a.links }));

  return (
    <>
      <div className="page-heading">
        <h1>{t('dashboard.title')}</h1>
        <p className="muted">{t('dashboard.intro')}</p>
      </div>
      <DashboardFilters scope={scope} asOf={asOf} asOfError={asOfError} today={today} options={getFilterOptions({ duePeriods: false })} />
      {d.past && (
        <p className="notice notice--info" role="status">
          {t('dashboard.asOfNotice', { date: date(asOf) })}
        </p>
      )}
      {d.includesSynthetic && <SyntheticNotice />}
      {d.headline.total === 0 ? (
        <p className="empty">{t('dashboard.empty')}</p>
      ) : (
        <>
          <HeadlineFigures view={d} />
          <div className="dashboard-grid">
            <ChartCard
              id="areas"
              title={t('dashboard.areas.title')}
              caption={t('dashboard.areas.caption')}
              chart={<StatusByAreaChart data={areaBars} statusLabels={statusLabels} />}
              table={
                <StatusCountsTable
                  caption={t('dashboard.areas.title')}
                  rowHeader={t('dashboard.areas.area')}
                  extraHeader={t('dashboard.areas.total')}
                  rows={d.byArea.map((a, i) => ({ key: a.code, label: areaBars[i]!.label, counts: a.counts, hrefs: a.links, extra: { value: a.total, href: a.links.total } }))}
                />
              }
            />
            <ChartCard
              id="due"
              title={t('dashboard.due.title')}
              caption={t('dashboard.due.caption')}
              note={<NoDeadlineNote count={d.noDeadline.count} href={d.noDeadline.link} />}
              chart={<DueTimelineChart data={dueBars} labels={dueLabels} locale={locale} />}
              table={<DueTable rows={dueBars} noDeadline={{ count: d.noDeadline.count, href: d.noDeadline.link }} />}
            />
            <ChartCard
              id="progress"
              title={t('dashboard.progress.title')}
              caption={t('dashboard.progress.caption', { unit: t(d.seriesUnit === 'month' ? 'dashboard.progress.month' : 'dashboard.progress.quarter') })}
              chart={<ProgressChart data={d.series} statusLabels={statusLabels} meanLabel={t('dashboard.progress.mean')} locale={locale} />}
              table={
                <StatusCountsTable
                  caption={t('dashboard.progress.title')}
                  rowHeader={t('dashboard.progress.period')}
                  extraHeader={t('dashboard.progress.mean')}
                  rows={d.series.map((p) => ({
                    key: p.period,
                    label: periodLabel(p.period, locale),
                    counts: p.counts,
                    hrefs: p.links,
                    extra: { value: p.meanProgress.toFixed(1) },
                  }))}
                />
              }
            />
            <ChartCard
              id="burnup"
              title={t('dashboard.burnup.title')}
              caption={t('dashboard.burnup.caption')}
              chart={
                <BurnupChart
                  data={d.series.map((p) => ({ period: p.period, dueByThen: p.dueByThen, completedOfDue: p.completedOfDue }))}
                  labels={{ due: t('dashboard.burnup.due'), completedOfDue: t('dashboard.burnup.completedOfDue') }}
                  locale={locale}
                />
              }
              table={<BurnupTable rows={d.series.map((p) => ({ period: p.period, dueByThen: p.dueByThen, dueHref: p.links.dueByThen, completedOfDue: p.completedOfDue, completedHref: p.links.completedOfDue }))} />}
            />
          </div>

          <div className="dashboard-grid">
            <AgenciesCard agencyRows={agencyRows} countries={d.byCountry} />
            <AttentionCard d={d} />
          </div>

          <div className="dashboard-grid">
            <AssessmentCard d={d} />
          </div>
        </>
      )}
    </>
  );
}
