import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

const signedOut = (path: string) => proxy(new NextRequest(`http://monitor.example.org${path}`, { headers: { host: 'monitor.example.org' } }));
const redirectedToLogin = (response: Response) => response.status >= 300 && response.status < 400 && new URL(response.headers.get('location')!).pathname === '/login';

describe('what a signed-out visitor may fetch', () => {
  it('serves the login page and its icon (with the hash query Next.js adds) without sending them to sign in', () => {
    for (const path of ['/login', '/icon.svg', '/icon.svg?3a1b2c']) expect(redirectedToLogin(signedOut(path)), path).toBe(false);
  });

  it('sends every other page to the login page', () => {
    for (const path of ['/', '/commitments', '/icon.svg/x', '/icon.svgx', '/admin/import/template.csv']) expect(redirectedToLogin(signedOut(path)), path).toBe(true);
  });
});
