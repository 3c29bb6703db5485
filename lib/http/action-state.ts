import 'server-only';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError, storageFullError, type FieldErrors } from '@/lib/errors';
import { logError } from '@/lib/ops/log';

/** What a server action returns to its form (useActionState). Messages are i18n keys. */
export interface ActionState {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fieldErrors?: FieldErrors;
  /** The current server state after a version conflict, so the form can reapply on top of it. */
  current?: unknown;
  /** What the user typed, returned so the form keeps it after an error. */
  values?: Record<string, string>;
}

export const IDLE: ActionState = { status: 'idle' };

/** Maps a thrown error to form feedback, the form-side twin of lib/http/api.ts errorResponse. */
export function actionError(error: unknown, values?: Record<string, string>): ActionState {
  if (error instanceof ValidationError) return { status: 'error', message: 'forms.errorSummary', fieldErrors: error.fieldErrors, values };
  if (error instanceof ConflictError) return { status: 'error', message: error.messageKey, current: error.current, values };
  if (error instanceof ForbiddenError) return { status: 'error', message: 'forms.forbidden', values };
  if (error instanceof UnauthorizedError) return { status: 'error', message: 'forms.unauthorized', values };
  if (error instanceof NotFoundError) return { status: 'error', message: 'forms.notFound', values };
  if (storageFullError(error)) {
    logError('storage full: the write was rolled back', error);
    return { status: 'error', message: 'forms.storageFull', values };
  }
  logError('unhandled action error', error);
  return { status: 'error', message: 'forms.failed', values };
}

/** FormData as plain strings (files ignored), to echo back and to parse. */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION')) out[k] = v;
  return out;
}
