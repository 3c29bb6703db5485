import { ValidationError } from '@/lib/errors';
import { requireActor } from '@/lib/auth/current-user';
import { authorize } from '@/lib/auth/guard';
import { getDb } from '@/db/client';
import { CommitmentFilterInput, filterParams } from '@/lib/commitments/filters';
import { searchCommitments } from '@/lib/commitments/queries';
import { apiRoute, json } from '@/lib/http/api';
import { fieldErrorsOf } from '@/lib/validation/common';

/** `GET /api/v1/commitments?area=BIO&status=delayed&due=2024-Q1&page=2` → `{ items, total, page, pageSize }`. */
export const GET = apiRoute(async (request: Request) => {
  const { actor, ctx } = await requireActor('api');
  authorize(getDb(), actor, 'commitment.read', undefined, ctx);
  const parsed = CommitmentFilterInput.safeParse(filterParams(new URL(request.url).searchParams));
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error), 'Invalid filter parameters');
  const { items, total } = searchCommitments(parsed.data);
  return json({ items, total, page: parsed.data.page, pageSize: parsed.data.pageSize });
});
