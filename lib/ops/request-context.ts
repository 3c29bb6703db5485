/**
 * The app's side of server.js's per-request log context (lib/ops/request-log.js): the request's
 * id, and the signed-in user once the session is resolved, for the request's log line. Reached
 * through globalThis because the bundle and server.js share the process, not their modules.
 * Outside server.js (tests, `next dev`) there is no context and these do nothing.
 */

interface RequestLogContext {
  requestId: string;
  userId: number | null;
  /** A page render's turn at the render gate (lib/ops/render-gate.js); absent for other requests. */
  renderGate?: { pause(): void; resume(): Promise<void> };
}

/** Must equal REQUEST_CONTEXT_KEY in lib/ops/request-log.js (a registered symbol: same in every bundle). */
const REQUEST_CONTEXT_KEY = Symbol.for('commitment-monitor.request-context');

function currentContext(): RequestLogContext | undefined {
  const storage = (globalThis as Record<symbol, unknown>)[REQUEST_CONTEXT_KEY] as { getStore(): RequestLogContext | undefined } | undefined;
  return storage?.getStore();
}

/** The X-Request-Id of the request being served, or null outside server.js. */
export function currentRequestId(): string | null {
  return currentContext()?.requestId ?? null;
}

/** Records who the request's session belongs to (null: signed out) for its log line. */
export function recordRequestUser(userId: number | null): void {
  const context = currentContext();
  if (context) context.userId = userId;
}

/**
 * Runs `wait` with the request's render turn given up meanwhile (lib/ops/render-gate.js): a page
 * waiting for a worker lets another page render. Outside a gated page render it just waits.
 */
export async function whileWaiting<T>(wait: () => Promise<T>): Promise<T> {
  const gate = currentContext()?.renderGate;
  if (!gate) return wait();
  gate.pause();
  try {
    return await wait();
  } finally {
    await gate.resume();
  }
}
