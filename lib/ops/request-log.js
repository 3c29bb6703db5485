/**
 * Each request's log context and line. server.js runs every request inside an AsyncLocalStorage
 * context { requestId, userId }, kept on globalThis under REQUEST_CONTEXT_KEY so the app's bundle
 * (lib/ops/request-context.ts) can fill in the user once it has resolved the session; the context
 * follows the request through Next.js's promises into pages, route handlers and server actions.
 * Plain CommonJS for server.js.
 */
const { AsyncLocalStorage } = require('node:async_hooks');
const { randomUUID } = require('node:crypto');

const REQUEST_CONTEXT_KEY = Symbol.for('commitment-monitor.request-context');
const REQUEST_ID_HEADER = 'x-request-id';
const MAX_ROUTE = 300;

/** The process's one request-context storage. */
function requestContextStorage() {
  globalThis[REQUEST_CONTEXT_KEY] ??= new AsyncLocalStorage();
  return globalThis[REQUEST_CONTEXT_KEY];
}

/** The path of a request target, without its query string (which may carry anything). */
function routeOf(url) {
  const path = String(url ?? '').split(/[?#]/, 1)[0];
  return path.length > MAX_ROUTE ? `${path.slice(0, MAX_ROUTE)}…` : path;
}

/**
 * Wraps a request handler: a fresh random request id, sent back as X-Request-Id and given to the
 * app in place of any the client sent (a client-chosen id could forge or mix up log lines); the
 * handler runs in the request's context; one log line when the response ends (or the client
 * goes away); `inFlight` holds the responses not yet ended, for the graceful shutdown.
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} handle
 * @param {{ logger: import('pino').Logger, inFlight: Set<import('node:http').ServerResponse> }} options
 */
function withRequestLog(handle, { logger, inFlight }) {
  const storage = requestContextStorage();
  return (req, res) => {
    const started = process.hrtime.bigint();
    const context = { requestId: randomUUID(), userId: null };
    req.headers[REQUEST_ID_HEADER] = context.requestId;
    res.setHeader('X-Request-Id', context.requestId);
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      const line = {
        method: req.method,
        route: routeOf(req.url),
        // null: the connection closed before any response was sent.
        status: res.headersSent ? res.statusCode : null,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        requestId: context.requestId,
        userId: context.userId,
      };
      // Closed before the response was complete: the client left, or the shutdown cut it.
      if (!res.writableFinished) line.aborted = true;
      logger.info(line, 'request');
    });
    return storage.run(context, () => handle(req, res));
  };
}

module.exports = { REQUEST_CONTEXT_KEY, REQUEST_ID_HEADER, requestContextStorage, routeOf, withRequestLog };
