import fc from 'fast-check';

import { generateValidIin, iinBirthDate, iinControlDigit, isValidIin } from './iin';

function centuryDigitsFor(year: number): number[] {
  if (year < 1900) return [1, 2, 0];
  if (year < 2000) return [3, 4, 0];
  return [5, 6, 0];
}

const birthDate = fc.date({
  min: new Date('1800-01-01T00:00:00Z'),
  max: new Date('2099-12-31T00:00:00Z'),
  noInvalidDate: true,
});

const generatedIin = birthDate.chain((birth) =>
  fc
    .tuple(
      fc.constantFrom(...centuryDigitsFor(birth.getUTCFullYear())),
      fc.integer({ min: 0, max: 9999 }),
    )
    .map(([digit, serial]) => generateValidIin(birth, digit, serial)),
);

describe('isValidIin', () => {
  it('computes the control digit with the primary weights', () => {
    // 9*1+0*2+0*3+1*4+0*5+1*6+3*7+0*8+0*9+0*10+0*11 = 40; 40 mod 11 = 7
    expect(iinControlDigit('90010130000')).toBe(7);
    expect(isValidIin('900101300007')).toBe(true);
  });

  it('falls back to the secondary weights when the first pass gives 10', () => {
    // Find an 11-digit prefix whose primary sum mod 11 is 10, then check the secondary pass.
    const primary = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const secondary = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    let checked = 0;
    for (let serial = 0; serial < 10_000 && checked < 20; serial += 1) {
      const first11 = `8505153${serial.toString().padStart(4, '0')}`;
      const digits = [...first11].map(Number);
      const sum = (w: number[]): number => digits.reduce((acc, d, i) => acc + d * w[i], 0) % 11;
      if (sum(primary) !== 10) continue;
      checked += 1;
      const second = sum(secondary);
      expect(iinControlDigit(first11)).toBe(second === 10 ? null : second);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it.each([
    ['', 'empty'],
    ['90010130000', 'eleven digits'],
    ['9001013000070', 'thirteen digits'],
    ['90010130000a', 'a letter'],
    ['901301300002', 'month 13'],
    ['900132300001', 'day 32'],
    ['010229300003', '29 February in 1901'],
    ['900101700000', 'century digit 7'],
  ])('rejects %p (%s)', (iin) => {
    expect(isValidIin(iin)).toBe(false);
  });

  it('respects leap years per century digit', () => {
    // 29 Feb 2000 (digit 5) exists, 29 Feb 1900 (digit 3) does not.
    expect(isValidIin(generateValidIin(new Date('2000-02-29T00:00:00Z'), 5, 1))).toBe(true);
    const fake1900 = '00022930001';
    const control = iinControlDigit(fake1900);
    expect(control).not.toBeNull();
    expect(isValidIin(`${fake1900}${control}`)).toBe(false);
  });

  it('accepts generated IINs and rejects every other control digit', () => {
    fc.assert(
      fc.property(generatedIin, fc.integer({ min: 1, max: 9 }), (iin, shift) => {
        expect(isValidIin(iin)).toBe(true);
        const wrong = (Number(iin[11]) + shift) % 10;
        expect(isValidIin(`${iin.slice(0, 11)}${wrong}`)).toBe(false);
      }),
    );
  });

  it('recovers the birth date when the century is known', () => {
    fc.assert(
      fc.property(birthDate, fc.integer({ min: 0, max: 9999 }), (birth, serial) => {
        const digit = centuryDigitsFor(birth.getUTCFullYear())[0];
        const iin = generateValidIin(birth, digit, serial);
        expect(iinBirthDate(iin)?.toISOString().slice(0, 10)).toBe(
          birth.toISOString().slice(0, 10),
        );
        expect(iinBirthDate(generateValidIin(birth, 0, serial))).toBeNull();
      }),
    );
  });
});

describe('generateValidIin', () => {
  it('rejects a century digit that contradicts the birth year', () => {
    expect(() => generateValidIin(new Date('1990-05-05T00:00:00Z'), 5, 1)).toThrow(RangeError);
    expect(() => generateValidIin(new Date('1990-05-05T00:00:00Z'), 9, 1)).toThrow(RangeError);
    expect(() => generateValidIin(new Date('1990-05-05T00:00:00Z'), 3, 10_000)).toThrow(RangeError);
  });
});
