import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';

import { bigintTransformer, Money, MoneyFormatError } from './money';

const tiynInRange = fc.bigInt({ min: 0n, max: Money.MAX_AMOUNT_TIYN });

describe('Money', () => {
  describe('parse', () => {
    it.each([
      ['12500', 1_250_000n],
      ['12500.5', 1_250_050n],
      ['12500.50', 1_250_050n],
      ['12500.00', 1_250_000n],
      ['0', 0n],
      ['0.01', 1n],
      ['0.5', 50n],
      ['1000000000000.00', Money.MAX_AMOUNT_TIYN],
    ])('parses %s', (input, expected) => {
      expect(Money.parse(input)).toBe(expected);
    });

    it.each([
      '',
      ' 1',
      '1 ',
      '1 000',
      '+1',
      '-1',
      '1e3',
      '1E3',
      '007',
      '00.5',
      '01.00',
      '.5',
      '5.',
      '1.234',
      '1,50',
      '0x10',
      'Infinity',
      'NaN',
      '١٢',
      '1'.repeat(41),
    ])('rejects %p with a MoneyFormatError', (input) => {
      expect(() => Money.parse(input)).toThrow(MoneyFormatError);
    });

    it('round-trips every amount in range through format', () => {
      fc.assert(
        fc.property(tiynInRange, (tiyn) => {
          expect(Money.parse(Money.format(tiyn))).toBe(tiyn);
        }),
      );
    });

    it('formats any accepted string to its two-decimal normal form', () => {
      const accepted = fc
        .tuple(
          fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,12}$/)),
          fc.oneof(fc.constant(''), fc.stringMatching(/^\.[0-9]{1,2}$/)),
        )
        .map(([whole, fraction]) => whole + fraction);
      fc.assert(
        fc.property(accepted, (input) => {
          const formatted = Money.format(Money.parse(input));
          expect(formatted).toMatch(/^(0|[1-9][0-9]*)\.[0-9]{2}$/);
          expect(Money.format(Money.parse(formatted))).toBe(formatted);
          const [whole, fraction = ''] = input.split('.');
          expect(formatted).toBe(`${whole}.${fraction.padEnd(2, '0')}`);
        }),
      );
    });

    it('rejects three or more decimals', () => {
      fc.assert(
        fc.property(
          fc.stringMatching(/^[1-9][0-9]{0,12}\.[0-9]{3,6}$/),
          (input) => Money.tryParse(input) === null,
        ),
      );
    });

    it('rejects signs, exponents and spaces around valid amounts', () => {
      const amount = tiynInRange.map((tiyn) => Money.format(tiyn));
      const decorated = fc.oneof(
        amount.map((a) => `+${a}`),
        amount.map((a) => `-${a}`),
        fc
          .tuple(amount, fc.constantFrom('e', 'E'), fc.integer({ min: -5, max: 5 }))
          .map(([a, e, n]) => `${a}${e}${n}`),
        amount.map((a) => ` ${a}`),
        amount.map((a) => `${a} `),
      );
      fc.assert(fc.property(decorated, (input) => Money.tryParse(input) === null));
    });

    it('rejects arbitrary strings that are not plain decimals', () => {
      fc.assert(
        fc.property(fc.string(), (input) => {
          fc.pre(!/^(0|[1-9][0-9]*)(\.[0-9]{1,2})?$/.test(input));
          expect(Money.tryParse(input)).toBeNull();
        }),
      );
    });
  });

  describe('parseAmount', () => {
    it('requires an amount above zero and within the maximum', () => {
      expect(Money.parseAmount('0.01')).toBe(1n);
      expect(Money.parseAmount('1000000000000.00')).toBe(Money.MAX_AMOUNT_TIYN);
      expect(() => Money.parseAmount('0')).toThrow('greater than 0');
      expect(() => Money.parseAmount('1000000000000.01')).toThrow('at most 1000000000000.00');
      expect(() => Money.parseAmount('10.01', 1000n)).toThrow('at most 10.00');
    });
  });

  describe('format', () => {
    it.each([
      [0n, '0.00'],
      [1n, '0.01'],
      [50n, '0.50'],
      [1_250_000n, '12500.00'],
      [-1n, '-0.01'],
      [-1_250_050n, '-12500.50'],
    ])('formats %p as %s', (tiyn, expected) => {
      expect(Money.format(tiyn)).toBe(expected);
    });

    it('formats negatives as the negated positive', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: 1n, max: Money.MAX_AMOUNT_TIYN * 10n }), (tiyn) => {
          expect(Money.format(-tiyn)).toBe(`-${Money.format(tiyn)}`);
        }),
      );
    });
  });

  describe('fromDb', () => {
    it('accepts pg bigint strings, safe integers and bigints', () => {
      expect(Money.fromDb('123456789012345678')).toBe(123456789012345678n);
      expect(Money.fromDb('-5')).toBe(-5n);
      expect(Money.fromDb(42)).toBe(42n);
      expect(Money.fromDb(7n)).toBe(7n);
    });

    it.each(['1.5', '', 'abc', ' 1', '1e3'])('rejects string %p', (value) => {
      expect(() => Money.fromDb(value)).toThrow(MoneyFormatError);
    });

    it('rejects non-integer and unsafe numbers', () => {
      expect(() => Money.fromDb(1.5)).toThrow(MoneyFormatError);
      expect(() => Money.fromDb(2 ** 60)).toThrow(MoneyFormatError);
    });

    it('round-trips any bigint through its string form', () => {
      fc.assert(fc.property(fc.bigInt(), (value) => Money.fromDb(value.toString()) === value));
    });
  });

  it('sums exactly, also beyond the safe-integer range', () => {
    expect(Money.sum([])).toBe(0n);
    expect(Money.sum([Money.MAX_AMOUNT_TIYN, Money.MAX_AMOUNT_TIYN, 1n])).toBe(
      200_000_000_000_001n,
    );
    fc.assert(
      fc.property(fc.array(tiynInRange), (values) => {
        const total = Money.sum(values);
        expect(Money.sum([...values].reverse())).toBe(total);
      }),
    );
  });

  it('picks min and max', () => {
    expect(Money.min(3n, 5n)).toBe(3n);
    expect(Money.max(3n, 5n)).toBe(5n);
  });

  describe('bigintTransformer', () => {
    it('maps bigint to string and back, passing null and undefined', () => {
      expect(bigintTransformer.to(1_250_000n)).toBe('1250000');
      expect(bigintTransformer.to(null)).toBeNull();
      expect(bigintTransformer.to(undefined)).toBeUndefined();
      expect(bigintTransformer.from('1250000')).toBe(1_250_000n);
      expect(bigintTransformer.from(null)).toBeNull();
      fc.assert(
        fc.property(fc.bigInt(), (value) => {
          expect(bigintTransformer.from(bigintTransformer.to(value) ?? null)).toBe(value);
        }),
      );
    });

    it('refuses fractional values instead of rounding them', () => {
      expect(() => bigintTransformer.from('10.5')).toThrow(MoneyFormatError);
      expect(() => bigintTransformer.to(10.5)).toThrow(MoneyFormatError);
    });
  });

  it('never converts amounts through floating point', () => {
    const source = readFileSync(join(__dirname, 'money.ts'), 'utf8');
    expect(source).not.toMatch(/parseFloat|parseInt|Number\(|toFixed|Math\.|\+\s*input\b/);
  });
});
