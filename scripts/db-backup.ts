import { parseArgs } from 'node:util';
import { backupDatabase } from '@/lib/ops/backup';
import { describeCheck } from '@/lib/ops/describe';
import { formatBytes, formatSeconds, RefusedError } from '@/lib/ops/files';

const USAGE = 'Usage: npm run db:backup -- <file> [--force]   (backs up the database named by DATABASE_URL, default data/app.db)';

/** The arguments, or undefined for an option it does not know. */
function parsedArgs() {
  try {
    return parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' } } });
  } catch {
    return undefined;
  }
}

/**
 * `npm run db:backup -- <file> [--force]`: an online backup of the database, safe while the server
 * runs (lib/ops/backup.ts). Exits 0 with the backup's size, time and audit chain heads; 1 when
 * refused or failed (nothing is left under the file's name); 2 on wrong arguments.
 */
async function main() {
  const args = parsedArgs();
  if (args?.positionals.length !== 1) {
    console.error(USAGE);
    process.exit(2);
  }
  const { positionals, values } = args;
  const started = performance.now();
  const result = await backupDatabase(positionals[0]!, { force: values.force });
  const ms = performance.now() - started;
  console.log(`Backed up ${result.source} to ${result.file}: ${formatBytes(result.bytes)} in ${formatSeconds(ms)} (copy ${formatSeconds(result.copyMs)}), mode 0600.`);
  for (const line of describeCheck(result.check)) console.log(line);
}

main().catch((e: unknown) => {
  console.error(e instanceof RefusedError ? `Backup refused: ${e.message}` : `Backup failed: ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
