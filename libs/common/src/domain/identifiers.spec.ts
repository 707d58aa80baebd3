import fc from 'fast-check';

import {
  cardLast4,
  classifyAccount,
  ibanMod97,
  isValidCardNumber,
  isValidIban,
  maskAccount,
  maskKzPhone,
  normalizeCardNumber,
  normalizeCryptoWallet,
  normalizeEmail,
  normalizeIban,
  normalizeKzPhone,
  normalizeMessengerHandle,
  normalizeSocialProfile,
  normalizeUrl,
  normalizeUrlIdentifier,
  SUSPECT_IDENTIFIER_TYPES,
  SuspectIdentifierType,
} from './identifiers';
import { normalizeSuspectIdentifier } from './suspect-identifier';

const digitString = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max })
    .map((digits) => digits.join(''));

/** Ten national digits of a KZ number: first 6 or 7. */
const kzNational = fc
  .tuple(fc.constantFrom('6', '7'), digitString(9, 9))
  .map(([first, rest]) => first + rest);

function renderings(n: string): string[] {
  const [a, b, c, d] = [n.slice(0, 3), n.slice(3, 6), n.slice(6, 8), n.slice(8)];
  return [
    `8 ${a} ${b} ${c} ${d}`,
    `+7 (${a}) ${b}-${c}-${d}`,
    `8${n}`,
    `+7${n}`,
    `7${n}`,
    n,
    `8 (${a}) ${b} ${c} ${d}`,
    `  +7 ${a} ${b}${c}${d} `,
  ];
}

function withIbanCheckDigits(country: string, bban: string): string {
  const remainder = ibanMod97(`${country}00${bban}`);
  return `${country}${(98 - remainder).toString().padStart(2, '0')}${bban}`;
}

const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split(''));
const kzIban = fc
  .tuple(digitString(3, 3), fc.array(alnum, { minLength: 13, maxLength: 13 }))
  .map(([bank, account]) => withIbanCheckDigits('KZ', bank + account.join('')));
const foreignIban = fc
  .tuple(
    fc.constantFrom('DE', 'GB', 'FR', 'TR', 'AE'),
    fc.array(alnum, { minLength: 11, maxLength: 30 }),
  )
  .map(([country, bban]) => withIbanCheckDigits(country, bban.join('')));

/** Independent Luhn check-digit computation, so the spec does not test the code with itself. */
function luhnCheckDigit(payload: string): string {
  let total = 0;
  [...payload].reverse().forEach((char, i) => {
    const doubled = (char.charCodeAt(0) - 48) * (i % 2 === 0 ? 2 : 1);
    total += doubled > 9 ? doubled - 9 : doubled;
  });
  return String((10 - (total % 10)) % 10);
}

const cardNumber = digitString(12, 18).map((payload) => payload + luhnCheckDigit(payload));

function replaceDigitAt(value: string, index: number, shift: number): string {
  const digit = value.charCodeAt(index) - 48;
  const replaced = (digit + shift) % 10;
  return value.slice(0, index) + String(replaced) + value.slice(index + 1);
}

describe('normalizeKzPhone', () => {
  it.each([
    '8 701 123 45 67',
    '+7 (701) 123-45-67',
    '87011234567',
    '+77011234567',
    '77011234567',
    '7011234567',
    '8-701-123-45-67',
    '+7 701 123 4567',
  ])('normalises %p to +77011234567', (input) => {
    expect(normalizeKzPhone(input)).toBe('+77011234567');
  });

  it.each([
    '',
    'abc',
    '12345',
    '+8 701 123 45 67',
    '8 801 123 45 67',
    '+7 901 123 45 67',
    '+1 202 555 0123',
    '+380 44 123 4567',
    '9011234567',
    '8701123456',
    '+7 701 123 45 67 ext 1',
    '+7 701 123 45 678',
    '7+7011234567',
  ])('rejects %p', (input) => {
    expect(normalizeKzPhone(input)).toBeNull();
  });

  it('normalises every common rendering of one number to the same E.164 value', () => {
    fc.assert(
      fc.property(kzNational, (national) => {
        for (const rendering of renderings(national)) {
          expect(normalizeKzPhone(rendering)).toBe(`+7${national}`);
        }
      }),
    );
  });

  it('always yields +7 and ten digits starting with 6 or 7, or null', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), digitString(0, 14)), (input) => {
        const result = normalizeKzPhone(input);
        expect(result === null || /^\+7[67][0-9]{9}$/.test(result)).toBe(true);
      }),
    );
  });

  it('masks the middle of the number', () => {
    expect(maskKzPhone('+77011234567')).toBe('+7701***4567');
  });
});

describe('IBAN', () => {
  it.each([
    'KZ86125KZT5004100100',
    'kz86 125k zt50 0410 0100',
    'GB82WEST12345698765432',
    'DE89 3704 0044 0532 0130 00',
  ])('accepts %p', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });

  it.each([
    'KZ87125KZT5004100100',
    'KZ86125KZT500410010',
    'KZ86A25KZT5004100100',
    'KZ86125KZT500410010012',
    'GB82WEST12345698765433',
    'XX',
    '',
    '8612 5KZT 5004 1001 00',
  ])('rejects %p', (iban) => {
    expect(isValidIban(iban)).toBe(false);
  });

  it('normalises to upper case without spaces', () => {
    expect(normalizeIban(' kz86 125k zt50 0410 0100 ')).toBe('KZ86125KZT5004100100');
  });

  it('accepts generated IBANs and rejects any single-digit change', () => {
    fc.assert(
      fc.property(
        fc.oneof(kzIban, foreignIban),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (iban, position, shift) => {
          expect(isValidIban(iban)).toBe(true);
          const digitPositions = [...iban].flatMap((char, i) => (/[0-9]/.test(char) ? [i] : []));
          const index = digitPositions[position % digitPositions.length];
          expect(isValidIban(replaceDigitAt(iban, index, shift))).toBe(false);
        },
      ),
    );
  });
});

describe('cards', () => {
  it.each(['4111 1111 1111 1111', '4111-1111-1111-1111', '5500000000000004', '4222222222222'])(
    'accepts %p',
    (card) => {
      expect(isValidCardNumber(card)).toBe(true);
    },
  );

  it.each([
    '4111 1111 1111 1112',
    '411111111111',
    '41111111111111111111',
    '4111 1111 1111 111a',
    '-4111111111111111',
    '',
  ])('rejects %p', (card) => {
    expect(isValidCardNumber(card)).toBe(false);
  });

  it('accepts generated card numbers and rejects any single-digit change', () => {
    fc.assert(
      fc.property(cardNumber, fc.nat(), fc.integer({ min: 1, max: 9 }), (card, pos, shift) => {
        expect(isValidCardNumber(card)).toBe(true);
        expect(isValidCardNumber(replaceDigitAt(card, pos % card.length, shift))).toBe(false);
      }),
    );
  });

  it('normalises to digits and takes the last four', () => {
    expect(normalizeCardNumber('4111 1111-1111 1111')).toBe('4111111111111111');
    expect(normalizeCardNumber('4111 1111 1111 1112')).toBeNull();
    expect(cardLast4('4111 1111 1111 1234')).toBe('1234');
    expect(() => cardLast4('12')).toThrow(RangeError);
  });
});

describe('URLs', () => {
  it.each([
    ['https://WWW.Shop-KZ.com/path?x=1#top', 'shop-kz.com'],
    ['shop.kz', 'shop.kz'],
    ['Shop.KZ/catalog/item', 'shop.kz'],
    ['www.shop.kz:8080/x', 'shop.kz'],
    ['http://bank.kz@evil.example.com/login', 'evil.example.com'],
    ['http://192.168.0.1/x', '192.168.0.1'],
    ['https://пример.kz', 'xn--e1afmkfd.kz'],
    ['https://shop.kz./', 'shop.kz'],
  ])('normalises %p to %p', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it.each(['', 'localhost', 'not a url', 'http://', 'https://-bad-.kz', 'shop', 'http://a.b'])(
    'rejects %p',
    (input) => {
      expect(normalizeUrl(input)).toBeNull();
    },
  );

  it('normalises scheme, www. and case variants of one host equally', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const host = fc
      .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('kz', 'com', 'ru'))
      .map(([labels, tld]) => [...labels, tld].join('.'))
      .filter((h) => !h.startsWith('www.'));
    fc.assert(
      fc.property(host, fc.stringMatching(/^(\/[a-z0-9]{1,8}){0,3}$/), (h, path) => {
        for (const rendering of [
          h,
          `www.${h}`,
          `http://${h}${path}`,
          `HTTPS://WWW.${h.toUpperCase()}${path}?q=1`,
        ]) {
          expect(normalizeUrl(rendering)).toBe(h);
        }
      }),
    );
  });

  it('keeps the path on shared platforms so unrelated profiles do not link', () => {
    expect(normalizeUrlIdentifier('https://www.instagram.com/Scammer_Shop/')).toBe(
      'instagram.com/scammer_shop',
    );
    expect(normalizeUrlIdentifier('https://m.facebook.com/john.doe?ref=x')).toBe(
      'facebook.com/john.doe',
    );
    expect(normalizeUrlIdentifier('https://www.fake-shop.kz/catalog')).toBe('fake-shop.kz');
  });
});

describe('handles, e-mail, wallets and profiles', () => {
  it('normalises messenger handles', () => {
    expect(normalizeMessengerHandle('  @Scammer_KZ ')).toBe('scammer_kz');
    expect(normalizeMessengerHandle('https://t.me/Scammer_KZ')).toBe('scammer_kz');
    expect(normalizeMessengerHandle('@')).toBeNull();
    expect(normalizeMessengerHandle('two words')).toBeNull();
  });

  it('normalises e-mail', () => {
    expect(normalizeEmail('  Fraud@Example.COM ')).toBe('fraud@example.com');
    expect(normalizeEmail('not-an-email')).toBeNull();
  });

  it('keeps base58 wallets case-sensitive but lower-cases hex and bech32 ones', () => {
    expect(normalizeCryptoWallet(' TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE ')).toBe(
      'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE',
    );
    expect(normalizeCryptoWallet('0x52908400098527886E0F7030069857D2E4169EE7')).toBe(
      '0x52908400098527886e0f7030069857d2e4169ee7',
    );
    expect(normalizeCryptoWallet('BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ')).toBe(
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    );
    expect(normalizeCryptoWallet('   ')).toBeNull();
  });

  it('normalises social profiles given as links or handles', () => {
    expect(normalizeSocialProfile('https://www.Instagram.com/Fake.Shop/')).toBe(
      'instagram.com/fake.shop',
    );
    expect(normalizeSocialProfile('instagram.com/fake.shop')).toBe('instagram.com/fake.shop');
    expect(normalizeSocialProfile('@Fake_Shop')).toBe('fake_shop');
    expect(normalizeSocialProfile('')).toBeNull();
  });
});

describe('normalizeSuspectIdentifier', () => {
  it('treats a card number filed under any other type as a card, never keeping it whole', () => {
    for (const type of ['messenger', 'crypto_wallet', 'social_profile', 'url', 'email'] as const) {
      expect(normalizeSuspectIdentifier(type, '4111-1111-1111-1111')).toEqual({
        type: 'card',
        value: '4111111111111111',
        display: '**** **** **** 1111',
      });
    }
  });

  it.each<[SuspectIdentifierType, string, { type: string; value: string; display: string }]>([
    ['phone', '8 701 123 45 67', { type: 'phone', value: '+77011234567', display: '+7701***4567' }],
    [
      'card',
      '4111 1111 1111 1111',
      { type: 'card', value: '4111111111111111', display: '**** **** **** 1111' },
    ],
    [
      'iban',
      'kz86 125k zt50 0410 0100',
      { type: 'iban', value: 'KZ86125KZT5004100100', display: 'KZ86125KZT5004100100' },
    ],
    [
      'url',
      'https://www.Fake-Shop.kz/x',
      { type: 'url', value: 'fake-shop.kz', display: 'fake-shop.kz' },
    ],
    ['messenger', '@Scammer', { type: 'messenger', value: 'scammer', display: 'scammer' }],
    [
      'messenger',
      '+7 701 123 45 67',
      { type: 'phone', value: '+77011234567', display: '+7701***4567' },
    ],
    ['email', 'A@B.kz', { type: 'email', value: 'a@b.kz', display: 'a@b.kz' }],
    [
      'crypto_wallet',
      ' TQn9Y2kh ',
      { type: 'crypto_wallet', value: 'TQn9Y2kh', display: 'TQn9Y2kh' },
    ],
    ['social_profile', '@Fake', { type: 'social_profile', value: 'fake', display: 'fake' }],
  ])('normalises %s %p', (type, value, expected) => {
    expect(normalizeSuspectIdentifier(type, value)).toEqual(expected);
  });

  it.each<[SuspectIdentifierType, string]>([
    ['phone', '12345'],
    ['card', '4111 1111 1111 1112'],
    ['iban', 'KZ00125KZT5004100100'],
    ['url', 'nonsense'],
    ['messenger', ' @ '],
    ['email', 'nobody'],
    ['crypto_wallet', ''],
    ['social_profile', '   '],
  ])('rejects %s %p', (type, value) => {
    expect(normalizeSuspectIdentifier(type, value)).toBeNull();
  });

  it('never shows a full card number or phone in display', () => {
    fc.assert(
      fc.property(cardNumber, kzNational, (card, national) => {
        const cardId = normalizeSuspectIdentifier('card', card);
        expect(cardId?.display).toBe(`**** **** **** ${card.slice(-4)}`);
        const phoneId = normalizeSuspectIdentifier('phone', `8${national}`);
        expect(phoneId?.display).not.toContain(national.slice(3, 6) + national.slice(6));
      }),
    );
  });

  it('returns null for an unknown type at runtime', () => {
    expect(normalizeSuspectIdentifier('fax' as SuspectIdentifierType, '123')).toBeNull();
    expect(SUSPECT_IDENTIFIER_TYPES).toHaveLength(8);
  });
});

describe('classifyAccount and maskAccount', () => {
  it.each([
    ['KZ86125KZT5004100100', 'iban'],
    ['4111 1111 1111 1111', 'card'],
    ['8 701 123 45 67', 'phone'],
    ['+77011234567', 'phone'],
    ['12345', null],
    ['KZ00125KZT5004100100', null],
    ['4111 1111 1111 1112', null],
    ['', null],
  ])('classifies %p as %p', (account, expected) => {
    expect(classifyAccount(account)).toBe(expected);
  });

  it('classifies generated accounts of each kind', () => {
    fc.assert(
      fc.property(kzIban, cardNumber, kzNational, (iban, card, national) => {
        expect(classifyAccount(iban)).toBe('iban');
        expect(classifyAccount(card)).toBe('card');
        expect(classifyAccount(`+7${national}`)).toBe('phone');
      }),
    );
  });

  it('masks accounts by kind', () => {
    expect(maskAccount('4111 1111 1111 1111')).toBe('**** **** **** 1111');
    expect(maskAccount('8 701 123 45 67')).toBe('+7701***4567');
    expect(maskAccount('KZ86125KZT5004100100')).toBe('KZ86****0100');
    expect(maskAccount('ACC-998877')).toBe('****8877');
    expect(maskAccount('123')).toBe('****');
  });
});
