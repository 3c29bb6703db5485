/**
 * At most `limit` page renders at a time; the others wait their turn, in order. Plain CommonJS
 * for server.js.
 *
 * Rendering a page is JavaScript on the server's one main thread (the dashboard at 100,000
 * commitments: about a megabyte of HTML and RSC payload), while the figures themselves are read
 * on worker threads (lib/read-model/). Eight pages rendering at once interleave their slices, and
 * every other request — an official's save, an API read — waits for a turn of the event loop
 * behind all of them. Letting two render at once (one can render while the other waits for its
 * figures) keeps each turn short: a save waits for at most two render slices. Pages come out at
 * the same rate: the core is busy either way.
 *
 * A page waiting for its figures from a worker gives its turn up meanwhile (`pause`, then
 * `resume`, which queues again: lib/read-model/ calls them through the request's context), so
 * slow reads never hold the gate shut for other pages.
 *
 * Gated: GET and HEAD of a page (not /api/, not /_next/, not a file with an extension, not a
 * link's prefetch).
 */
const { requestContextStorage } = require('./request-log');

/** @param {import('node:http').IncomingMessage} req */
function isPageRender(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  // A link's prefetch (a short partial render the browser asks for by itself) never queues
  // ahead of a page someone opened.
  if (req.headers?.['next-router-prefetch']) return false;
  const path = String(req.url ?? '/').split(/[?#]/, 1)[0];
  return !path.startsWith('/api/') && !path.startsWith('/_next/') && !/\.[A-Za-z0-9]+$/.test(path);
}

/**
 * @param {{ limit: number }} options
 */
function createRenderGate({ limit }) {
  let active = 0;
  /** @type {(() => void)[]} */
  const waiting = [];
  const counts = { gated: 0, queuedPeak: 0 };
  /** A turn: at once when one is free, else in order. */
  const acquire = () =>
    new Promise((enter) => {
      if (active < limit) {
        active++;
        enter(undefined);
      } else {
        waiting.push(() => enter(undefined));
        counts.queuedPeak = Math.max(counts.queuedPeak, waiting.length);
      }
    });
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    /**
     * Wraps a request handler: page renders pass the gate (and free it when their response
     * closes), everything else goes straight through.
     * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown} handle
     */
    wrap(handle) {
      if (!(limit > 0)) return handle;
      return (req, res) => {
        if (!isPageRender(req)) return handle(req, res);
        counts.gated++;
        let held = false;
        let closed = false;
        const free = () => {
          closed = true;
          if (held) {
            held = false;
            release();
          }
        };
        res.once('close', free);
        const context = requestContextStorage().getStore();
        if (context) {
          context.renderGate = {
            pause() {
              if (held) {
                held = false;
                release();
              }
            },
            async resume() {
              if (held || closed) return;
              await acquire();
              if (closed) release();
              else held = true;
            },
          };
        }
        return acquire().then(() => {
          held = true;
          // A client that left while waiting: nothing to render.
          if (closed || res.destroyed || req.destroyed) {
            free();
            return undefined;
          }
          return handle(req, res);
        });
      };
    },
    stats: () => ({ limit, active, waiting: waiting.length, ...counts }),
  };
}

module.exports = { createRenderGate, isPageRender };
