import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { commitmentCodeParam } from '@/lib/commitments/code-param';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { NotFoundError } from '@/lib/errors';
import { apiWrite, json, readJson } from '@/lib/http/api';

type Ctx = { params: Promise<{ code: string }> };

/** Records a status update: 201 with the new state, or a JSON error (400/401/403/404/409/422). */
export const POST = apiWrite(async (request: Request, { params }: Ctx) => {
  const { actor, ctx } = await requireActor('api');
  const code = commitmentCodeParam((await params).code);
  if (code === null) throw new NotFoundError('No commitment has this code');
  const body = await readJson(request);
  return json(updateCommitmentStatus(getDb(), actor, code, body, ctx), 201);
});
