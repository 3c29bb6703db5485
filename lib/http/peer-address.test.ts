import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PEER_ADDRESS_HEADER, withPeerAddress } from '@/server.js';

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe('server.js', () => {
  it('records the socket’s peer address, overwriting whatever the client sent under that name', async () => {
    const seen: (string | string[] | undefined)[] = [];
    server = http.createServer(
      withPeerAddress((req: http.IncomingMessage, res: http.ServerResponse) => {
        seen.push(req.headers[PEER_ADDRESS_HEADER]);
        res.end();
      }),
    );
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { [PEER_ADDRESS_HEADER]: '203.0.113.9', 'x-forwarded-for': '203.0.113.10' },
    });
    expect(response.status).toBe(200);
    expect(seen).toEqual(['127.0.0.1']);
  });
});
