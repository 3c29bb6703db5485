import { getDb } from '@/db/client';
import { requireActor } from '@/lib/auth/current-user';
import { decideClaim } from '@/lib/claims/decide';
import { commitmentCodeParam } from '@/lib/commitments/code-param';
import { NotFoundError } from '@/lib/errors';
import { apiWrite, json, readJson } from '@/lib/http/api';

type Ctx = { params: Promise<{ code: string }> };

/**
 * Confirms or disputes the commitment's open claim: `{ decision: "confirm" | "dispute", note,
 * updateId, version, effectiveDate? }` → 201 with the answer, or a JSON error (400/401/403/404/409/422).
 */
export const POST = apiWrite(async (request: Request, { params }: Ctx) => {
  const { actor, ctx } = await requireActor('api');
  const code = commitmentCodeParam((await params).code);
  if (code === null) throw new NotFoundError('No commitment has this code');
  const body = await readJson(request);
  return json(decideClaim(getDb(), actor, code, body, ctx), 201);
});
