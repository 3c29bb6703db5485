import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestSends } from '@/db/schema';
import { insertTestUser } from '@/lib/testing/test-db';
import { todoFixture } from '@/lib/todo/test-fixture';
import { digestTransportFromEnv } from './config';
import { sendDigests } from './send';
import { smtpTransport, type DigestTransport } from './transport';
import { digestWeek } from './week';

// On 2024-01-10 (week of Monday 2024-01-08) nothing is due or stale yet: only the claims below ask anything.
const TODAY = '2024-01-10';
const WEEK = '2024-01-08';
const APP_URL = 'https://monitor.example.go.kr';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free local port, without TLS or authentication, that can refuse recipients. */
async function startSmtpServer(refuse: (address: string) => boolean = () => false) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse(address.address)) {
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** The decoded text/plain part of a MIME message (quoted-printable or base64), and its headers. */
function plainText(raw: string): { headers: string; text: string } {
  const [headers = ''] = raw.split(/\r?\n\r?\n/, 1);
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw)![1]!;
  const part = raw.split(`--${boundary}`).find((p) => /Content-Type: text\/plain/i.test(p))!;
  const [partHeaders = '', ...body] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
  const content = body.join('\n\n');
  const bytes = /base64/i.test(partHeaders)
    ? Buffer.from(content.replace(/\s+/g, ''), 'base64')
    : Buffer.from(content.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
  return { headers, text: bytes.toString('utf8') };
}

let f: ReturnType<typeof todoFixture>;
const transports: DigestTransport[] = [];
const run = (transport: DigestTransport, log: string[] = []) => {
  transports.push(transport);
  return sendDigests(f.db, { today: TODAY, transport, from: 'Commitment Monitor <no-reply@monitor.example.go.kr>', appUrl: `${APP_URL}/`, log: (l) => log.push(l) });
};
const rows = () => f.db.select().from(digestSends).all();
const userIdOf = (who: { id: number }) => who.id;

beforeEach(() => {
  f = todoFixture('2024-01-10');
  // MSIT (KR) reports BIO-01 completed: NSF (US) is asked to confirm. NSF reports QNT-02 completed: MSIT is asked.
  f.record(f.msit, 'CET23-BIO-01', 'completed', 100, '2024-01-05');
  f.record(f.nsf, 'CET23-QNT-02', 'completed', 100, '2024-01-06');
  // Neither an inactive official nor an analyst gets a digest.
  insertTestUser(f.db, { email: 'former@example.org', role: 'official', agencyId: f.agencyId('NSF'), active: false, passwordHash: 'x' });
  insertTestUser(f.db, { email: 'analyst@example.org', role: 'analyst', agencyId: null, passwordHash: 'x' });
});

afterEach(() => {
  for (const t of transports.splice(0)) t.close();
});

describe('the weekly digest over SMTP', () => {
  it('sends each official their agency’s items in their language, logs them, and sends nothing again that week', async () => {
    const smtp = await startSmtpServer();
    try {
      const log: string[] = [];
      const summary = await run(smtpTransport(smtp.url), log);
      expect(summary).toEqual({ week: WEEK, sent: 2, written: 0, failed: 0, empty: 1, already: 0 });
      expect(smtp.received.map((m) => m.to)).toEqual([['msit@example.org'], ['nsf@example.org']]);

      const nsf = plainText(smtp.received.find((m) => m.to[0] === 'nsf@example.org')!.raw);
      expect(nsf.headers).toMatch(/^To: NSF official <nsf@example\.org>$/m);
      expect(nsf.text).toContain('Dear NSF official,');
      expect(nsf.text).toContain('Awaiting your agency’s confirmation (1 item)');
      expect(nsf.text).toContain('* CET23-BIO-01 ');
      expect(nsf.text).toContain('Claim dated 5 Jan 2024');
      expect(nsf.text).toContain(`Confirm or dispute: ${APP_URL}/commitments/CET23-BIO-01#confirm`);
      expect(nsf.text).not.toContain('CET23-QNT-02');

      const msit = plainText(smtp.received.find((m) => m.to[0] === 'msit@example.org')!.raw);
      expect(msit.text).toContain('MSIT official 님께');
      expect(msit.text).toContain('소속 기관 확인 요청(1건)');
      expect(msit.text).toContain('* CET23-QNT-02 ');
      expect(msit.text).toContain(`확인 또는 이견 입력: ${APP_URL}/commitments/CET23-QNT-02#confirm`);
      expect(msit.text).not.toContain('CET23-BIO-01');

      expect(rows().map((r) => ({ user: r.userId, week: r.week, status: r.status, items: r.items, error: r.error }))).toEqual([
        { user: userIdOf(f.msit), week: WEEK, status: 'sent', items: 1, error: null },
        { user: userIdOf(f.nsf), week: WEEK, status: 'sent', items: 1, error: null },
      ]);
      const nsfRow = rows().find((r) => r.userId === f.nsf.id)!;
      expect(nsf.headers).toContain(`Message-ID: ${nsfRow.messageId}`);
      expect(log.find((l) => l.includes('nih@example.org'))).toMatch(/^skipped .*nothing to do/);
      expect(log.filter((l) => l.startsWith('sent'))).toHaveLength(2);

      const again = await run(smtpTransport(smtp.url));
      expect(again).toEqual({ week: WEEK, sent: 0, written: 0, failed: 0, empty: 1, already: 2 });
      expect(smtp.received).toHaveLength(2);
      expect(rows()).toHaveLength(2);
    } finally {
      await smtp.close();
    }
  });

  it('records a refused recipient as failed and sends to it on the next run', async () => {
    let refuseNsf = true;
    const smtp = await startSmtpServer((address) => refuseNsf && address === 'nsf@example.org');
    try {
      const log: string[] = [];
      const first = await run(smtpTransport(smtp.url), log);
      expect(first).toMatchObject({ sent: 1, failed: 1 });
      expect(smtp.received.map((m) => m.to)).toEqual([['msit@example.org']]);
      const failed = rows().find((r) => r.userId === f.nsf.id)!;
      expect(failed).toMatchObject({ status: 'failed', week: WEEK, items: 1, messageId: null });
      expect(failed.error).toContain('Mailbox unavailable');
      expect(log.find((l) => l.includes('nsf@example.org'))).toMatch(/^FAILED .*Mailbox unavailable/);

      refuseNsf = false;
      const second = await run(smtpTransport(smtp.url));
      expect(second).toMatchObject({ sent: 1, failed: 0, already: 1 });
      expect(smtp.received.map((m) => m.to)).toEqual([['msit@example.org'], ['nsf@example.org']]);
      expect(rows().filter((r) => r.userId === f.nsf.id).map((r) => r.status)).toEqual(['failed', 'sent']);
    } finally {
      await smtp.close();
    }
  });

  it('records every official as failed when the server cannot be reached, and retries them all', async () => {
    const first = await run(smtpTransport(`smtp://127.0.0.1:${await closedPort()}`));
    expect(first).toMatchObject({ sent: 0, failed: 2 });
    expect(rows().map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(rows().every((r) => r.error && r.error.length > 0)).toBe(true);

    const smtp = await startSmtpServer();
    try {
      const second = await run(smtpTransport(smtp.url));
      expect(second).toMatchObject({ sent: 2, failed: 0, already: 0 });
      expect(smtp.received).toHaveLength(2);
    } finally {
      await smtp.close();
    }
  });
});

describe('the weekly digest without SMTP_URL', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'digest-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each message as an .eml file into DIGEST_OUT_DIR, logs it as written, and writes nothing again that week', async () => {
    const transport = digestTransportFromEnv({ DIGEST_OUT_DIR: dir }, WEEK);
    expect(transport.description).toBe(`files in ${dir}`);
    const summary = await run(transport);
    expect(summary).toEqual({ week: WEEK, sent: 0, written: 2, failed: 0, empty: 1, already: 0 });
    expect((await readdir(dir)).sort()).toEqual([`${WEEK}_msit@example.org.eml`, `${WEEK}_nsf@example.org.eml`]);
    const file = path.join(dir, `${WEEK}_nsf@example.org.eml`);
    const nsf = plainText(await readFile(file, 'utf8'));
    expect(nsf.headers).toMatch(/^From: Commitment Monitor <no-reply@monitor\.example\.go\.kr>$/m);
    expect(nsf.headers).toMatch(/^To: NSF official <nsf@example\.org>$/m);
    expect(nsf.text).toContain(`${APP_URL}/commitments/CET23-BIO-01#confirm`);
    expect(rows().find((r) => r.userId === f.nsf.id)).toMatchObject({ status: 'written', messageId: file });

    expect(await run(digestTransportFromEnv({ DIGEST_OUT_DIR: dir }, WEEK))).toMatchObject({ written: 0, already: 2 });
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('defaults to data/digests/<week>, and names an SMTP server without its password', () => {
    expect(digestTransportFromEnv({}, WEEK).description).toBe(`files in ${path.join('data', 'digests', WEEK)}`);
    expect(digestTransportFromEnv({ SMTP_URL: 'smtp://mailer:s3cret@mail.example.org:587' }, WEEK).description).toBe('SMTP smtp://mail.example.org:587');
  });
});

describe('digestWeek', () => {
  it('is the Monday of the week', () => {
    expect(digestWeek('2024-01-08')).toBe('2024-01-08');
    expect(digestWeek('2024-01-10')).toBe('2024-01-08');
    expect(digestWeek('2024-01-14')).toBe('2024-01-08');
    expect(digestWeek('2024-01-15')).toBe('2024-01-15');
  });
});
