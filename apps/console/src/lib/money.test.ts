import { describe, expect, it } from 'vitest';
import { formatMoney, fromDecimal, MAX_TIYN, parseMoney, toDecimal } from './money';

describe('money', () => {
  it.each([
    ['1 234,50', 123450n],
    ['1234.5', 123450n],
    ['1\u00a0234\u00a0567,89', 123456789n],
    ['0.01', 1n],
    ['9999999999999.99', MAX_TIYN],
  ])('reads %s exactly', (input, tiyn) => {
    expect(parseMoney(input)).toEqual({ ok: true, tiyn, decimal: toDecimal(tiyn) });
  });

  it.each([
    ['', 'money.empty'],
    ['12,345', 'money.decimals'],
    ['12a', 'money.invalid'],
    ['1e5', 'money.invalid'],
    ['-5', 'money.negative'],
    ['10000000000000', 'money.tooLarge'],
    ['0,00', 'money.zero'],
  ])('refuses %s', (input, error) => {
    expect(parseMoney(input)).toEqual({ ok: false, error });
  });

  it('keeps amounts beyond a double exactly', () => {
    // 2^53 + 1 tiyn: a Number would round it.
    expect(toDecimal(fromDecimal('90071992547409.93'))).toBe('90071992547409.93');
  });

  it('formats per language', () => {
    expect(formatMoney('1234567.5', 'en')).toBe('1,234,567.50\u00a0₸');
    expect(formatMoney('1234567.50', 'ru')).toBe('1\u00a0234\u00a0567,50\u00a0₸');
    expect(formatMoney(-5n, 'kk')).toBe('−0,05\u00a0₸');
  });
});
