import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '@/lib/auth/constants';
import { proxy } from '@/proxy';
import { contentSecurityPolicy } from './csp';

afterEach(() => {
  delete process.env.TRUSTED_PROXY_HOPS;
});

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

/** The headers the page is rendered with: NextResponse.next() carries them as x-middleware-request-*. */
const forwardedHeader = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

function visit(headers: Record<string, string> = {}) {
  return proxy(new NextRequest('http://monitor.example.org/commitments', { headers: { host: 'monitor.example.org', cookie: `${SESSION_COOKIE}=x`, ...headers } }));
}

describe('Content-Security-Policy', () => {
  it('allows scripts by nonce only: no unsafe-inline, and base-uri none', () => {
    const policy = directives(contentSecurityPolicy('abc123==', false));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it('gives each response a fresh nonce and renders the page with the same policy', () => {
    const [first, second] = [visit(), visit()];
    const policy = first.headers.get('content-security-policy')!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(forwardedHeader(first, 'content-security-policy')).toBe(policy);
    expect(second.headers.get('content-security-policy')).not.toBe(policy);
  });

  it('replaces a policy the client sent, so it cannot pick the nonce', () => {
    const response = visit({ 'content-security-policy': "script-src 'nonce-chosen'" });
    expect(forwardedHeader(response, 'content-security-policy')).not.toContain('chosen');
  });
});

describe('X-Forwarded-Host', () => {
  it('is reset to the Host header unless a proxy is trusted', () => {
    expect(forwardedHeader(visit({ 'x-forwarded-host': 'evil.example' }), 'x-forwarded-host')).toBe('monitor.example.org');
    process.env.TRUSTED_PROXY_HOPS = '1';
    expect(forwardedHeader(visit({ 'x-forwarded-host': 'public.example' }), 'x-forwarded-host')).toBe('public.example');
  });
});

describe('a path with a broken %-escape', () => {
  const get = (path: string, cookie = true) =>
    proxy(new NextRequest(`http://monitor.example.org${path}`, { headers: { host: 'monitor.example.org', ...(cookie ? { cookie: `${SESSION_COOKIE}=x` } : {}) } }));

  it('is a 400 with a JSON error in the API, before Next.js decodes it', async () => {
    for (const bad of ['%', '%%', '%ZZ', '%C0%AF', '%E0%A4%A']) {
      const response = get(`/api/v1/commitments/CET23-BIO-01/${bad}`);
      expect(response.status, bad).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
  });

  it('is a 400 page in both languages elsewhere, signed in or not', async () => {
    for (const cookie of [true, false]) {
      const response = get('/admin/users/%ZZ', cookie);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/잘못된 주소[\s\S]*Malformed address/);
    }
  });

  it('lets well-formed escapes through', () => {
    expect(get('/commitments/%25E0%25A4%25A').status).toBe(200);
    expect(get('/commitments/%ED%95%9C').status).toBe(200);
  });
});
