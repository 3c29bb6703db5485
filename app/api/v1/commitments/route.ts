import { ValidationError } from '@/lib/errors';
import { requireActor } from '@/lib/auth/current-user';
import { authorize } from '@/lib/auth/guard';
import { getDb } from '@/db/client';
import { CommitmentFilterInput, filterParams } from '@/lib/commitments/filters';
import { apiCommitmentItems } from '@/lib/commitments/api-shape';
import { apiRoute, json } from '@/lib/http/api';
import { readList } from '@/lib/read-model';
import { todayIso } from '@/lib/periods/dates';
import { fieldErrorsOf } from '@/lib/validation/common';

/**
 * `GET /api/v1/commitments?area=BIO&status=delayed&due=2024-Q1&page=2[&asOf=2024-06-30][&inferred=1]` →
 * `{ asOf, past, items, total, page, pageSize }`: the commitments as they stood at the end of asOf
 * (default today), with status, progress, overdue and last update as of then, and the basis of each
 * assignment, due period and target (lib/commitments/api-shape.ts). `inferred=1`: only those with
 * an inferred assignment.
 */
export const GET = apiRoute(async (request: Request) => {
  const { actor, ctx } = await requireActor('api');
  authorize(getDb(), actor, 'commitment.read', undefined, ctx);
  const parsed = CommitmentFilterInput.safeParse(filterParams(new URL(request.url).searchParams));
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error), 'Invalid filter parameters');
  const today = todayIso();
  if (parsed.data.asOf && parsed.data.asOf > today) throw new ValidationError({ asOf: ['date_in_future'] });
  const { asOf, past, items, total } = await readList(parsed.data, today);
  return json({ asOf, past, items: apiCommitmentItems(items), total, page: parsed.data.page, pageSize: parsed.data.pageSize });
});
