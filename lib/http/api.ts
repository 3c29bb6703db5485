import 'server-only';
import { NextResponse } from 'next/server';
import {
  AppError,
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from '@/lib/errors';

const STATUS_OF: [new (...args: never[]) => AppError, number][] = [
  [BadRequestError, 400],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [ValidationError, 422],
];

/** The one mapping from typed errors to JSON responses; anything else is a logged 500. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const status = STATUS_OF.find(([type]) => error instanceof type)?.[1] ?? 400;
    const body: Record<string, unknown> = { code: error.code, message: error.message };
    if (error instanceof ValidationError) body.fieldErrors = error.fieldErrors;
    if (error instanceof ConflictError && error.current !== undefined) body.current = error.current;
    return NextResponse.json({ error: body }, { status, headers: { 'Cache-Control': 'no-store' } });
  }
  console.error('Unhandled API error', error);
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

/** Parses a JSON body; malformed JSON or another content type is a 400. */
export async function readJson(request: Request): Promise<unknown> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().includes('application/json')) {
    throw new BadRequestError('Send the body as application/json');
  }
  try {
    return await request.json();
  } catch {
    throw new BadRequestError('The body is not valid JSON');
  }
}

export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: { 'Cache-Control': 'no-store' } });
}
