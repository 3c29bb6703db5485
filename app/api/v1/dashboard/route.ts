import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { authorize } from '@/lib/auth/guard';
import { CommitmentFilterInput, filterParams } from '@/lib/commitments/filters';
import { ValidationError } from '@/lib/errors';
import { apiRoute, json } from '@/lib/http/api';
import { readDashboard } from '@/lib/read-model';
import { todayIso } from '@/lib/periods/dates';
import { fieldErrorsOf } from '@/lib/validation/common';

/**
 * The as-of view as JSON (`?dialogue=&area=&agency=&country=&asOf=YYYY-MM-DD`): every figure of the
 * dashboard, by area, lead agency and country, with each figure's drill-down link to the list.
 */
export const GET = apiRoute(async (request: Request) => {
  const { actor, ctx } = await requireActor('api');
  authorize(getDb(), actor, 'dashboard.view', undefined, ctx);
  const parsed = CommitmentFilterInput.pick({ dialogue: true, area: true, agency: true, country: true, asOf: true }).safeParse(filterParams(new URL(request.url).searchParams));
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error), 'Invalid filter parameters');
  const today = todayIso();
  const { asOf = today, ...scope } = parsed.data;
  if (asOf > today) throw new ValidationError({ asOf: ['date_in_future'] });
  return json(await readDashboard(scope, asOf, today));
});
