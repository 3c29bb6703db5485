import { DrizzleQueryError } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, routeConsoleToLogger, serializeError } from './logger.js';

const NOTE = 'Working group met in Washington';
const JWT = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abcDEF123_-xyz.payloadpayloadpayload';

function memoryLogger(requestId: () => string | undefined = () => undefined) {
  const lines: string[] = [];
  const logger = createLogger({ requestId, destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const saved = { ...console };
afterEach(() => Object.assign(console, saved));

describe('the log', () => {
  it('writes one JSON line per event with the level, time, pid and the request being served', () => {
    const { logger, parsed } = memoryLogger(() => 'req-42');
    logger.info({ method: 'GET' }, 'request');
    expect(parsed()).toEqual([{ level: 'info', time: expect.any(String), pid: process.pid, requestId: 'req-42', method: 'GET', msg: 'request' }]);
  });

  it('keeps a failed query’s SQL but not its bound values, and follows the causes', () => {
    const cause = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const error = new DrizzleQueryError('insert into "status_updates" ("note") values (?)', [NOTE, 'argon2id$hash'], cause);
    const out = serializeError(error);
    expect(out).toMatchObject({ type: 'Error', message: 'Failed query: insert into "status_updates" ("note") values (?)', cause: { code: 'SQLITE_FULL', message: 'database or disk is full' } });
    expect(out.stack).toMatch(/^Error: Failed query: .*\n\s+at /);
    expect(JSON.stringify(out)).not.toContain(NOTE);
    expect(JSON.stringify(out)).not.toContain('argon2id');
  });

  it('never writes secret-looking fields or token-shaped text', () => {
    const { logger, lines } = memoryLogger();
    logger.info({ password: 'pw-1', headers: { cookie: 'c' }, note: NOTE, body: '{"password":"pw-2"}' }, `token ${JWT}`);
    const text = lines.join('');
    for (const secret of ['pw-1', 'pw-2', NOTE, JWT, '"c"']) expect(text).not.toContain(secret);
  });

  it('routes console output through the logger, scrubbed, so that standard output holds JSON only', () => {
    const { logger, parsed } = memoryLogger();
    routeConsoleToLogger(logger);
    console.error('[next-auth][error][CALLBACK]', { providerId: 'credentials', credentials: { password: 'pw-3' }, message: `next-auth.session-token=${JWT}` }, new Error('bad'));
    console.warn('plain warning', 3);
    console.log('ready');
    const [error, warning, info] = parsed();
    expect(error).toMatchObject({ level: 'error', msg: '[next-auth][error][CALLBACK]', err: { type: 'Error', message: 'bad' }, data: { providerId: 'credentials', credentials: '[redacted]', message: 'next-auth.session-token=[redacted]' } });
    expect(warning).toMatchObject({ level: 'warn', msg: 'plain warning 3' });
    expect(info).toMatchObject({ level: 'info', msg: 'ready' });
    expect(JSON.stringify(parsed())).not.toContain('pw-3');
  });
});
