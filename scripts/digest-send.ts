import { databasePath, migrateDatabase, openDatabase } from '@/db/client';
import { appUrlFromEnv, digestFromEnv, digestTransportFromEnv } from '@/lib/digest/config';
import { describeDigestSummary, sendDigests } from '@/lib/digest/send';
import { digestWeek } from '@/lib/digest/week';
import { todayIso } from '@/lib/periods/dates';

/**
 * `npm run digest:send`: e-mails each active official the week's digest of their agency's to-do
 * list (SMTP_URL), or writes the messages as .eml files when no server is set. Prints one line per
 * official and a summary; exits 1 when any delivery failed (those are tried again on the next run).
 */
async function main(): Promise<number> {
  const db = openDatabase();
  migrateDatabase(db);
  const today = todayIso();
  const transport = digestTransportFromEnv(process.env, digestWeek(today));
  console.log(`${databasePath()}: sending the digest for ${today} via ${transport.description}`);
  try {
    const summary = await sendDigests(db, { today, transport, from: digestFromEnv(process.env), appUrl: appUrlFromEnv(process.env) });
    console.log(describeDigestSummary(summary, transport));
    if (summary.failed > 0) console.error(`${summary.failed} delivery(ies) failed; they are tried again on the next run.`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    transport.close();
    db.$client.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
