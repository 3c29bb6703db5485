/**
 * `npm start`: the production build served by Next.js's documented custom-server API behind
 * node:http, for what `next start` cannot do:
 * - the app must know the address of the TCP peer. Next.js 16 gives route handlers no request.ip
 *   and only adds X-Forwarded-For when the client sent none, so without this a client could name
 *   its own address to the audit trail and the sign-in throttle. Each request gets the socket's
 *   peer address in PEER_ADDRESS_HEADER, overwriting anything the client sent under that name;
 *   lib/http/origin.ts reads it, and only when this process set the variable;
 * - operations (lib/ops/): JSON logs on standard output (one line per request and per error,
 *   console output included), an X-Request-Id on every response, the database's lock file
 *   (one server per database; `db:restore` waits for it), and a graceful stop on SIGTERM/SIGINT
 *   that finishes the requests in flight, stops the read model's worker threads, then checkpoints
 *   and closes the database;
 * - at most RENDER_CONCURRENCY (default 2) page renders at once, so a save or an API call never
 *   waits behind a crowd of dashboards (lib/ops/render-gate.js).
 *
 * node server.js [--hostname|-H H] [--port|-p P]   (port: --port, else PORT, else 3000)
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { LOGGER_KEY, createLogger, routeConsoleToLogger } = require('./lib/ops/logger');
const { requestContextStorage, withRequestLog } = require('./lib/ops/request-log');
const { createRenderGate } = require('./lib/ops/render-gate');
const { acquireLock, releaseLock } = require('./lib/ops/server-lock');
const { closeAppDatabase, closeReadModel, handleShutdownSignals } = require('./lib/ops/shutdown');

const PEER_ADDRESS_HEADER = 'x-peer-address';
/** As db/client.ts's databasePath(). */
const DEFAULT_DATABASE_URL = 'data/app.db';

/** Wraps a request handler so it always sees the socket's peer in PEER_ADDRESS_HEADER. */
function withPeerAddress(handle) {
  return (req, res) => {
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
    return handle(req, res);
  };
}

/** The process's logger, also on globalThis for the app's bundle (lib/ops/log.ts), console included. */
function setUpLogging() {
  const storage = requestContextStorage();
  const logger = createLogger({ requestId: () => storage.getStore()?.requestId });
  globalThis[LOGGER_KEY] = logger;
  routeConsoleToLogger(logger);
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception: stopping');
    logger.flush();
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unhandled promise rejection'));
  return logger;
}

/** Takes the database's lock file (its folder created if need be), or says who holds it and exits. */
function lockDatabase(logger, databaseFile) {
  fs.mkdirSync(path.dirname(path.resolve(databaseFile)), { recursive: true });
  try {
    acquireLock(databaseFile);
  } catch (error) {
    logger.fatal({ databaseFile }, `Not starting: ${error instanceof Error ? error.message : error}`);
    logger.flush();
    process.exit(1);
  }
  process.on('exit', () => releaseLock(databaseFile));
}

async function main() {
  const { values } = parseArgs({ options: { hostname: { type: 'string', short: 'H' }, port: { type: 'string', short: 'p' } } });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  process.env.NODE_ENV = 'production';
  process.env.PEER_ADDRESS_HEADER = PEER_ADDRESS_HEADER;
  const logger = setUpLogging();
  const databaseFile = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  lockDatabase(logger, databaseFile);

  let server = null;
  let app = null;
  const inFlight = new Set();
  const shutdown = handleShutdownSignals({
    getServer: () => server,
    inFlight,
    logger,
    close: async () => {
      // Next.js's own clean-up: it waits for work scheduled with after().
      if (app) await Promise.race([app.close(), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      await closeReadModel(logger);
      closeAppDatabase(logger);
      releaseLock(databaseFile);
    },
  });

  const next = require('next');
  app = next({ dev: false, hostname: values.hostname ?? 'localhost', port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // At most RENDER_CONCURRENCY pages render at once (lib/ops/render-gate.js); 0 lifts the limit.
  const renderGate = createRenderGate({ limit: Number(process.env.RENDER_CONCURRENCY ?? 2) });
  server = http.createServer(
    withRequestLog(
      withPeerAddress(
        renderGate.wrap((req, res) => {
          if (shutdown.isStopping()) res.setHeader('Connection', 'close');
          return handle(req, res).catch((error) => {
            logger.error({ err: error }, 'unhandled request error');
            if (!res.headersSent) res.statusCode = 500;
            res.end();
          });
        }),
      ),
      { logger, inFlight },
    ),
  );
  server.listen(port, values.hostname, () => {
    logger.info({ databaseFile, port }, `Ready on http://${values.hostname ?? 'localhost'}:${port}`);
  });
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { PEER_ADDRESS_HEADER, withPeerAddress };
