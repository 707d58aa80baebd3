import fc from 'fast-check';

import { findCardNumbersInText, maskCardNumbersInText } from './card-text';
import { ibanMod97, luhnValid } from './identifiers';

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max })
    .map((d) => d.join(''));

/** The digit that makes `body` + digit pass Luhn. */
function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return String(d);
  throw new Error('unreachable');
}

/** A Luhn-valid card number of 13–19 digits. */
const cardNumber = digits(12, 18).map((body) => body + luhnCheckDigit(body));
const invalidCardNumber = cardNumber.map((card) => {
  const last = Number(card[card.length - 1]);
  return card.slice(0, -1) + String((last + 1) % 10);
});

/** The card as a citizen might type it: whole, or in groups split by one space or dash. */
function rendered(card: string): fc.Arbitrary<string> {
  return fc
    .array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: card.length })
    .chain((sizes) =>
      fc
        .array(fc.constantFrom(' ', '-'), { minLength: sizes.length, maxLength: sizes.length })
        .map((seps) => {
          let out = '';
          let at = 0;
          for (let i = 0; i < sizes.length && at < card.length; i++) {
            out += (at > 0 ? seps[i] : '') + card.slice(at, at + sizes[i]);
            at += sizes[i];
          }
          if (at < card.length) out += seps[0] + card.slice(at);
          return out;
        }),
    );
}

const renderedCard = cardNumber.chain((card) => rendered(card).map((text) => ({ card, text })));

/** Text without digits: Latin, Cyrillic, Kazakh letters, punctuation, line breaks. */
const prose = fc.string({
  unit: fc.constantFrom(...'abcXYZ аәбқ,.:;!?()\n—€'.split('')),
  maxLength: 40,
});
/** What may stand between prose and a number. */
const gap = fc.constantFrom(' ', '\n', ': ', ' (', ' — ', '\t');

const last4 = (card: string): string => card.slice(-4);
const digitsIn = (text: string): string => text.replace(/[^0-9]/g, '');

describe('maskCardNumbersInText', () => {
  it('masks the example of the design', () => {
    expect(maskCardNumbersInText('I paid to 4400 4301 2345 6789 yesterday')).toBe(
      'I paid to **** **** **** 6789 yesterday',
    );
    expect(maskCardNumbersInText('карта 4400-4301-2345-6789.')).toBe('карта **** **** **** 6789.');
    expect(maskCardNumbersInText('4400430123456789')).toBe('**** **** **** 6789');
  });

  it('finds a card right after an amount in the same run of digits', () => {
    expect(maskCardNumbersInText('paid 5000 4400 4301 2345 6789 twice')).toBe(
      'paid 5000 **** **** **** 6789 twice',
    );
  });

  it('leaves dates, phones, amounts and Luhn-invalid numbers alone', () => {
    const text =
      'On 2024-05-01 at 14:30 I sent 150 000 tenge, call +7 (701) 123-45-67 or 87011234567; ' +
      'order 4400430123456780';
    expect(maskCardNumbersInText(text)).toBe(text);
  });

  it('leaves valid IBANs alone, compact or grouped', () => {
    // Halyk-style all-digit KZ IBAN whose 18 digits also pass Luhn.
    const bban = '6010002008432';
    const account = [...Array(1000).keys()]
      .map((n) => bban + String(n).padStart(3, '0'))
      .find((b) => {
        const check = String(98 - ibanMod97(`KZ00${b}`)).padStart(2, '0');
        return luhnValid(check + b);
      }) as string;
    const iban = `KZ${String(98 - ibanMod97(`KZ00${account}`)).padStart(2, '0')}${account}`;
    expect(luhnValid(iban.slice(2))).toBe(true);
    const grouped = iban.replace(/(.{4})(?=.)/g, '$1 ');
    for (const text of [`to ${iban} today`, `to ${grouped}, today`, `IBAN:${iban}`]) {
      expect(maskCardNumbersInText(text)).toBe(text);
    }
    // A card right after an IBAN is still found.
    expect(maskCardNumbersInText(`${iban} 4400 4301 2345 6789`)).toBe(
      `${iban} **** **** **** 6789`,
    );
  });

  it('masks every Luhn-valid card typed in prose, keeping only its last four digits', () => {
    fc.assert(
      fc.property(prose, gap, renderedCard, gap, prose, (before, g1, { card, text }, g2, after) => {
        const masked = maskCardNumbersInText(before + g1 + text + g2 + after);
        expect(masked).toBe(`${before}${g1}**** **** **** ${last4(card)}${g2}${after}`);
        expect(digitsIn(masked)).toBe(last4(card));
      }),
      { numRuns: 500 },
    );
  });

  it('masks several cards in one text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(prose, gap, renderedCard), { minLength: 1, maxLength: 5 }),
        (parts) => {
          const text = parts.map(([p, g, c]) => `${p}${g}${c.text} `).join('');
          const masked = maskCardNumbersInText(text);
          expect(digitsIn(masked)).toBe(parts.map(([, , c]) => last4(c.card)).join(''));
          for (const [, , c] of parts) expect(digitsIn(masked)).not.toContain(c.card);
        },
      ),
    );
  });

  it('reports the digits and position of each card it finds', () => {
    fc.assert(
      fc.property(prose, gap, renderedCard, (before, g, { card, text }) => {
        const full = `${before}${g}${text}.`;
        expect(findCardNumbersInText(full)).toEqual([
          {
            start: before.length + g.length,
            end: before.length + g.length + text.length,
            digits: card,
          },
        ]);
      }),
    );
  });

  it('leaves an isolated Luhn-invalid number alone', () => {
    fc.assert(
      fc.property(prose, gap, invalidCardNumber, gap, prose, (before, g1, number, g2, after) => {
        const text = before + g1 + number + g2 + after;
        expect(maskCardNumbersInText(text)).toBe(text);
      }),
    );
  });

  it('never changes text with fewer than 13 digits', () => {
    const unit = fc.constantFrom(...'0123456789 -abc.\n'.split(''));
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 60 }).filter((t) => digitsIn(t).length < 13),
        (text) => expect(maskCardNumbersInText(text)).toBe(text),
      ),
    );
  });

  it('leaves nothing card-like in any text, and masking again changes nothing', () => {
    // Mostly digits and separators: many runs, overlaps and near-misses.
    const unit = fc.constantFrom(...'01234567890123456789  --a\n'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 120 }), (text) => {
        const masked = maskCardNumbersInText(text);
        expect(findCardNumbersInText(masked)).toEqual([]);
        expect(maskCardNumbersInText(masked)).toBe(masked);
        expect(digitsIn(masked).length).toBeLessThanOrEqual(digitsIn(text).length);
      }),
      { numRuns: 1000 },
    );
  });
});
