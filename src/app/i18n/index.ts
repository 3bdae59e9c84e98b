// The interface language: i18next with both languages bundled (they are small, and the app must
// work offline), chosen from a remembered choice, else the browser's languages, else English.
import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** localStorage key of the language picked in the page. */
export const LANGUAGE_KEY = 'paperlens.language';

export const i18n = i18next.createInstance();

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    supportedLngs: [...LANGUAGES],
    // zh-CN, zh-TW, en-GB ... all map to the two bundled languages.
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    // Resources are inline: initialising synchronously means the first render is already translated.
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_KEY,
      caches: ['localStorage'],
    },
  });

/** The current language, reduced to one the interface has. */
export function language(): Language {
  const l = (i18n.resolvedLanguage ?? i18n.language ?? 'en').slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(l) ? (l as Language) : 'en';
}

/** Switches the interface and remembers the choice (the detector caches it in localStorage). */
export async function setLanguage(l: Language): Promise<void> {
  await i18n.changeLanguage(l);
}

/** <html lang>: screen readers pick their voice from it, and CJK fonts their glyph forms. */
function markDocument(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
}
i18n.on('languageChanged', markDocument);
markDocument();

/** Translate outside React (actions, messages built in the app layer). */
export function t(key: string, options?: Record<string, unknown>): string {
  return i18n.t(key, options) as string;
}
