import Database from 'better-sqlite3';
import { readDataVersion } from '@/db/data-version';

/**
 * The data version as the server sees it, without a query on a hit. A read-only connection of
 * its own watches SQLite's `PRAGMA data_version`, which changes whenever *another* connection
 * (the server's writer, a worker, a script in another process) commits; only then is the counter
 * (`data_version.n`, kept by triggers) read again. A commit that touched no versioned table (a
 * sign-in, a snapshot) costs that one read and leaves the version, and the cache, as they were.
 */
export class DataVersionProbe {
  private readonly sqlite: Database.Database;
  private readonly changes: Database.Statement;
  private seen: unknown = undefined;
  private version = 0;

  constructor(file: string) {
    this.sqlite = new Database(file, { readonly: true, fileMustExist: true });
    this.changes = this.sqlite.prepare('PRAGMA data_version').pluck();
  }

  current(): number {
    const seen = this.changes.get();
    if (seen !== this.seen) {
      this.seen = seen;
      this.version = readDataVersion(this.sqlite);
    }
    return this.version;
  }

  close(): void {
    this.sqlite.close();
  }
}
