import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createRenderGate, isPageRender } from './render-gate';

type Req = { method: string; url: string; destroyed: boolean; headers: Record<string, string> };
const request = (url: string, method = 'GET', headers: Record<string, string> = {}): Req => ({ method, url, destroyed: false, headers });
const response = () => Object.assign(new EventEmitter(), { destroyed: false });

describe('the render gate', () => {
  it('gates page renders only: not the API, Next.js assets, files, writes or prefetches', () => {
    expect(isPageRender(request('/') as never)).toBe(true);
    expect(isPageRender(request('/commitments?asOf=2024-06-30') as never)).toBe(true);
    expect(isPageRender(request('/commitments/CET23-BIO-01', 'HEAD') as never)).toBe(true);
    expect(isPageRender(request('/api/v1/dashboard') as never)).toBe(false);
    expect(isPageRender(request('/_next/static/chunks/a.js') as never)).toBe(false);
    expect(isPageRender(request('/icon.svg') as never)).toBe(false);
    expect(isPageRender(request('/commitments/CET23-BIO-01', 'POST') as never)).toBe(false);
    expect(isPageRender(request('/commitments', 'GET', { rsc: '1', 'next-router-prefetch': '1' }) as never)).toBe(false);
    expect(isPageRender(request('/commitments', 'GET', { rsc: '1' }) as never)).toBe(true);
  });

  it('lets `limit` pages render at once, the next in order as each response closes; others pass at once', async () => {
    const started: string[] = [];
    const gate = createRenderGate({ limit: 2 });
    const handle = gate.wrap((req) => {
      started.push(req.url!);
    });
    const responses = ['/a', '/b', '/c', '/d'].map((url) => {
      const res = response();
      void handle(request(url) as never, res as never);
      return res;
    });
    void handle(request('/api/v1/me') as never, response() as never);
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['/api/v1/me', '/a', '/b']); // the API at once, without waiting a turn
    expect(gate.stats()).toMatchObject({ limit: 2, active: 2, waiting: 2 });
    responses[1]!.emit('close');
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['/api/v1/me', '/a', '/b', '/c']);
    responses[0]!.emit('close');
    responses[0]!.emit('close'); // a second close frees nothing more
    await new Promise((r) => setImmediate(r));
    expect(started.at(-1)).toBe('/d');
    expect(gate.stats()).toMatchObject({ active: 2, waiting: 0 });
  });

  it('skips a request whose client left while it waited, freeing its turn', async () => {
    const started: string[] = [];
    const gate = createRenderGate({ limit: 1 });
    const handle = gate.wrap((req) => {
      started.push(req.url!);
    });
    const first = response();
    void handle(request('/a') as never, first as never);
    const gone = request('/gone');
    void handle(gone as never, response() as never);
    void handle(request('/b') as never, response() as never);
    gone.destroyed = true;
    await new Promise((r) => setImmediate(r));
    first.emit('close');
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['/a', '/b']);
  });

  it('lets a page waiting for its figures give its turn to the next, then queue again', async () => {
    const { requestContextStorage } = await import('./request-log.js');
    const storage = requestContextStorage();
    const started: string[] = [];
    const turns: Record<string, { pause(): void; resume(): Promise<void> }> = {};
    const gate = createRenderGate({ limit: 1 });
    const handle = gate.wrap((req) => {
      started.push(req.url!);
      turns[req.url!] = (storage.getStore() as { renderGate: { pause(): void; resume(): Promise<void> } }).renderGate;
    });
    const resA = response();
    const run = (url: string, res = response()) => storage.run({ requestId: url, userId: null }, () => handle(request(url) as never, res as never));
    void run('/a', resA);
    void run('/b');
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['/a']);
    turns['/a']!.pause(); // waiting for a worker
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['/a', '/b']);
    let resumed = false;
    void turns['/a']!.resume().then(() => (resumed = true));
    await new Promise((r) => setImmediate(r));
    expect(resumed).toBe(false); // /b has the turn now
    expect(gate.stats()).toMatchObject({ active: 1, waiting: 1 });
    resA.emit('close'); // closed while queued: when its turn comes, it passes it on
    await new Promise((r) => setImmediate(r));
    expect(gate.stats()).toMatchObject({ active: 1, waiting: 1 });
  });

  it('has no limit at 0', () => {
    const handle = () => 'direct';
    expect(createRenderGate({ limit: 0 }).wrap(handle)).toBe(handle);
  });
});
