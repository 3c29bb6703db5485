import 'server-only';
import { NextResponse } from 'next/server';
import {
  AppError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ReadUnavailableError,
  StorageFullError,
  UnauthorizedError,
  ValidationError,
  storageFullError,
} from '@/lib/errors';
import { logError } from '@/lib/ops/log';
import { assertSameOrigin } from './same-origin';

/** The body is not JSON; the client must resend it as `application/json`. */
export class UnsupportedMediaTypeError extends AppError {
  constructor(message = 'Send the body as application/json') {
    super('unsupported_media_type', message);
  }
}

const STATUS_OF: [new (...args: never[]) => AppError, number][] = [
  [BadRequestError, 400],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [UnsupportedMediaTypeError, 415],
  [ValidationError, 422],
  [StorageFullError, 503],
  [ReadUnavailableError, 503],
];

/**
 * The one mapping from typed errors to JSON responses. A full disk is a logged 503
 * (`storage_full`: the transaction was rolled back); anything else is a logged 500.
 */
export function errorResponse(thrown: unknown): NextResponse {
  const full = storageFullError(thrown);
  if (full) logError('storage full: the write was rolled back', thrown);
  const error = full ?? thrown;
  if (error instanceof AppError) {
    const status = STATUS_OF.find(([type]) => error instanceof type)?.[1] ?? 400;
    const body: Record<string, unknown> = { code: error.code, message: error.message };
    if (error instanceof ValidationError) body.fieldErrors = error.fieldErrors;
    if (error instanceof ConflictError && error.current !== undefined) body.current = error.current;
    // A 503 is worth retrying: say when.
    const headers: Record<string, string> = status === 503 ? { 'Cache-Control': 'no-store', 'Retry-After': '1' } : { 'Cache-Control': 'no-store' };
    return NextResponse.json({ error: body }, { status, headers });
  }
  logError('unhandled API error', error);
  return NextResponse.json(
    { error: { code: 'internal_error', message: 'The request could not be completed' } },
    { status: 500, headers: { 'Cache-Control': 'no-store' } },
  );
}

/** Wraps a route handler so every failure becomes a JSON error, never a stack trace. */
export function apiRoute<C>(handler: (request: Request, context: C) => Promise<Response> | Response) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The media type of a Content-Type value, lower case, without parameters (`charset=…`). */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function assertJsonBody(request: Request): void {
  if (mediaType(request.headers.get('content-type')) !== 'application/json') throw new UnsupportedMediaTypeError();
}

/**
 * Parses a JSON body. The media type must be exactly `application/json` (415 otherwise: a
 * substring test let `text/plain;charset=application/json`, which a cross-site form can send
 * without a CORS preflight, through); malformed JSON is a 400.
 */
export async function readJson(request: Request): Promise<unknown> {
  assertJsonBody(request);
  try {
    return await request.json();
  } catch {
    throw new BadRequestError('The body is not valid JSON');
  }
}

/**
 * Wraps a route handler that writes: a cross-site request is refused (403) and a body that is not
 * `application/json` too (415) before the handler runs, so no write can forget either check.
 */
export function apiWrite<C>(handler: (request: Request, context: C) => Promise<Response> | Response) {
  return apiRoute<C>((request, context) => {
    assertSameOrigin(request.headers);
    assertJsonBody(request);
    return handler(request, context);
  });
}

export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: { 'Cache-Control': 'no-store' } });
}
