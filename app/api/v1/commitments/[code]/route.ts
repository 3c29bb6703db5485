import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { authorize } from '@/lib/auth/guard';
import { getCommitmentByCode } from '@/lib/commitments/queries';
import { NotFoundError } from '@/lib/errors';
import { apiRoute, json } from '@/lib/http/api';

type Ctx = { params: Promise<{ code: string }> };

export const GET = apiRoute(async (_request: Request, { params }: Ctx) => {
  const { actor, ctx } = await requireActor('api');
  const { code } = await params;
  authorize(getDb(), actor, 'commitment.read', undefined, ctx, code);
  const detail = getCommitmentByCode(code);
  if (!detail) throw new NotFoundError(`No commitment has the code ${code}`);
  const { commitment, ...rest } = detail;
  return json({ ...commitment, ...rest });
});
