import { createTranslator } from 'use-intl/core';
import type { Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import { reportLabels } from '@/lib/reports/labels';
import { describeTodoItem, groupTodoItems } from '@/lib/todo/describe';
import { displayName } from '@/lib/users/display-name';
import { TODO_KINDS, type Todo, type TodoItem } from '@/lib/todo/kinds';

export interface DigestInput {
  locale: Locale;
  /** The official's names (users.name, users.name_ko): greeted by the one of the message's language. */
  recipient: { name: string; nameKo?: string | null };
  todo: Todo;
  /** The Monday of the digest's week. */
  week: string;
  today: string;
  /** The app's public origin, without a trailing slash: links in the message are absolute. */
  appUrl: string;
}

export interface DigestMessage {
  subject: string;
  text: string;
  html: string;
}

/** The language of an official's digest: users have no language of their own, so their agency's country decides. */
export function digestLocaleOf(country: string): Locale {
  return country === 'KR' ? 'ko' : 'en';
}

/** One item as the message lists it, every word in the recipient's language. */
interface Line {
  heading: string;
  facts: string[];
  action: string;
  url: string;
}

/** The weekly digest of one official's to-do list: subject, plain text and a simple HTML body saying the same. */
export function composeDigest({ locale, recipient, todo, week, today, appUrl }: DigestInput): DigestMessage {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  const l = reportLabels(locale);
  const app = t('app.name');
  const agency = l.agency(todo.agency);
  const line = (item: TodoItem): Line => {
    const f = describeTodoItem(item, today);
    const status = [l.status(item.status), f.claim && t(`todo.claim.${f.claim}`)].filter(Boolean).join(' · ');
    return {
      heading: `${item.code} ${locale === 'ko' ? item.titleKo : item.titleEn}`,
      facts: [
        `${t('digest.status')}: ${status} · ${t('digest.progress')}: ${item.progress}% · ${t('digest.due')}: ${l.duePeriod(item.dueSpec)}`,
        // Korean puts no space before a parenthesis: `2024. 1. 6.(123일째 확인 대기)`.
        `${t(`todo.dates.${f.date.key}`, { date: l.date(f.date.iso) })}${locale === 'ko' ? '' : ' '}(${t(`todo.${f.days.key}`, { days: f.days.days })})`,
      ],
      action: t(`todo.actions.${f.action}`),
      url: `${appUrl}${item.href}`,
    };
  };
  const groups = groupTodoItems(todo.items, TODO_KINDS).map((g) => ({
    heading: t('todo.groupHeading', { title: t(`todo.groups.${g.kind}.title`), count: g.items.length }),
    lines: g.items.map(line),
  }));
  const shownName = displayName({ name: recipient.name, nameKo: recipient.nameKo }, locale);
  const greetingName = shownName.includes('@') ? '' : shownName;
  const words = {
    subject: t('digest.subject', { app, week: l.date(week), count: todo.counts.total }),
    // Never an e-mail address followed by 님 (GLOSSARY.md): without a display name, no name.
    greeting: greetingName ? t('digest.greeting', { name: greetingName }) : t('digest.greetingNoName'),
    intro: t('digest.intro', { agency, app, date: l.date(today) }),
    fullList: t('digest.fullList'),
    footer: t('digest.footer', { app, agency }),
  };

  const text = [
    words.greeting,
    '',
    words.intro,
    ...groups.flatMap((g) => ['', g.heading, '-'.repeat(displayWidth(g.heading)), ...g.lines.flatMap((x) => ['', `* ${x.heading}`, ...x.facts.map((f) => `  ${f}`), `  ${x.action}: ${x.url}`])]),
    '',
    `${words.fullList}: ${appUrl}/my`,
    '',
    '-- ',
    words.footer,
    '',
  ].join('\n');

  const e = escapeHtml;
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${e(words.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1b1f24;">',
    `<p>${e(words.greeting)}</p>`,
    `<p>${e(words.intro)}</p>`,
    ...groups.flatMap((g) => [
      `<h2 style="font-size: 1.1em; margin-top: 1.5em;">${e(g.heading)}</h2>`,
      '<ul>',
      ...g.lines.map(
        (x) =>
          `<li style="margin-bottom: 0.75em;"><strong>${e(x.heading)}</strong><br>${x.facts.map(e).join('<br>')}<br><a href="${e(x.url)}">${e(x.action)}</a></li>`,
      ),
      '</ul>',
    ]),
    `<p><a href="${e(`${appUrl}/my`)}">${e(words.fullList)}</a></p>`,
    `<hr><p style="color: #59636e; font-size: 0.9em;">${e(words.footer)}</p>`,
    '</body></html>',
  ].join('\n');

  return { subject: words.subject, text, html };
}

/** Columns a heading takes in a fixed-width font: Hangul and other wide characters take two. */
function displayWidth(s: string): number {
  const wide = (cp: number) => (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60);
  return [...s].reduce((w, c) => w + (wide(c.codePointAt(0)!) ? 2 : 1), 0);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
