import { caseMessages } from './case';
import { admin } from './admin';
import { common } from './common';
import { dashboard } from './dashboard';
import { desk } from './desk';
import { domain } from './domain';
import { queue } from './queue';
import { search } from './search';

/** A catalogue entry: the same text in every console language. `{{name}}` marks a parameter. */
export interface Entry {
  readonly kk: string;
  readonly ru: string;
  readonly en: string;
}

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The one catalogue of the console, merged from one module per area (add an area's import and
 * spread here). Everything a person reads comes from it.
 */
export const catalogue = {
  ...common,
  ...domain,
  ...queue,
  ...caseMessages,
  ...desk,
  ...search,
  ...dashboard,
  ...admin,
} satisfies Record<string, Entry>;

export type CatalogueKey = keyof typeof catalogue;

/** Keys whose entry lacks a language or holds an empty text; a test asserts this is empty. */
export function missingTranslations(entries: Record<string, Partial<Entry>>): string[] {
  const missing: string[] = [];
  for (const [key, entry] of Object.entries(entries)) {
    for (const lang of LANGUAGES) {
      const text = entry[lang];
      if (typeof text !== 'string' || text.trim() === '') missing.push(`${key} [${lang}]`);
    }
  }
  return missing;
}
