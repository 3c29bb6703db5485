import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, isSecureRequest } from './origin';

afterEach(() => {
  delete process.env.TRUSTED_PROXY_HOPS;
  delete process.env.NEXTAUTH_URL;
});

describe('clientAddress', () => {
  it('takes the address the server itself appended, so a client cannot choose its own', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '6.6.6.6, 198.51.100.4' }))).toBe('198.51.100.4');
  });

  it('skips trusted proxies when told how many there are', () => {
    process.env.TRUSTED_PROXY_HOPS = '1';
    expect(clientAddress({ 'x-forwarded-for': '6.6.6.6, 198.51.100.4, 10.0.0.2' })).toBe('198.51.100.4');
  });

  it('says unknown when nothing identifies the client', () => {
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});

describe('isSecureRequest', () => {
  it('follows the forwarded protocol, the URL, or NEXTAUTH_URL when set', () => {
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'http' }), 'https://x')).toBe(false);
    expect(isSecureRequest(new Headers(), 'https://example.org/api')).toBe(true);
    process.env.NEXTAUTH_URL = 'https://monitor.example.org';
    expect(isSecureRequest(new Headers({ 'x-forwarded-proto': 'http' }))).toBe(true);
  });
});
