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
  StatusCounts: obj(each(STATUSES, int), 'Commitments by status'),
  DashboardHeadline: obj({ total: int, counts: ref('StatusCounts'), overdue: int, meanProgress: { ...num, description: 'Mean progress (%)' } }),
  DashboardListed: obj({
    code: str,
    claim: { type: ['string', 'null'], enum: [...CLAIM_STATES, null], description: 'The standing claim’s state at the date, or null' },
    titleKo: str,
    titleEn: str,
    dueSpec: str,
    dueEnd: nullable(date),
    status: ref('Status'),
    lastUpdate: { ...nullable(date), description: 'The latest entry’s effective date by then' },
    lastRecorded: { ...nullable(date), description: 'The day (app time zone) the latest entry by then was recorded' },
    overdue: { type: 'boolean' },
    stale: { type: 'boolean', description: 'No entry recorded in the 90 days up to the date' },
  }),
  DashboardSeriesPoint: obj(
    {
      period: { ...str, description: 'A month (2024-06) or a quarter (2024-Q2), as `seriesUnit` says' },
      end: { ...date, description: 'The period’s last day (asOf for the last period)' },
      counts: ref('StatusCounts'),
      total: int,
      meanProgress: num,
      dueByThen: { ...int, description: 'Commitments existing then and due on or before `end`' },
      completedOfDue: { ...int, description: 'Of those, the ones completed at `end`: never a commitment without a deadline' },
      links: statusLinks({ dueByThen: link, completedOfDue: link }),
    },
    'The status counts and the burn-up (due by then against completed among those due) at a period’s end',
  ),
  DashboardCompliance: obj({ assessed: int, total: int, mean: { ...nullable(num), description: 'Mean verdict of the assessed, −1 to +1; null when none is' } }),
  DashboardView: obj(
    {
      scope: { type: 'object', description: 'The filters applied (dialogue, area, agency, country); absent ones are left out', properties: each(['dialogue', 'area', 'agency', 'country'], str) },
      asOf: date,
      today: date,
      past: { type: 'boolean', description: 'True when asOf is before today' },
      includesSynthetic: { type: 'boolean', description: 'True when the figures include invented demo data (a synthetic dialogue, such as the sample of `npm run demo`)' },
      previousQuarterEnd: date,
      headline: ref('DashboardHeadline'),
      previous: { ...ref('DashboardHeadline'), description: 'The same figures at the end of the previous quarter' },
      links: obj({ total: link, ...each(STATUSES, link), overdue: link }),
      byArea: list(obj({ code: str, nameKo: str, nameEn: str, counts: ref('StatusCounts'), total: int, links: statusLinks({ total: link }) })),
      byLeadAgency: list(obj({ code: str, nameKo: str, nameEn: str, country: str, led: int, completed: int, overdue: int, links: obj(each(['led', 'completed', 'overdue'], link)) })),
      byCountry: list(obj({ country: str, led: int, completed: int, overdue: int, links: obj(each(['led', 'completed', 'overdue'], link)) })),
      dueTimeline: list(obj({ quarter: { ...str, description: 'The quarter they fall due in, e.g. 2024-Q2' }, ...each(DUE_CATEGORIES, int), links: obj(each(DUE_CATEGORIES, link)) }), 'Commitments with a deadline, by the quarter they fall due in'),
      noDeadline: obj({ count: int, link }, 'The commitments the due timeline leaves out: no deadline (ongoing)'),
      upcoming: list(ref('DashboardListed'), 'Open commitments falling due in the 90 days after asOf (at most 50)'),
      seriesUnit: { type: 'string', enum: ['month', 'quarter'] },
      series: list(ref('DashboardSeriesPoint'), 'From the first dialogue in scope to asOf'),
      attention: list(ref('DashboardListed'), 'Overdue, delayed or at risk, no entry recorded for 90 days, sides disagreeing, or a claim unanswered for 30 days (at most 25)'),
      claims: obj({ pending: int, pendingOverdue: int, disputed: int, links: obj(each(['pending', 'pendingOverdue', 'disputed'], link)) }),
      assessment: obj({
        quarter: str,
        cross: list(
          obj({ verdict: { type: ['integer', 'null'], enum: [...VERDICTS, null], description: 'null: not assessed this quarter' }, counts: ref('StatusCounts'), total: int, links: statusLinks({ total: link }) }),
          'Verdicts (+1, 0, −1, not assessed) by self-reported status',
        ),
        overall: ref('DashboardCompliance'),
        byArea: list(obj({ code: str, nameKo: str, nameEn: str, assessed: int, total: int, mean: nullable(num), link })),
        byLeadAgency: list(obj({ code: str, nameKo: str, nameEn: str, country: str, assessed: int, total: int, mean: nullable(num), link })),
      }),
    },
    'Every dashboard figure for a scope as it stood at the end of asOf, each with its drill-down link',
  ),
};
