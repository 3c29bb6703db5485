/**
 * The server's log: pino, one JSON line per event on standard output. server.js creates it and
 * keeps it on globalThis under LOGGER_KEY, so the app's bundle (lib/ops/log.ts) writes to the same
 * stream in the same process. Nothing secret may reach it: requests are logged by their method,
 * path, status and ids only (never headers, cookies or bodies), errors through `serializeError`
 * (no bound query parameters), and anything else through `scrub`. Plain CommonJS for server.js.
 */
const pino = require('pino');

const LOGGER_KEY = Symbol.for('commitment-monitor.logger');

/** Keys whose values are never logged, whatever their depth or spelling. */
const SECRET_KEY = /pass|token|secret|cookie|authori[sz]ation|session|csrf|note|body|headers?$|params|credential/i;
/** Values that look like a session cookie or a JWT, wherever they appear in a text. */
const SECRET_TEXT = [/eyJ[\w-]{8,}\.[\w-]*\.?[\w-]*/g, /((?:__Secure-)?next-auth\.[\w.-]+=)[^;\s]+/g];
const MAX_TEXT = 2_000;

/** A text without colour codes, with anything shaped like a token or session cookie replaced. */
function scrubText(text) {
  // Colour codes (Next.js colours its console output) are noise in a JSON line.
  let out = String(text).replace(/\u001b\[[0-9;]*m/g, '');
  for (const pattern of SECRET_TEXT) out = out.replace(pattern, (match, name) => (typeof name === 'string' ? `${name}[redacted]` : '[redacted]'));
  return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT)}…` : out;
}

/**
 * The parts of an error worth logging: type, code, message and stack frames, and its causes.
 * drizzle's DrizzleQueryError puts the query's bound values (a note, a password hash) in its
 * message; only its SQL text, which has placeholders, is kept.
 */
function serializeError(error, depth = 0) {
  // Not an Error: something thrown that is not one, or an error scrub() has already serialized.
  if (!(error instanceof Error)) return error !== null && typeof error === 'object' ? scrub(error) : { message: scrubText(String(error)) };
  const type = error.name || error.constructor?.name || 'Error';
  const message = typeof error.query === 'string' && 'params' in error ? `Failed query: ${error.query}` : error.message;
  const frames = String(error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line));
  const out = { type, message: scrubText(message), stack: scrubText([`${type}: ${message}`, ...frames].join('\n')) };
  if (typeof error.code === 'string' || typeof error.code === 'number') out.code = error.code;
  if (typeof error.digest === 'string') out.digest = error.digest;
  if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
  return out;
}

/** A copy of any value fit to log: secret-looking keys redacted, errors serialized, depth bounded. */
function scrub(value, depth = 0) {
  if (value instanceof Error) return serializeError(value);
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return ['function', 'symbol', 'bigint'].includes(typeof value) ? String(value) : value;
  if (depth >= 4) return '[object]';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => scrub(v, depth + 1));
  const out = {};
  for (const [key, v] of Object.entries(value).slice(0, 50)) out[key] = SECRET_KEY.test(key) ? '[redacted]' : scrub(v, depth + 1);
  return out;
}

/**
 * @param {{ requestId: () => string | undefined, destination?: import('pino').DestinationStream }} options
 *   requestId: the id of the request being served, added to every line logged while serving it.
 */
function createLogger({ requestId, destination = pino.destination({ dest: 1, sync: true }) }) {
  return pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // Every line's fields and message are scrubbed, whoever logs them.
        log: (fields) => scrub(fields),
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)));
        },
      },
      messageKey: 'msg',
      mixin: () => {
        const id = requestId();
        return id ? { requestId: id } : {};
      },
      serializers: { err: serializeError },
    },
    destination,
  );
}

/** One console call as a log entry: the text of its plain arguments, its first error, the rest scrubbed. */
function consoleEntry(args) {
  const errors = args.filter((a) => a instanceof Error);
  const plain = args.filter((a) => !(a instanceof Error) && (a === null || typeof a !== 'object'));
  const objects = args.filter((a) => !(a instanceof Error) && a !== null && typeof a === 'object');
  const entry = {};
  if (errors.length) entry.err = errors[0];
  if (errors.length > 1) entry.errors = errors.slice(1).map((e) => serializeError(e));
  if (objects.length) entry.data = scrub(objects.length === 1 ? objects[0] : objects);
  const text = plain.map(String).join(' ') || (errors.length ? serializeError(errors[0]).message : '');
  return { entry, msg: scrubText(text) };
}

/**
 * Sends console output (Next.js's own warnings and errors among it) through the logger, so that
 * standard output holds JSON lines only and every message is scrubbed.
 */
function routeConsoleToLogger(logger) {
  const levels = { debug: 'debug', log: 'info', info: 'info', warn: 'warn', error: 'error' };
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => {
      const { entry, msg } = consoleEntry(args);
      logger[level](entry, msg);
    };
  }
}

module.exports = { LOGGER_KEY, createLogger, routeConsoleToLogger, serializeError, scrub, scrubText };
