import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingDigest {
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
}

/** A delivered digest: handed to the SMTP server (its Message-ID), or written as an .eml file (its path). */
export interface Delivery {
  status: 'sent' | 'written';
  messageId: string;
}

/** Where digests go: an SMTP server, or a folder of .eml files when none is configured. */
export interface DigestTransport {
  /** For the log: the server (without credentials) or the folder. */
  description: string;
  deliver(message: OutgoingDigest): Promise<Delivery>;
  close(): void;
}

/** Seconds to wait for the server before an attempt counts as failed (it is retried on the next run). */
const SMTP_TIMEOUT_MS = 30_000;

/** Sends through the SMTP server at `url` (`smtp://user:pass@host:587`, `smtps://…:465`). */
export function smtpTransport(url: string): DigestTransport {
  const transporter = nodemailer.createTransport({ url, connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS });
  return {
    description: `SMTP ${withoutCredentials(url)}`,
    async deliver(message) {
      const info = await transporter.sendMail(message);
      // The server accepted the message for some recipients only: for a single recipient, refused.
      if (info.rejected.length > 0) throw new Error(`Recipient refused: ${info.response}`);
      return { status: 'sent', messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/** Writes each message as RFC 822 text (an .eml file any mail client opens) into `dir`, named by week and address. */
export function fileTransport(dir: string, week: string): DigestTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `files in ${dir}`,
    async deliver(message) {
      const info = await transporter.sendMail(message);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // The address is the recipient's own; only characters safe in a file name are kept.
      const file = path.join(dir, `${week}_${message.to.address.replace(/[^A-Za-z0-9@._+-]/g, '_')}.eml`);
      await writeFile(file, info.message, { mode: 0o600 });
      return { status: 'written', messageId: file };
    },
    close: () => transporter.close(),
  };
}

/** `smtp://user:secret@host:587` → `smtp://host:587`: the log never shows a password. */
export function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(unreadable SMTP_URL)';
  }
}
