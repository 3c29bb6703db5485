import { CLAIM_STATES, STATUSES, VERDICTS } from '@/lib/commitments/vocabulary';
import { DUE_CATEGORIES } from '@/lib/dashboard/due-categories';

/** The response of `GET /api/v1/dashboard` (lib/as-of/view.ts `AsOfView`), for the OpenAPI document. */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const int = { type: 'integer' };
const num = { type: 'number' };
const str = { type: 'string' };
const date = { type: 'string', format: 'date' };
const link = { type: 'string', description: 'Drill-down: the commitments list (/commitments?…) showing what the figure counts' };
const nullable = (schema: { type: string; format?: string }) => ({ ...schema, type: [schema.type, 'null'] });
const each = (names: readonly string[], schema: object) => Object.fromEntries(names.map((n) => [n, schema]));
/** An object with exactly these properties, all present. */
const obj = (properties: Record<string, object>, description?: string) => ({ type: 'object', ...(description ? { description } : {}), required: Object.keys(properties), properties });
const list = (items: object, description?: string) => ({ type: 'array', ...(description ? { description } : {}), items });

const statusLinks = (extra: Record<string, object> = {}) => obj({ ...each(STATUSES, link), ...extra });

export const DASHBOARD_SCHEMAS = {
  StatusCounts: obj(each(STATUSES, int), 'Commitments by implementation status'),
  DashboardHeadline: obj({ total: int, counts: ref('StatusCounts'), overdue: int, meanProgress: { ...num, description: 'Mean progress (%)' } }),
  DashboardListed: obj({
    code: str,
    claim: { type: ['string', 'null'], enum: [...CLAIM_STATES, null], description: 'The claim’s state at the date: `pending` (awaiting confirmation), `confirmed` or `disputed` (sides disagree); null when there is none' },
    titleKo: str,
    titleEn: str,
    dueSpec: { ...str, description: 'The due period, e.g. 2024-Q2, or `ongoing`' },
    dueEnd: { ...nullable(date), description: 'The due period’s last day (YYYY-MM-DD); null when ongoing' },
    status: ref('Status'),
    lastUpdate: { ...nullable(date), description: 'The effective date (YYYY-MM-DD) of the latest update by then' },
    lastRecorded: { ...nullable(date), description: 'The date (YYYY-MM-DD, app time zone) the latest update by then was recorded' },
    overdue: { type: 'boolean' },
    stale: { type: 'boolean', description: 'No update recorded in the 90 days up to the date' },
  }),
  DashboardSeriesPoint: obj(
    {
      period: { ...str, description: 'A month (2024-06) or a quarter (2024-Q2), as `seriesUnit` says' },
      end: { ...date, description: 'The period’s last day, YYYY-MM-DD (asOf for the last period)' },
      counts: ref('StatusCounts'),
      total: int,
      meanProgress: num,
      dueByThen: { ...int, description: 'Commitments existing then that fall due on or before `end` (falls due, cumulative)' },
      completedOfDue: { ...int, description: 'Of those, the ones completed at `end`: never an ongoing commitment' },
      links: statusLinks({ dueByThen: link, completedOfDue: link }),
    },
    'The counts by implementation status and the burn-up (falls due by then against completed among those) at a period’s end',
  ),
  DashboardCompliance: obj({ assessed: int, total: int, mean: { ...nullable(num), description: 'Mean assessment (verdict) of the assessed commitments, −1 to +1; null when none is assessed' } }),
  DashboardView: obj(
    {
      scope: { type: 'object', description: 'The filters applied (dialogue, area, agency, country); absent ones are left out', properties: each(['dialogue', 'area', 'agency', 'country'], str) },
      asOf: date,
      today: date,
      past: { type: 'boolean', description: 'True when asOf (YYYY-MM-DD) is before today' },
      includesSynthetic: { type: 'boolean', description: 'True when the figures include invented demo data (a synthetic dialogue, such as the sample of `npm run demo`)' },
      previousQuarterEnd: { ...date, description: 'The previous quarter end (YYYY-MM-DD)' },
      headline: ref('DashboardHeadline'),
      previous: { ...ref('DashboardHeadline'), description: 'The same figures at the end of the previous quarter' },
      links: obj({ total: link, ...each(STATUSES, link), overdue: link }),
      byArea: list(obj({ code: str, nameKo: str, nameEn: str, counts: ref('StatusCounts'), total: int, links: statusLinks({ total: link }) })),
      byLeadAgency: list(obj({ code: str, nameKo: str, shortNameKo: nullable(str), nameEn: str, country: str, led: int, completed: int, overdue: int, links: obj(each(['led', 'completed', 'overdue'], link)) })),
      byCountry: list(obj({ country: str, led: int, completed: int, overdue: int, links: obj(each(['led', 'completed', 'overdue'], link)) })),
      dueTimeline: list(obj({ quarter: { ...str, description: 'The quarter they fall due in, as YYYY-Qn (2024-Q2 is Q2 2024)' }, ...each(DUE_CATEGORIES, int), links: obj(each(DUE_CATEGORIES, link)) }), 'Commitments with a due period (not ongoing), by the quarter they fall due in'),
      noDeadline: obj({ count: int, link }, 'The commitments the due timeline leaves out: ongoing (no due period)'),
      upcoming: list(ref('DashboardListed'), 'Open commitments falling due in the 90 days after asOf (at most 50)'),
      seriesUnit: { type: 'string', enum: ['month', 'quarter'] },
      series: list(ref('DashboardSeriesPoint'), 'From the first dialogue in scope to asOf'),
      attention: list(ref('DashboardListed'), 'Overdue, delayed or at risk, no update recorded for 90 days, sides disagree, or awaiting confirmation for over 30 days (at most 25)'),
      claims: obj({ pending: int, pendingOverdue: int, disputed: int, links: obj(each(['pending', 'pendingOverdue', 'disputed'], link)) }),
      assessment: obj({
        quarter: { ...str, description: 'The quarter assessed, as YYYY-Qn' },
        cross: list(
          obj({ verdict: { type: ['integer', 'null'], enum: [...VERDICTS, null], description: 'null: not assessed this quarter' }, counts: ref('StatusCounts'), total: int, links: statusLinks({ total: link }) }),
          'Assessments (+1, 0, −1, not assessed) by the implementation status the agencies recorded',
        ),
        overall: ref('DashboardCompliance'),
        byArea: list(obj({ code: str, nameKo: str, nameEn: str, assessed: int, total: int, mean: nullable(num), link })),
        byLeadAgency: list(obj({ code: str, nameKo: str, shortNameKo: nullable(str), nameEn: str, country: str, assessed: int, total: int, mean: nullable(num), link })),
      }),
    },
    'Every dashboard figure for a scope as it stood at the end of asOf, each with its drill-down link',
  ),
};
