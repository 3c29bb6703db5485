import 'server-only';
import { getDb, type Db } from '@/db/client';
import type { Actor, RequestContext } from '@/lib/audit/record';
import { requireActor } from '@/lib/auth/current-user';
import { commitmentCodeParam } from '@/lib/commitments/code-param';
import { NotFoundError } from '@/lib/errors';
import { apiWrite, json, readJson } from './api';

type Ctx = { params: Promise<{ code: string }> };

/** A write service on one commitment, as every `POST /api/v1/commitments/{code}/…` calls it. */
export type CommitmentService = (db: Db, actor: Actor, code: string, body: unknown, ctx: RequestContext) => unknown;

/**
 * The route handler of a write on one commitment: the session (401), a well-formed code (404), a
 * JSON body from this site (400/403/415), then the service, which authorizes and validates itself;
 * 201 with what it returns, or the JSON error its typed failure maps to.
 */
export function commitmentWrite(service: CommitmentService) {
  return apiWrite(async (request: Request, { params }: Ctx) => {
    const { actor, ctx } = await requireActor('api');
    const code = commitmentCodeParam((await params).code);
    if (code === null) throw new NotFoundError('No commitment has this code');
    const body = await readJson(request);
    return json(service(getDb(), actor, code, body, ctx), 201);
  });
}
