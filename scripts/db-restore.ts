import { parseArgs } from 'node:util';
import { describeCheck } from '@/lib/ops/describe';
import { formatBytes, RefusedError } from '@/lib/ops/files';
import { restoreDatabase } from '@/lib/ops/restore';

const USAGE = 'Usage: npm run db:restore -- <backup file>   (replaces the database named by DATABASE_URL, default data/app.db; stop the server first)';

/** The arguments, or undefined for an option it does not know. */
function parsedArgs() {
  try {
    return parseArgs({ allowPositionals: true, options: {} });
  } catch {
    return undefined;
  }
}

/**
 * `npm run db:restore -- <file>`: replaces the database with a checked backup while no server holds
 * it (lib/ops/restore.ts), keeping the old one aside. Exits 0 when restored; 1 when refused or
 * failed (the database is then unchanged); 2 on wrong arguments.
 */
function main() {
  const positionals = parsedArgs()?.positionals;
  if (positionals?.length !== 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const result = restoreDatabase(positionals[0]!);
  console.log(`Restored ${result.from} into ${result.database}: ${formatBytes(result.check.bytes)}, mode 0600.`);
  if (result.keptAs.length) {
    const [main, ...others] = result.keptAs;
    console.log(`The previous database is kept as ${main}${others.length ? ` (with ${others.map((f) => f.slice(main!.length)).join(' and ')} beside it)` : ''}; delete it once the restored one is confirmed.`);
  } else {
    console.log('There was no previous database.');
  }
  for (const line of describeCheck(result.check)) console.log(line);
}

try {
  main();
} catch (e) {
  console.error(e instanceof RefusedError ? `Restore refused: ${e.message}` : `Restore failed: ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
}
