/**
 * server.js's graceful stop on SIGTERM and SIGINT: refuse new connections, let the requests in
 * flight finish (up to `graceMs`, then cut them), close idle keep-alive connections, let the caller
 * close the app and its database, log, exit 0. A second signal cuts the requests at once.
 * Plain CommonJS for server.js.
 */

/** As READ_MODEL_KEY and READ_MODEL_CLOSED_KEY in lib/read-model/index.ts. */
const READ_MODEL_KEY = Symbol.for('commitment-monitor.read-model');
const READ_MODEL_CLOSED_KEY = Symbol.for('commitment-monitor.read-model-closed');

/**
 * Stops the read model's worker threads (lib/read-model/): each closes its connections as it
 * ends; a read still queued gets a 503. Before the app's own connection is checkpointed, so no
 * reader holds the WAL open then.
 * @param {import('pino').Logger} logger
 */
async function closeReadModel(logger) {
  // A request still running after this (cut by the shutdown) gets a 503, not a new read model.
  globalThis[READ_MODEL_CLOSED_KEY] = true;
  const model = globalThis[READ_MODEL_KEY];
  if (!model) return;
  delete globalThis[READ_MODEL_KEY];
  const workers = model.pool ? model.pool.stats().size : 0;
  await model.close();
  logger.info({ workers }, 'read model: workers stopped');
}

/**
 * Checkpoints the app's connection (db/client.ts keeps it on globalThis.__appDb) so the whole
 * database is in the main file and the -wal file is emptied, then closes it.
 * @param {import('pino').Logger} logger
 */
function closeAppDatabase(logger) {
  const db = globalThis.__appDb;
  if (!db) {
    logger.info('database: never opened, nothing to close');
    return;
  }
  const sqlite = db.$client;
  delete globalThis.__appDb;
  try {
    // busy: 1 when another connection (a report export cut short) kept the checkpoint from finishing.
    const [checkpoint] = sqlite.pragma('wal_checkpoint(TRUNCATE)');
    logger.info({ checkpoint }, 'database: checkpointed');
  } catch (error) {
    logger.error({ err: error }, 'database: the checkpoint failed; the -wal file keeps what it holds');
  }
  sqlite.close();
  logger.info('database: closed');
}

/**
 * Installs the signal handlers. `server` may still be null (a signal during start-up): the
 * process then only runs `close` and exits.
 * @param {{
 *   getServer: () => import('node:http').Server | null,
 *   inFlight: Set<import('node:http').ServerResponse>,
 *   logger: import('pino').Logger,
 *   graceMs?: number,
 *   close: () => Promise<void> | void,
 * }} options
 */
function handleShutdownSignals({ getServer, inFlight, logger, graceMs = 10_000, close }) {
  let stopping = false;
  let cutNow = () => {};

  async function stop(signal) {
    const started = performance.now();
    const server = getServer();
    logger.info({ signal, inFlight: inFlight.size, graceMs }, 'shutdown: refusing new connections, finishing the requests in flight');
    let cut = 0;
    if (server) {
      const closed = new Promise((resolve) => server.close(() => resolve(true)));
      // Each connection closes once its response is sent: the client learns it from the header.
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      let timer;
      const deadline = new Promise((resolve) => {
        cutNow = () => resolve(false);
        timer = setTimeout(cutNow, graceMs);
      });
      const drained = await Promise.race([closed, deadline]);
      clearTimeout(timer);
      clearInterval(sweep);
      if (!drained) {
        cut = inFlight.size;
        logger.warn({ cut }, 'shutdown: cutting the requests still in flight');
        server.closeAllConnections();
        // The cut sockets close on a later turn of the event loop; their requests log then.
        for (let waited = 0; inFlight.size > 0 && waited < 1_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    await close();
    logger.info({ signal, durationMs: Math.round(performance.now() - started), cut }, 'shutdown: stopped');
  }

  const onSignal = (signal) => {
    if (stopping) {
      logger.warn({ signal }, 'shutdown: second signal, cutting the requests in flight now');
      cutNow();
      return;
    }
    stopping = true;
    stop(signal).then(
      () => {
        logger.flush();
        process.exit(0);
      },
      (error) => {
        logger.fatal({ err: error }, 'shutdown: failed');
        logger.flush();
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return { isStopping: () => stopping };
}

module.exports = { closeReadModel, closeAppDatabase, handleShutdownSignals };
