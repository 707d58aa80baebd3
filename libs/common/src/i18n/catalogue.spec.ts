import { missingTranslations, translate } from './catalogue';

describe('catalogue', () => {
  const catalogue = {
    greeting: { kk: 'Сәлем, {name}', ru: 'Привет, {name}', en: 'Hello, {name}' },
  } as const;

  it('fills parameters in the asked language', () => {
    expect(translate(catalogue, 'greeting', 'ru', { name: 'Айгүл' })).toBe('Привет, Айгүл');
    expect(translate(catalogue, 'greeting', 'en', { name: 'A' })).toBe('Hello, A');
  });

  it('leaves an unknown parameter visible rather than inventing one', () => {
    expect(translate(catalogue, 'greeting', 'kk')).toBe('Сәлем, {name}');
  });

  it('throws on an unknown key instead of printing the key', () => {
    expect(() => translate(catalogue as never, 'nope' as never, 'kk')).toThrow(/nope/);
  });

  it('names every key with a missing or empty language', () => {
    const broken = { a: { kk: 'a', ru: '', en: 'a' }, b: { kk: 'b', en: 'b' } } as never;
    expect(missingTranslations(broken)).toEqual(['a [ru]', 'b [ru]']);
    expect(missingTranslations(catalogue)).toEqual([]);
  });
});
