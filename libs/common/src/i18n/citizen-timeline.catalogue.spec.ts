import { LANGUAGES } from '../domain-constants';
import { missingTranslations } from './catalogue';
import {
  CITIZEN_TIMELINE_CATALOGUE,
  CITIZEN_TIMELINE_CODES,
  citizenTimelineMessage,
  formatTenge,
} from './citizen-timeline.catalogue';

/** What a machine code looks like: the page test asserts none of these reach a citizen. */
const CODE_LIKE = /\b[a-z]+[._][a-z_.]+\b/;

describe('citizen timeline catalogue', () => {
  it('has a sentence in kk, ru and en for every code (missingTranslations is empty)', () => {
    expect(missingTranslations(CITIZEN_TIMELINE_CATALOGUE)).toEqual([]);
    expect(Object.keys(CITIZEN_TIMELINE_CATALOGUE).sort()).toEqual(
      [...CITIZEN_TIMELINE_CODES].sort(),
    );
  });

  it.each(CITIZEN_TIMELINE_CODES)('%s reads as a sentence, never as a code', (code) => {
    const sentences = LANGUAGES.map((lang) => citizenTimelineMessage(code, lang, '1250.50'));
    for (const text of sentences) {
      expect(text).not.toMatch(CODE_LIKE);
      expect(text).not.toMatch(/[{}]/);
      expect(text).toMatch(/[.!]$/);
    }
    // Three languages, three different sentences: no English stands in for another language.
    expect(new Set(sentences).size).toBe(3);
  });

  it('formats tenge for each language without floating point', () => {
    expect(formatTenge('1234567.05', 'ru')).toBe('1\u00a0234\u00a0567,05\u00a0₸');
    expect(formatTenge('1234567.05', 'kk')).toBe('1\u00a0234\u00a0567,05\u00a0₸');
    expect(formatTenge('1234567.05', 'en')).toBe('KZT\u00a01,234,567.05');
    expect(formatTenge('999999999999999.99', 'en')).toBe('KZT\u00a0999,999,999,999,999.99');
    expect(formatTenge('0.00', 'ru')).toBe('0,00\u00a0₸');
    expect(() => formatTenge('12.5', 'ru')).toThrow(RangeError);
  });

  it('fills the amount into the money sentences', () => {
    expect(citizenTimelineMessage('funds.frozen', 'ru', '30000.00')).toBe(
      'По вашему заявлению заморожено 30\u00a0000,00\u00a0₸.',
    );
    expect(citizenTimelineMessage('funds.reimbursed', 'en', '12345.67')).toBe(
      'KZT\u00a012,345.67 was paid back to you.',
    );
  });
});
