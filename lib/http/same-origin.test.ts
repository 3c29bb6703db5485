import { afterEach, describe, expect, it } from 'vitest';
import { ForbiddenError } from '@/lib/errors';
import { apiWrite, readJson } from './api';
import { assertSameOrigin } from './same-origin';

afterEach(() => {
  delete process.env.NEXTAUTH_URL;
  delete process.env.TRUSTED_PROXY_HOPS;
});

const post = (headers: Record<string, string>, body = '{"quarter":"2024-Q1"}') =>
  new Request('http://monitor.example.org/api/v1/reports', { method: 'POST', headers: { host: 'monitor.example.org', ...headers }, body });

describe('readJson', () => {
  it('refuses a body whose media type is not exactly application/json with 415', async () => {
    for (const type of ['text/plain;charset=application/json', 'text/plain', 'application/jsonx', 'application/x-www-form-urlencoded', '']) {
      await expect(readJson(post({ 'content-type': type }))).rejects.toMatchObject({ code: 'unsupported_media_type' });
    }
  });

  it('accepts application/json with parameters, in any case', async () => {
    await expect(readJson(post({ 'content-type': 'Application/JSON; charset=utf-8' }))).resolves.toEqual({ quarter: '2024-Q1' });
  });
});

describe('assertSameOrigin', () => {
  const refused = (headers: Record<string, string>) => () => assertSameOrigin(post(headers).headers);

  it('refuses another site’s Origin, a null Origin, and Sec-Fetch-Site cross-site or same-site', () => {
    expect(refused({ origin: 'https://evil.example' })).toThrow(ForbiddenError);
    expect(refused({ origin: 'null' })).toThrow(ForbiddenError);
    expect(refused({ 'sec-fetch-site': 'cross-site' })).toThrow(ForbiddenError);
    expect(refused({ 'sec-fetch-site': 'same-site', origin: 'https://monitor.example.org' })).toThrow(ForbiddenError);
  });

  it('does not let a client-sent X-Forwarded-Host vouch for its Origin unless a proxy is trusted', () => {
    expect(refused({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' })).toThrow(ForbiddenError);
    process.env.TRUSTED_PROXY_HOPS = '1';
    expect(refused({ origin: 'https://public.example', 'x-forwarded-host': 'public.example' })).not.toThrow();
  });

  it('accepts the app’s own origin and clients that send neither header', () => {
    expect(refused({ origin: 'https://monitor.example.org', 'sec-fetch-site': 'same-origin' })).not.toThrow();
    expect(refused({ origin: 'https://monitor.example.org:443' })).not.toThrow();
    expect(refused({})).not.toThrow();
  });

  it('compares with NEXTAUTH_URL’s origin when it is set', () => {
    process.env.NEXTAUTH_URL = 'https://monitor.example.org/';
    expect(refused({ origin: 'http://monitor.example.org' })).toThrow(ForbiddenError);
    expect(refused({ origin: 'https://monitor.example.org' })).not.toThrow();
  });
});

describe('apiWrite', () => {
  const handler = apiWrite(() => Response.json({ written: true }, { status: 201 }));

  it('answers a cross-site write with 403 and a JSON message, before the handler runs', async () => {
    const response = await handler(post({ origin: 'https://evil.example', 'content-type': 'application/json' }), undefined);
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/cross-site/i) });
  });

  it('answers a body sent as text/plain with 415 and a JSON message', async () => {
    const response = await handler(post({ 'content-type': 'text/plain;charset=application/json' }), undefined);
    expect(response.status).toBe(415);
    expect((await response.json()).error).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('lets a same-origin JSON write through', async () => {
    const response = await handler(post({ origin: 'https://monitor.example.org', 'content-type': 'application/json' }), undefined);
    expect(response.status).toBe(201);
  });
});
