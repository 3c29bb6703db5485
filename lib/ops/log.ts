/**
 * Error lines from the app, written by server.js's logger (lib/ops/logger.js: JSON, with the
 * request's id, errors without their bound query values). Outside server.js (tests, `next dev`)
 * they go to the console.
 */

interface LineLogger {
  error(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
}

/** Must equal LOGGER_KEY in lib/ops/logger.js. */
const LOGGER_KEY = Symbol.for('commitment-monitor.logger');

function serverLogger(): LineLogger | undefined {
  return (globalThis as Record<symbol, unknown>)[LOGGER_KEY] as LineLogger | undefined;
}

/** One error line: what failed (`event`), the error (type, code, message, stack, causes) and any fields. */
export function logError(event: string, error: unknown, fields: Record<string, unknown> = {}): void {
  const logger = serverLogger();
  if (logger) logger.error({ ...fields, err: error }, event);
  else console.error(event, error);
}

/** One warning line (something failed and was recovered from), with its fields. */
export function logWarn(event: string, fields: Record<string, unknown> = {}): void {
  const logger = serverLogger();
  if (logger) logger.warn(fields, event);
  else console.warn(event, fields);
}

/** One information line (the read model's periodic figures, for example). */
export function logInfo(event: string, fields: Record<string, unknown> = {}): void {
  const logger = serverLogger();
  if (logger) logger.info(fields, event);
  else console.info(event, fields);
}
