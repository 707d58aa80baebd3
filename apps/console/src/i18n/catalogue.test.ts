import { describe, expect, it } from 'vitest';
import { catalogue, missingTranslations } from './catalogue';

describe('the console catalogue', () => {
  it('has every key in kk, ru and en', () => {
    expect(missingTranslations(catalogue)).toEqual([]);
  });

  it('finds a missing language', () => {
    expect(missingTranslations({ 'x.y': { kk: 'a', ru: ' ', en: 'c' } })).toEqual(['x.y [ru]']);
  });

  it('keeps the same parameters in every language', () => {
    const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const differing = Object.entries(catalogue)
      .filter(([, e]) => {
        const en = params(e.en).join();
        return params(e.kk).join() !== en || params(e.ru).join() !== en;
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });
});
