import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { commitmentCodeParam } from '@/lib/commitments/code-param';
import { authorize } from '@/lib/auth/guard';
import { statusAsOf } from '@/lib/commitments/history';
import { apiCommitmentDetail, apiCounterpartsAndAssessments } from '@/lib/commitments/api-shape';
import { getCommitmentByCode } from '@/lib/commitments/queries';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { isIsoDate, todayIso } from '@/lib/periods/dates';
import { apiRoute, json } from '@/lib/http/api';

type Ctx = { params: Promise<{ code: string }> };

/**
 * One commitment with its lead and partners, each with its basis, its history, its standing claim
 * and each side's latest update, and its assessments; `?asOf=YYYY-MM-DD` adds its status on that
 * date and reads the claim and the sides' views as they stood then.
 */
export const GET = apiRoute(async (request: Request, { params }: Ctx) => {
  const { actor, ctx } = await requireActor('api');
  const code = commitmentCodeParam((await params).code);
  if (code === null) throw new NotFoundError('No commitment has this code');
  authorize(getDb(), actor, 'commitment.read', undefined, ctx, code);
  const detail = getCommitmentByCode(code);
  if (!detail) throw new NotFoundError(`No commitment has the code ${code}`);
  const asOf = new URL(request.url).searchParams.get('asOf');
  if (asOf !== null && !isIsoDate(asOf)) throw new ValidationError({ asOf: ['invalid_date'] });
  return json({ ...apiCommitmentDetail(detail), ...apiCounterpartsAndAssessments(detail.commitment.id, asOf ?? todayIso()), ...(asOf ? { asOf: { date: asOf, ...statusAsOf(code, asOf) } } : {}) });
});
