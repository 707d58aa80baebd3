import fc from 'fast-check';
import { isNotBeforeEarliest, isPlainText, isSuspectValue } from './report-validators';

describe('isPlainText', () => {
  it('accepts ordinary text in any script', () => {
    expect(isPlainText('Айгерим Нурлановна')).toBe(true);
    expect(isPlainText('Kaspi Bank')).toBe(true);
    expect(isPlainText('line one\nline two\ttab', true)).toBe(true);
  });

  it('rejects blanks, NUL and other control characters', () => {
    expect(isPlainText('   ')).toBe(false);
    expect(isPlainText('a\u0000b')).toBe(false);
    expect(isPlainText('a\u0000b', true)).toBe(false);
    expect(isPlainText('a\nb')).toBe(false);
    expect(isPlainText('a\u001bb', true)).toBe(false);
    expect(isPlainText(42)).toBe(false);
    expect(isPlainText(null)).toBe(false);
  });

  it('never accepts a string holding NUL', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.boolean(), (a, b, multiline) => {
        expect(isPlainText(`${a}\u0000${b}`, multiline)).toBe(false);
      }),
    );
  });
});

describe('isNotBeforeEarliest', () => {
  it('rejects dates before 1970 and leaves non-dates to the date check', () => {
    expect(isNotBeforeEarliest('1970-01-01T00:00:00Z')).toBe(true);
    expect(isNotBeforeEarliest('1969-12-31T23:59:59Z')).toBe(false);
    expect(isNotBeforeEarliest('0000-01-01T00:00:00Z')).toBe(false);
    expect(isNotBeforeEarliest('yesterday')).toBe(true);
    expect(isNotBeforeEarliest(123)).toBe(true);
  });
});

describe('isSuspectValue', () => {
  it('checks the value against its type', () => {
    expect(isSuspectValue('8 701 123 45 67', 'phone')).toBe(true);
    expect(isSuspectValue('12345', 'phone')).toBe(false);
    expect(isSuspectValue('4111 1111 1111 1111', 'card')).toBe(true);
    expect(isSuspectValue('4111 1111 1111 1112', 'card')).toBe(false);
    expect(isSuspectValue('KZ86125KZT5004100100', 'iban')).toBe(true);
    expect(isSuspectValue('KZ87125KZT5004100100', 'iban')).toBe(false);
    expect(isSuspectValue('https://www.fake-shop.kz/x', 'url')).toBe(true);
    expect(isSuspectValue('not a url', 'url')).toBe(false);
    expect(isSuspectValue(7, 'email')).toBe(false);
  });

  it('leaves an unknown type to the type check', () => {
    expect(isSuspectValue('anything', 'pigeon')).toBe(true);
  });
});
