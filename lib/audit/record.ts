import type { Db } from '@/db/client';
import type { Role } from '@/lib/auth/roles';
import { auditEvents } from '@/db/schema';

/** Who acted and from where; threaded from the request into every service call. */
export interface Actor {
  id: number;
  email: string;
  role: Role;
  agencyId: number | null;
  agencyCode: string | null;
  active: boolean;
  mustChangePassword: boolean;
}

export interface RequestContext {
  /** Client address (and channel) the request came from, for the audit trail. */
  origin: string;
}

type Tx = Pick<Db, 'insert'>;

export interface AuditInput {
  actor: Pick<Actor, 'id' | 'email'> | null;
  action: string;
  targetType: string;
  targetId?: string | number | null;
  before?: unknown;
  after?: unknown;
  origin?: string | null;
  /** Email typed at a failed sign-in, when there is no actor. */
  actorEmail?: string;
}

/** Appends one audit event; call inside the transaction of the change it records. */
export function recordAudit(tx: Tx, e: AuditInput): void {
  tx.insert(auditEvents)
    .values({
      actorId: e.actor?.id ?? null,
      actorEmail: e.actor?.email ?? e.actorEmail ?? null,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId == null ? null : String(e.targetId),
      before: e.before ?? null,
      after: e.after ?? null,
      origin: e.origin ?? null,
    })
    .run();
}
