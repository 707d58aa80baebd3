import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogue, LANGUAGES, type CatalogueKey, type Language } from './catalogue';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Keys are flat ("case.freeze.amount"): a key outside the catalogue fails the type check.
    keySeparator: false;
    nsSeparator: false;
    resources: { translation: Record<CatalogueKey, string> };
  }
}

const STORAGE_KEY = 'console.lang';

function resources(): Record<Language, { translation: Record<CatalogueKey, string> }> {
  const out = {} as Record<Language, { translation: Record<CatalogueKey, string> }>;
  for (const lang of LANGUAGES) {
    const translation = {} as Record<CatalogueKey, string>;
    for (const key of Object.keys(catalogue) as CatalogueKey[])
      translation[key] = catalogue[key][lang];
    out[lang] = { translation };
  }
  return out;
}

/** The person's last choice, else the browser's first supported language, else Russian. */
export function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  for (const tag of globalThis.navigator?.languages ?? []) {
    const lang = tag.slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(lang)) return lang as Language;
  }
  return 'ru';
}

export function setLanguage(lang: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export async function initI18n(lang: Language = initialLanguage()): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: resources(),
    lng: lang,
    fallbackLng: false,
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return i18next;
}

export { LANGUAGES };
export type { Language };
