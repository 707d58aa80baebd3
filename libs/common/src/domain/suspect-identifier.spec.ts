import fc from 'fast-check';

import { findCardNumbersInText } from './card-text';
import { luhnValid, SUSPECT_IDENTIFIER_TYPES } from './identifiers';
import type { SuspectIdentifierType } from './identifiers';
import { normalizeSuspectIdentifier } from './suspect-identifier';

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max })
    .map((d) => d.join(''));

function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return String(d);
  throw new Error('unreachable');
}

/** A Luhn-valid card number of 13–19 digits. */
const cardNumber = digits(12, 18).map((body) => body + luhnCheckDigit(body));

/** The card whole, or in groups of four joined by one space or one dash. */
const typed = (card: string): fc.Arbitrary<string> =>
  fc
    .constantFrom('', ' ', '-')
    .map((sep) => (sep === '' ? card : (card.match(/.{1,4}/g) ?? []).join(sep)));

/** Values of each type that embed a card the way citizens paste them. */
const carriers: Record<SuspectIdentifierType, (card: string, spaced: string) => string> = {
  phone: (_, spaced) => `card ${spaced}`,
  card: (_, spaced) => spaced,
  iban: (_, spaced) => `to ${spaced}`,
  url: (card) => `https://x.kz/pay/${card}`,
  messenger: (card) => `t.me/${card}`,
  email: (card) => `${card}@mail.kz`,
  crypto_wallet: (card) => `T${card}xyz`,
  social_profile: (card) => `instagram.com/${card}`,
};

/** No Luhn-valid 13–19 digit run is left in the text. */
const holdsNoCard = (text: string): boolean => findCardNumbersInText(text).length === 0;

describe('normalizeSuspectIdentifier: card numbers inside any type', () => {
  it.each<[SuspectIdentifierType, string]>([
    ['email', '4276380000001235@mail.kz'],
    ['messenger', 't.me/4276380000001235'],
    ['url', 'https://x.kz/pay/4276 3800 0000 1235'],
    ['url', 'x.kz/pay/4276-3800-0000-1235?ref=1'],
    ['social_profile', 'https://instagram.com/4276380000001235'],
    ['crypto_wallet', 'T4276380000001235q'],
    ['messenger', '@4276380000001235'],
  ])('keeps %s %p as the card (masked; the caller hashes the digits)', (type, value) => {
    expect(normalizeSuspectIdentifier(type, value)).toEqual({
      type: 'card',
      value: '4276380000001235',
      display: '**** **** **** 1235',
    });
  });

  it('gives the same card for the card on its own and inside every other type', () => {
    fc.assert(
      fc.property(
        cardNumber.chain((card) => typed(card).map((spaced) => ({ card, spaced }))),
        fc.constantFrom(...SUSPECT_IDENTIFIER_TYPES),
        ({ card, spaced }, type) => {
          const alone = normalizeSuspectIdentifier('card', spaced);
          const inside = normalizeSuspectIdentifier(type, carriers[type](card, spaced));
          expect(alone).toEqual({
            type: 'card',
            value: card,
            display: `**** **** **** ${card.slice(-4)}`,
          });
          expect(inside).toEqual(alone);
        },
      ),
    );
  });

  it('never returns a full card number outside a card identifier, for any input', () => {
    const unit = fc.constantFrom(...'0123456789 -@./:_abcKZ'.split(''));
    const withCard = fc
      .tuple(fc.string({ unit, maxLength: 20 }), cardNumber, fc.string({ unit, maxLength: 20 }))
      .map(([a, card, b]) => a + card + b);
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit, maxLength: 60 }), withCard),
        fc.constantFrom(...SUSPECT_IDENTIFIER_TYPES),
        (value, type) => {
          const id = normalizeSuspectIdentifier(type, value);
          if (id === null) return;
          expect(holdsNoCard(id.display)).toBe(true);
          if (id.type !== 'card') expect(holdsNoCard(id.value)).toBe(true);
          if (id.type === 'card') expect(luhnValid(id.value)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('leaves values without a card number as their own type', () => {
    expect(normalizeSuspectIdentifier('email', 'ivan.4276@mail.kz')).toMatchObject({
      type: 'email',
    });
    expect(normalizeSuspectIdentifier('iban', 'KZ86 125K ZT50 0410 0100')).toMatchObject({
      type: 'iban',
    });
    // 16 digits that fail Luhn are not a card.
    expect(normalizeSuspectIdentifier('messenger', 't.me/4276380000001236')).toMatchObject({
      type: 'messenger',
    });
  });
});
