import {
  CITIZEN_NOTICE_CATALOGUE,
  LANGUAGES,
  missingTranslations,
  NOTICE_KINDS,
} from '@app/common';
import { escapeHtml, renderNotice } from './notice-message';

describe('citizen notice texts', () => {
  it('has every key in kk, ru and en', () => {
    expect(missingTranslations(CITIZEN_NOTICE_CATALOGUE)).toEqual([]);
  });

  it('has a subject and a body for every notice kind, each naming the reference', () => {
    for (const kind of NOTICE_KINDS) {
      for (const part of ['subject', 'body'] as const) {
        const entry = CITIZEN_NOTICE_CATALOGUE[`notice.${kind}.${part}`];
        for (const lang of LANGUAGES) expect(entry[lang]).toContain('{reference}');
      }
    }
  });

  it('renders the reference in the asked language, in text, HTML and SMS', () => {
    const ru = renderNotice('in_review', 'ru', 'FR-2026-000123');
    expect(ru.subject).toBe('Ваше заявление FR-2026-000123 рассматривается');
    expect(ru.text).toContain('приобщено к делу');
    expect(ru.html).toContain('<html lang="ru">');
    expect(ru.sms).toContain('FR-2026-000123');
    const kk = renderNotice('solved', 'kk', 'FR-2026-000124');
    expect(kk.text).toContain('FR-2026-000124 арызыңыз бойынша іс ашылды');
    expect(renderNotice('reimbursed', 'en', 'FR-1').sms).toMatch(/^A reimbursement/);
  });

  it('leaves no parameter unfilled', () => {
    for (const kind of NOTICE_KINDS) {
      for (const lang of LANGUAGES) {
        const r = renderNotice(kind, lang, 'FR-2026-000001');
        expect(`${r.subject}${r.text}${r.html}${r.sms}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('escapes everything in the HTML', () => {
    const r = renderNotice('closed', 'en', '<b>"x" & \'y\'</b>');
    expect(r.html).not.toContain('<b>');
    expect(r.html).toContain('&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;');
    expect(escapeHtml('a<&>"\'')).toBe('a&lt;&amp;&gt;&quot;&#39;');
  });
});
