import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger.js';
import { currentRequestId, recordRequestUser } from './request-context';
import { requestContextStorage, withRequestLog } from './request-log.js';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server whose handler, like the app's, learns the user later, across promises and a timer. */
async function serve(lines: string[], inFlight: Set<http.ServerResponse>) {
  const storage = requestContextStorage();
  const logger = createLogger({ requestId: () => storage.getStore()?.requestId, destination: { write: (line: string) => void lines.push(line) } });
  server = http.createServer(
    withRequestLog(
      async (req: http.IncomingMessage, res: http.ServerResponse) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (req.headers.cookie === 'signed-in') await Promise.resolve().then(() => recordRequestUser(42));
        res.statusCode = req.url?.startsWith('/missing') ? 404 : 200;
        res.end(JSON.stringify({ seen: req.headers['x-request-id'], current: currentRequestId() }));
      },
      { logger, inFlight },
    ),
  );
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the request log', () => {
  it('gives each request a fresh id, the app the same one, and logs one line with the user once known', async () => {
    const lines: string[] = [];
    const inFlight = new Set<http.ServerResponse>();
    const base = await serve(lines, inFlight);
    const signedIn = await fetch(`${base}/commitments?q=secret-search`, { headers: { 'x-request-id': 'forged', cookie: 'signed-in' } });
    const signedOut = await fetch(`${base}/missing`);
    const ids = [signedIn.headers.get('x-request-id'), signedOut.headers.get('x-request-id')];
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(await signedIn.json()).toEqual({ seen: ids[0], current: ids[0] });
    await signedOut.text();
    // The line is written when the response finishes, which may come after the client has read it: wait for both lines, however long that takes.
    await vi.waitFor(() => expect(lines).toHaveLength(2), { timeout: 10_000, interval: 5 });

    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toEqual([
      expect.objectContaining({ msg: 'request', method: 'GET', route: '/commitments', status: 200, requestId: ids[0], userId: 42, durationMs: expect.any(Number) }),
      expect.objectContaining({ msg: 'request', method: 'GET', route: '/missing', status: 404, requestId: ids[1], userId: null }),
    ]);
    expect(lines.join('')).not.toContain('secret-search');
    expect(lines.join('')).not.toContain('forged');
    expect(inFlight.size).toBe(0);
  });
});
