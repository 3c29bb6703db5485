import type { Db } from '@/db/client';
import { recordAudit, type Actor, type RequestContext } from '@/lib/audit/record';
import { ForbiddenError } from '@/lib/errors';
import { can, type Action, type CommitmentScope } from './policy';

/**
 * Throws ForbiddenError unless the policy grants `action`; every refusal is an audit event.
 * Services call this first, so each route (page, action, API) gets the same answer.
 */
export function authorize(
  db: Db,
  actor: Actor,
  action: Action,
  resource: CommitmentScope | undefined,
  ctx: RequestContext,
  target?: string,
): void {
  if (can(actor, action, resource)) return;
  recordAudit(db, {
    actor,
    action: 'access.denied',
    targetType: action,
    targetId: target ?? null,
    after: { role: actor.role, agency: actor.agencyCode },
    origin: ctx.origin,
  });
  throw new ForbiddenError();
}
