'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';

export interface DownloadLink {
  format: string;
  label: string;
  href: string;
  fileName: string;
}

/**
 * Download buttons that stay busy (announced to screen readers) while the server prepares a
 * large file, then save it under its own name. Plain links remain for those without scripts.
 */
export function ReportDownloads({ links, printable = true }: { links: DownloadLink[]; printable?: boolean }) {
  const t = useTranslations('reports.download');
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  async function download(event: React.MouseEvent<HTMLAnchorElement>, link: DownloadLink) {
    event.preventDefault();
    if (busy) return;
    setBusy(link.format);
    setFailed(null);
    try {
      const res = await fetch(link.href);
      if (!res.ok) throw new Error(String(res.status));
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = link.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(link.format);
    } finally {
      setBusy(null);
    }
  }
  return (
    <div className="report-downloads no-print">
      <ul className="report-downloads__list">
        {links.map((link) => (
          <li key={link.format}>
            <a className="button button--secondary" href={link.href} download={link.fileName} aria-busy={busy === link.format} onClick={(e) => download(e, link)}>
              {link.label}
            </a>
          </li>
        ))}
        {printable && (
          <li>
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t('print')}
            </button>
          </li>
        )}
      </ul>
      <p role="status" aria-live="polite" className="muted">
        {busy ? t('busy') : failed ? `${failed.toUpperCase()}: ${t('failed')}` : ''}
      </p>
    </div>
  );
}
