import { ACCESS_CODE_ALPHABET, generateAccessCode, normalizeAccessCode } from './access-code';
import { formatReference, normalizeReference, yearIn } from './reference-number';

describe('access codes', () => {
  it('are 12 symbols of a 32-symbol alphabet without look-alikes (60 bits)', () => {
    expect(new Set(ACCESS_CODE_ALPHABET).size).toBe(32);
    expect(ACCESS_CODE_ALPHABET).not.toMatch(/[01IO]/);
    const codes = Array.from({ length: 2000 }, generateAccessCode);
    for (const code of codes) expect(code).toMatch(/^[23456789A-HJ-NP-Z]{12}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('use every symbol (no bias towards part of the alphabet)', () => {
    const seen = new Set(Array.from({ length: 500 }, generateAccessCode).join(''));
    expect(seen.size).toBe(32);
  });

  it('are read back case-insensitively, ignoring spaces and dashes', () => {
    expect(normalizeAccessCode('abcd-efgh-jkmn')).toBe('ABCDEFGHJKMN');
    expect(normalizeAccessCode(' ABCD EFGH JKMN ')).toBe('ABCDEFGHJKMN');
    expect(normalizeAccessCode('ABCDEFGHJKM0')).toBeNull();
    expect(normalizeAccessCode('ABC')).toBeNull();
    expect(normalizeAccessCode(undefined)).toBeNull();
    expect(normalizeAccessCode(['ABCDEFGHJKMN'])).toBeNull();
  });
});

describe('references', () => {
  it('are FR-YYYY-NNNNNN and grow past six digits', () => {
    expect(formatReference(2025, 7)).toBe('FR-2025-000007');
    expect(formatReference(2025, 1234567)).toBe('FR-2025-1234567');
    expect(normalizeReference(' fr-2025-000007 ')).toBe('FR-2025-000007');
    expect(normalizeReference('FR-2025-7')).toBeNull();
    expect(normalizeReference("FR-2025-000007' OR 1=1")).toBeNull();
  });

  it('take the year in the reporting time zone', () => {
    const newYearAlmaty = new Date('2024-12-31T20:30:00Z');
    expect(yearIn('Asia/Almaty', newYearAlmaty)).toBe(2025);
    expect(yearIn('UTC', newYearAlmaty)).toBe(2024);
  });
});
