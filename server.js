/**
 * `npm start`: the production build served by Next.js's documented custom-server API behind
 * node:http, for one reason: the app must know the address of the TCP peer. Next.js 16 gives route
 * handlers no request.ip and only adds X-Forwarded-For when the client sent none, so without this
 * a client could name its own address to the audit trail and the sign-in throttle. Each request
 * gets the socket's peer address in PEER_ADDRESS_HEADER, overwriting anything the client sent
 * under that name; lib/http/origin.ts reads it, and only when this process set the variable.
 *
 * node server.js [--hostname|-H H] [--port|-p P]   (port: --port, else PORT, else 3000)
 */
const http = require('node:http');
const { parseArgs } = require('node:util');

const PEER_ADDRESS_HEADER = 'x-peer-address';

/** Wraps a request handler so it always sees the socket's peer in PEER_ADDRESS_HEADER. */
function withPeerAddress(handle) {
  return (req, res) => {
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
    return handle(req, res);
  };
}

async function main() {
  const { values } = parseArgs({ options: { hostname: { type: 'string', short: 'H' }, port: { type: 'string', short: 'p' } } });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  process.env.NODE_ENV = 'production';
  process.env.PEER_ADDRESS_HEADER = PEER_ADDRESS_HEADER;
  const next = require('next');
  const app = next({ dev: false, hostname: values.hostname ?? 'localhost', port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer(
    withPeerAddress((req, res) =>
      handle(req, res).catch((error) => {
        console.error(error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      }),
    ),
  );
  server.listen(port, values.hostname, () => {
    console.log(`> Ready on http://${values.hostname ?? 'localhost'}:${port}`);
  });
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { PEER_ADDRESS_HEADER, withPeerAddress };
