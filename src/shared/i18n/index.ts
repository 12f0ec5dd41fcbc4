// The app's languages: message catalogs (ICU MessageFormat) through Lingui's core runtime.
export { translatorFor, type MessageKey, type MessageValues, type Translator } from './translator.js';
export { APP_LOCALES, LANGUAGE_SETTINGS, resolveLocale, formattingLocale, type AppLocale, type LanguageSetting } from './locales.js';
export { en as englishCatalog } from './catalogs/en/index.js';
export { de as germanCatalog } from './catalogs/de/index.js';
