import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

type Runner = Pick<Db, 'run'>;

/** When a claim stops standing: the effective date of the first update after it in world order. */
const endOf = (claim: string) => sql.raw(`(select min(n.effective_date) from status_updates n where n.commitment_id = ${claim}.commitment_id
  and (n.effective_date > ${claim}.effective_date or (n.effective_date = ${claim}.effective_date and n.id > ${claim}.update_id)))`);

/**
 * Keeps `claim_spans` after a status update was appended to a commitment (in the writer's
 * transaction): the update ends every claim of the commitment before it in world order that was
 * still standing later, and, when it is a claim itself, starts a span that ends at the first
 * update after it (a back-dated claim may already be superseded).
 */
export function spanAfterUpdate(tx: Runner, commitmentId: number, updateId: number, effectiveDate: string): void {
  tx.run(sql`update claim_spans set ended_on = ${effectiveDate}
    where commitment_id = ${commitmentId} and update_id != ${updateId} and effective_date <= ${effectiveDate} and (ended_on is null or ended_on > ${effectiveDate})`);
  tx.run(sql`insert into claim_spans (update_id, commitment_id, effective_date, ended_on)
    select cl.update_id, cl.commitment_id, cl.effective_date, ${endOf('cl')} from claims cl where cl.update_id = ${updateId}`);
}

/** Every span recomputed from claims and the history (db:rebuild-derived; `into` a scratch table for db:verify). */
export function rebuildSpans(tx: Runner, into = 'main.claim_spans'): void {
  tx.run(sql.raw(`delete from ${into}`));
  tx.run(sql.raw(`insert into ${into} (update_id, commitment_id, effective_date, ended_on) select cl.update_id, cl.commitment_id, cl.effective_date, `).append(endOf('cl')).append(sql.raw(` from claims cl`)));
}
