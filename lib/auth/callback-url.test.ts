import { describe, expect, it } from 'vitest';
import { landingPath, requestedCallbackPath, sameOriginRedirect, safeCallbackPath } from './callback-url';

const BASE = 'https://monitor.example.go.kr';

describe('the callback after sign-in', () => {
  it('keeps a same-origin path with its query and fragment', () => {
    expect(safeCallbackPath('/commitments/CET23-QNT-01', BASE)).toBe('/commitments/CET23-QNT-01');
    expect(safeCallbackPath('/commitments?status=delayed#list', BASE)).toBe('/commitments?status=delayed#list');
    expect(safeCallbackPath(`${BASE}/reports`, BASE)).toBe('/reports');
    expect(safeCallbackPath(['/reports', '/x'], BASE)).toBe('/reports');
  });

  it('sends every other origin, and anything it cannot read, to the start page', () => {
    for (const v of [
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/.//evil.example',
      '/%2e//evil.example',
      '/a/..//evil.example',
      'https://evil.example/',
      'http://monitor.example.go.kr/',
      'javascript:alert(1)',
      'data:text/html,hi',
      '',
      undefined,
      42,
    ]) {
      expect(safeCallbackPath(v, BASE), String(v)).toBe('/');
    }
  });

  it('needs no base to refuse another host', () => {
    expect(safeCallbackPath('/\t/evil.example')).toBe('/');
    expect(safeCallbackPath('/account/password')).toBe('/account/password');
  });

  it('gives next-auth an absolute URL on the app’s own origin', () => {
    expect(sameOriginRedirect({ url: '/\t/evil.example', baseUrl: BASE })).toBe(`${BASE}/`);
    expect(sameOriginRedirect({ url: 'https://evil.example/x', baseUrl: BASE })).toBe(`${BASE}/`);
    expect(sameOriginRedirect({ url: `${BASE}/reports?q=1`, baseUrl: BASE })).toBe(`${BASE}/reports?q=1`);
    expect(sameOriginRedirect({ url: '/reports', baseUrl: BASE })).toBe(`${BASE}/reports`);
  });

  it('leaves the landing page to the user’s role when no page, or the start page, was asked for', () => {
    for (const v of [undefined, '', '/', ['/', '/reports']]) expect(requestedCallbackPath(v, BASE), String(v)).toBeNull();
    expect(requestedCallbackPath('/commitments/CET23-QNT-01', BASE)).toBe('/commitments/CET23-QNT-01');
    expect(requestedCallbackPath('/?asOf=2024-06-30', BASE)).toBe('/?asOf=2024-06-30');
    // Asked for, but elsewhere: the start page, as before, not the landing page.
    expect(requestedCallbackPath('/\t/evil.example', BASE)).toBe('/');
    expect(landingPath(true)).toBe('/my');
    expect(landingPath(false)).toBe('/');
  });
});
