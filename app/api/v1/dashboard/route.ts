import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { authorize } from '@/lib/auth/guard';
import { CommitmentFilterInput, filterParams } from '@/lib/commitments/filters';
import { getDashboard } from '@/lib/dashboard/queries';
import { ValidationError } from '@/lib/errors';
import { apiRoute, json } from '@/lib/http/api';
import { todayIso } from '@/lib/periods/dates';
import { fieldErrorsOf } from '@/lib/validation/common';

/** The dashboard's figures as JSON: `?dialogue=&area=&agency=&country=&asOf=YYYY-MM-DD`. */
export const GET = apiRoute(async (request: Request) => {
  const { actor, ctx } = await requireActor('api');
  authorize(getDb(), actor, 'dashboard.view', undefined, ctx);
  const parsed = CommitmentFilterInput.pick({ dialogue: true, area: true, agency: true, country: true, asOf: true }).safeParse(filterParams(new URL(request.url).searchParams));
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error), 'Invalid filter parameters');
  const today = todayIso();
  const { asOf = today, ...scope } = parsed.data;
  if (asOf > today) throw new ValidationError({ asOf: ['date_in_future'] });
  return json(getDashboard(scope, asOf, today));
});
