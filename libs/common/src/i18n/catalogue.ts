import { LANGUAGES } from '../domain-constants';
import type { Language } from '../domain-constants';

/** One entry: the same sentence in every supported language. `{name}` marks a parameter. */
export type Translations = Readonly<Record<Language, string>>;

/** A catalogue: stable key → its sentence in kk, ru and en. */
export type Catalogue<K extends string = string> = Readonly<Record<K, Translations>>;

/** Keys whose entry lacks a language or holds an empty sentence; a test asserts this is empty. */
export function missingTranslations(catalogue: Catalogue): string[] {
  const missing: string[] = [];
  for (const [key, entry] of Object.entries<Translations>(catalogue)) {
    for (const lang of LANGUAGES) {
      const text = (entry as Partial<Translations>)[lang];
      if (typeof text !== 'string' || text.trim() === '') missing.push(`${key} [${lang}]`);
    }
  }
  return missing;
}

/**
 * The sentence for `key` in `lang` with `{name}` parameters filled. An unknown key throws: a
 * citizen must never see a code or a fallback language in place of a sentence.
 */
export function translate<K extends string>(
  catalogue: Catalogue<K>,
  key: K,
  lang: Language,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const entry = catalogue[key] as Translations | undefined;
  const text = entry?.[lang];
  if (text === undefined) throw new Error(`No ${lang} text for catalogue key ${key}`);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
