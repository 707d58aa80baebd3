import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';

import { generateValidIin } from './iin';
import {
  IsAccountRef,
  isCalendarDate,
  IsIban,
  IsIin,
  IsKzPhone,
  IsMoneyAmount,
  IsNotInFuture,
  isNotInFuture,
  parseIsoDateTime,
} from './validation';

const NOW = new Date('2024-06-01T12:00:00Z');

class Sample {
  @IsIin()
  iin!: unknown;

  @IsKzPhone()
  phone!: unknown;

  @IsMoneyAmount()
  amount!: unknown;

  @IsMoneyAmount({ max: 100_000n }, { message: 'loan too large' })
  loan!: unknown;

  @IsNotInFuture({ now: () => NOW })
  paidAt!: unknown;

  @IsIban()
  iban!: unknown;

  @IsAccountRef()
  toAccount!: unknown;
}

const valid = {
  iin: generateValidIin(new Date('1990-01-01T00:00:00Z'), 3, 1),
  phone: '8 701 123 45 67',
  amount: '12500.50',
  loan: '1000.00',
  paidAt: '2024-06-01T17:00:30+05:00',
  iban: 'KZ86125KZT5004100100',
  toAccount: '4111 1111 1111 1111',
};

function errorsFor(overrides: Record<string, unknown>): Record<string, string[]> {
  const errors = validateSync(plainToInstance(Sample, { ...valid, ...overrides }));
  return Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
}

describe('validation decorators', () => {
  it('accept a valid object', () => {
    expect(errorsFor({})).toEqual({});
  });

  it('name the rule in each default message', () => {
    const errors = errorsFor({
      iin: '123',
      phone: '+1 202 555 0123',
      amount: '0',
      paidAt: '2024-06-01T12:01:01Z',
      iban: 'KZ00',
      toAccount: 'somewhere',
    });
    expect(errors).toEqual({
      iin: ['iin must be a Kazakh IIN: 12 digits with a valid birth date and control digit'],
      phone: ['phone must be a Kazakhstan phone number such as +77011234567 or 8 701 123 45 67'],
      amount: [
        'amount must be a decimal string with at most two decimals, greater than 0 and at most 1000000000000.00',
      ],
      paidAt: [
        'paidAt must be an ISO 8601 date-time with a time zone (e.g. 2024-05-01T14:30:00+05:00) that is not in the future',
      ],
      iban: ['iban must be an IBAN with valid check digits (KZ IBANs have 20 characters)'],
      toAccount: [
        'toAccount must be an IBAN, a card number (13–19 digits passing the Luhn check) or a Kazakhstan phone number',
      ],
    });
  });

  it('apply a custom maximum and message', () => {
    expect(errorsFor({ loan: '1000.01' })).toEqual({ loan: ['loan too large'] });
  });

  it.each([12500, '12500.505', '-1', '1000000000000.01', null, '1e5'])(
    'reject amount %p',
    (amount) => {
      expect(Object.keys(errorsFor({ amount }))).toEqual(['amount']);
    },
  );

  it.each(['1000000000000.00', '0.01', '7'])('accept amount %p', (amount) => {
    expect(errorsFor({ amount })).toEqual({});
  });

  it('accept any IBAN, card or phone as account reference', () => {
    for (const toAccount of ['KZ86125KZT5004100100', '87011234567', '4111111111111111']) {
      expect(errorsFor({ toAccount })).toEqual({});
    }
  });

  it('reject non-string values without throwing', () => {
    for (const value of [undefined, null, 5, {}, []]) {
      const errors = errorsFor({ iin: value, phone: value, iban: value, toAccount: value });
      expect(Object.keys(errors).sort()).toEqual(['iban', 'iin', 'phone', 'toAccount']);
    }
  });
});

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2026-01-01', '0001-01-01', '9999-12-31'])('accepts %p', (input) => {
    expect(isCalendarDate(input)).toBe(true);
  });

  it.each([
    '2026-13-45',
    '2025-02-29',
    '2026-04-31',
    '0000-01-01',
    '2026-1-1',
    '2026-01-01T00:00Z',
    20260101,
    null,
  ])('rejects %p', (input) => {
    expect(isCalendarDate(input)).toBe(false);
  });
});

describe('parseIsoDateTime', () => {
  it.each([
    ['2024-05-01T14:30:00Z', '2024-05-01T14:30:00.000Z'],
    ['2024-05-01T14:30:00+05:00', '2024-05-01T09:30:00.000Z'],
    ['2024-05-01T14:30+05:00', '2024-05-01T09:30:00.000Z'],
    ['2024-02-29T23:59:59.999-01:00', '2024-03-01T00:59:59.999Z'],
  ])('parses %p', (input, iso) => {
    expect(parseIsoDateTime(input)?.toISOString()).toBe(iso);
  });

  it.each([
    '2024-05-01',
    '2024-05-01T14:30:00',
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-05-01T24:00:00Z',
    '2024-05-01T14:60:00Z',
    '2024-05-01 14:30:00Z',
    'yesterday',
    '1714573800000',
  ])('rejects %p', (input) => {
    expect(parseIsoDateTime(input)).toBeNull();
  });

  it('round-trips any instant rendered by toISOString', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (date) => {
          expect(parseIsoDateTime(date.toISOString())?.getTime()).toBe(date.getTime());
        },
      ),
    );
  });
});

describe('isNotInFuture', () => {
  it('allows up to 60 seconds of clock skew', () => {
    expect(isNotInFuture('2024-06-01T12:01:00Z', NOW)).toBe(true);
    expect(isNotInFuture('2024-06-01T12:01:00.001Z', NOW)).toBe(false);
    expect(isNotInFuture('2020-01-01T00:00:00Z', NOW)).toBe(true);
    expect(isNotInFuture('2024-06-01T12:05:00Z', NOW, 600_000)).toBe(true);
    expect(isNotInFuture(NOW, NOW)).toBe(false);
  });

  it('agrees with the instant comparison for every date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), (offsetMs) => {
        const date = new Date(NOW.getTime() + offsetMs);
        expect(isNotInFuture(date.toISOString(), NOW)).toBe(offsetMs <= 60_000);
      }),
    );
  });

  it('uses the real clock by default', () => {
    class Live {
      @IsNotInFuture()
      at!: string;
    }
    const past = plainToInstance(Live, { at: new Date(Date.now() - 1000).toISOString() });
    const future = plainToInstance(Live, { at: new Date(Date.now() + 3_600_000).toISOString() });
    expect(validateSync(past)).toHaveLength(0);
    expect(validateSync(future)).toHaveLength(1);
  });
});
