/** Errors a user may read. Each maps once to an HTTP status (lib/http/api.ts) and a form message. */

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Malformed request (unparseable JSON, wrong content type). */
export class BadRequestError extends AppError {
  constructor(message = 'Malformed request') {
    super('bad_request', message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Sign-in required') {
    super('unauthorized', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this') {
    super('forbidden', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found') {
    super('not_found', message);
  }
}

/** Well-formed input whose values break the rules; `fieldErrors` says which and why. */
export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = 'Some values are not valid',
  ) {
    super('validation_failed', message);
  }
}

/** The resource changed since the client read it (optimistic concurrency), or a uniqueness clash. */
export class ConflictError extends AppError {
  constructor(
    message: string,
    readonly current?: unknown,
    /** The i18n key a form shows, interpolated with `current`. */
    readonly messageKey: string = 'update.conflict',
  ) {
    super('conflict', message);
  }
}

/**
 * The disk holding the database is full (or the database reached its size limit): the write was
 * rolled back, nothing was saved, and the same request succeeds once space is freed.
 */
export class StorageFullError extends AppError {
  constructor(message = 'The server’s storage is full: nothing was saved. Try again once space has been freed') {
    super('storage_full', message);
  }
}

/**
 * A read could not be answered because the worker thread computing it failed (it crashed, ran out
 * of memory or past its time limit, or the server is stopping). Nothing was written; the worker was
 * replaced, and the same request can simply be tried again.
 */
export class ReadUnavailableError extends AppError {
  constructor(message = 'The figures could not be read just now. Please try again') {
    super('read_unavailable', message);
  }
}

/**
 * SQLite's "no space" result. A full disk gives SQLITE_FULL as well (SQLite reports a write that
 * fails with ENOSPC so, tested on a full tmpfs with the WAL), not an I/O error.
 */
const STORAGE_FULL_CODES: readonly unknown[] = ['SQLITE_FULL'];

/**
 * A StorageFullError when the driver's error (better-sqlite3's SqliteError, possibly wrapped as the
 * `cause` of a drizzle error) says the database or its disk is full; otherwise null.
 */
export function storageFullError(error: unknown): StorageFullError | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if (e instanceof StorageFullError) return e;
    if (STORAGE_FULL_CODES.includes((e as { code?: unknown }).code)) return new StorageFullError();
  }
  return null;
}
