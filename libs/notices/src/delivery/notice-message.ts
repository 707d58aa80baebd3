import { CITIZEN_NOTICE_CATALOGUE, translate } from '@app/common';
import type { Language, NoticeKind } from '@app/common';

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

type NoticeKey = keyof typeof CITIZEN_NOTICE_CATALOGUE;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * The texts of one notice in the reporter's language: the reference and what happened, from
 * the catalogue, and nothing else (no name, no access code, nobody else's data). Every piece of
 * the HTML is escaped, the catalogue's sentences included.
 */
export function renderNotice(
  kind: NoticeKind,
  language: Language,
  reference: string,
): RenderedNotice {
  const t = (key: NoticeKey) => translate(CITIZEN_NOTICE_CATALOGUE, key, language, { reference });
  const subject = t(`notice.${kind}.subject`);
  const body = t(`notice.${kind}.body`);
  const lines = [t('notice.greeting'), body, t('notice.status_hint'), t('notice.never_ask')];
  const footer = t('notice.automatic');
  const text = [...lines, '', footer].join('\n\n').replace(/\n{3,}/g, '\n\n') + '\n';
  const html =
    `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(subject)}</title></head><body>` +
    lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('') +
    `<p><small>${escapeHtml(footer)}</small></p></body></html>`;
  return { subject, text, html, sms: body };
}
