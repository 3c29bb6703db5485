import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PEER_ADDRESS_HEADER } from '@/server.js';
import { clientAddress, isSecureRequest, requestHost } from './origin';

beforeEach(() => {
  // What server.js sets at start: the header it overwrites with the socket's peer address.
  process.env.PEER_ADDRESS_HEADER = PEER_ADDRESS_HEADER;
});

afterEach(() => {
  delete process.env.TRUSTED_PROXY_HOPS;
  delete process.env.NEXTAUTH_URL;
  delete process.env.PEER_ADDRESS_HEADER;
});

describe('clientAddress', () => {
  it('ignores X-Forwarded-For without a trusted proxy and takes the socket address server.js recorded', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6', [PEER_ADDRESS_HEADER]: '198.51.100.4' });
    expect(clientAddress(headers)).toBe('198.51.100.4');
  });

  it('gives every forged X-Forwarded-For from one socket the same address', () => {
    const seen = new Set(
      Array.from({ length: 25 }, (_, i) => clientAddress({ 'x-forwarded-for': `203.0.113.${i}`, [PEER_ADDRESS_HEADER]: '::ffff:192.0.2.7' })),
    );
    expect([...seen]).toEqual(['192.0.2.7']);
  });

  it('with one trusted proxy, takes the entry that proxy appended (the rightmost)', () => {
    process.env.TRUSTED_PROXY_HOPS = '1';
    expect(clientAddress({ 'x-forwarded-for': '6.6.6.6, 198.51.100.4', [PEER_ADDRESS_HEADER]: '10.0.0.2' })).toBe('198.51.100.4');
  });

  it('with N trusted proxies, takes the Nth entry from the right', () => {
    const headers = new Headers({ 'x-forwarded-for': '6.6.6.6, 198.51.100.4, 10.0.0.1, 10.0.0.2' });
    expect(clientAddress(headers, 3)).toBe('198.51.100.4');
    process.env.TRUSTED_PROXY_HOPS = '2';
    expect(clientAddress(headers)).toBe('10.0.0.1');
  });

  it('falls back to the socket address when there are fewer entries than trusted proxies', () => {
    expect(clientAddress({ 'x-forwarded-for': '6.6.6.6', [PEER_ADDRESS_HEADER]: '192.0.2.7' }, 2)).toBe('192.0.2.7');
  });

  it('trusts no address header when server.js did not start the process', () => {
    delete process.env.PEER_ADDRESS_HEADER;
    expect(clientAddress({ 'x-forwarded-for': '6.6.6.6', [PEER_ADDRESS_HEADER]: '6.6.6.7', 'x-real-ip': '6.6.6.8' })).toBe('unknown');
  });

  it('says unknown when nothing identifies the client', () => {
    expect(clientAddress(new Headers())).toBe('unknown');
  });
});

describe('requestHost', () => {
  it('ignores a client’s X-Forwarded-Host unless a proxy is trusted', () => {
    const headers = new Headers({ host: 'monitor.example.org', 'x-forwarded-host': 'evil.example' });
    expect(requestHost(headers)).toBe('monitor.example.org');
    process.env.TRUSTED_PROXY_HOPS = '1';
    expect(requestHost(new Headers({ host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example, monitor.example.org' }))).toBe('monitor.example.org');
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
