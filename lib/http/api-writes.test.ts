import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const API_ROOT = path.resolve(import.meta.dirname, '../../app/api/v1');
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every route module under app/api/v1 except the catch-all, which only answers 404. */
const routeFiles = (readdirSync(API_ROOT, { recursive: true }) as string[])
  .filter((file) => file.endsWith('route.ts') && !file.includes('[...'))
  .map((file) => path.join(API_ROOT, file));

type Handler = (request: Request, context: unknown) => Promise<Response>;

async function writeHandlers(): Promise<[string, Handler][]> {
  const found: [string, Handler][] = [];
  for (const file of routeFiles) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of WRITE_METHODS) {
      if (typeof mod[method] === 'function') found.push([`${method} ${path.relative(API_ROOT, file)}`, mod[method] as Handler]);
    }
  }
  return found;
}

const context = { params: Promise.resolve({ code: 'CET23-BIO-01', id: '1' }) };
const request = (headers: Record<string, string>) =>
  new Request('http://127.0.0.1:3100/api/v1/x', { method: 'POST', headers: { host: '127.0.0.1:3100', ...headers }, body: '{}' });

describe('every JSON API write', () => {
  it('is found (the two writes of today at least)', async () => {
    expect((await writeHandlers()).map(([name]) => name)).toEqual(
      expect.arrayContaining(['POST reports/route.ts', `POST ${path.join('commitments', '[code]', 'updates', 'route.ts')}`]),
    );
  });

  it('refuses a cross-site Origin or Sec-Fetch-Site with 403 JSON, and a non-JSON body with 415 JSON', async () => {
    for (const [name, handler] of await writeHandlers()) {
      const crossOrigin = await handler(request({ origin: 'https://evil.example', 'content-type': 'application/json' }), context);
      expect([name, crossOrigin.status]).toEqual([name, 403]);
      expect((await crossOrigin.json()).error.code).toBe('forbidden');
      const crossSite = await handler(request({ 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }), context);
      expect([name, crossSite.status]).toEqual([name, 403]);
      const textPlain = await handler(request({ 'content-type': 'text/plain;charset=application/json' }), context);
      expect([name, textPlain.status]).toEqual([name, 415]);
      expect((await textPlain.json()).error.code).toBe('unsupported_media_type');
    }
  });
});
