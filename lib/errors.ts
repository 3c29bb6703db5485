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
