import 'server-only';
import type { Db } from '@/db/client';
import { todoFor } from '@/lib/todo/queries';
import { displayName } from '@/lib/users/display-name';
import { composeDigest, digestLocaleOf } from './compose';
import { deliveredThisWeek, digestRecipients, recordDigestSend } from './queries';
import type { DigestTransport } from './transport';
import { digestWeek } from './week';

export interface DigestRunOptions {
  /** Today in the app's time zone: the to-do lists are as of this day, and its week is the digest's. */
  today: string;
  transport: DigestTransport;
  /** The From header, e.g. `Commitment Monitor <no-reply@example.org>`. */
  from: string;
  /** The app's public origin, for the links in the message. */
  appUrl: string;
  /** One line per official: what happened. */
  log?: (line: string) => void;
}

export interface DigestSummary {
  week: string;
  sent: number;
  written: number;
  failed: number;
  /** Officials with nothing to do: no message. */
  empty: number;
  /** Officials whose week was already sent or written. */
  already: number;
}

/** Longest error text kept in the log table. */
const MAX_ERROR = 1000;

/**
 * Sends each active official the week's digest of their agency's to-do list, one at a time, and
 * logs every attempt in `digest_sends`. An official whose week already has a sent or written row
 * is skipped, so a second run sends nothing; one whose attempt failed has none and is tried again
 * on the next run. Officials with nothing to do get no message.
 */
export async function sendDigests(db: Db, { today, transport, from, appUrl, log = console.log }: DigestRunOptions): Promise<DigestSummary> {
  const week = digestWeek(today);
  const summary: DigestSummary = { week, sent: 0, written: 0, failed: 0, empty: 0, already: 0 };
  const origin = appUrl.replace(/\/+$/, '');
  for (const r of digestRecipients(db)) {
    const who = `${r.email} (${r.agencyCode})`;
    const done = deliveredThisWeek(db, r.userId, week);
    if (done) {
      summary.already++;
      log(`skipped  ${who}: already ${done.status} this week (${done.at})`);
      continue;
    }
    const todo = todoFor(db, r.agencyId, today);
    if (todo.counts.total === 0) {
      summary.empty++;
      log(`skipped  ${who}: nothing to do`);
      continue;
    }
    const locale = digestLocaleOf(r.country);
    const message = composeDigest({ locale, recipient: { name: r.name, nameKo: r.nameKo }, todo, week, today, appUrl: origin });
    const attempt = { userId: r.userId, week, items: todo.counts.total };
    try {
      const delivery = await transport.deliver({ from, to: { name: displayName(r, locale), address: r.email }, ...message });
      recordDigestSend(db, { ...attempt, status: delivery.status, messageId: delivery.messageId, at: new Date().toISOString() });
      summary[delivery.status]++;
      log(`${delivery.status.padEnd(8)} ${who}: ${todo.counts.total} item(s), ${locale}, ${delivery.messageId}`);
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).slice(0, MAX_ERROR);
      recordDigestSend(db, { ...attempt, status: 'failed', error, at: new Date().toISOString() });
      summary.failed++;
      log(`FAILED   ${who}: ${todo.counts.total} item(s), ${locale}: ${error}`);
    }
  }
  return summary;
}

/** The run's last line. */
export function describeDigestSummary(s: DigestSummary, transport: DigestTransport): string {
  return (
    `Digest for the week of ${s.week} via ${transport.description}: ${s.sent} sent, ${s.written} written, ${s.failed} failed; ` +
    `${s.empty} official(s) with nothing to do, ${s.already} already done this week.`
  );
}
