// The translators main, the CLI and tests use: every catalog, compiled on load.
import { COMPILED_CATALOGS } from './compiled-catalogs.js';
import { createTranslator, mapCatalog, type CompiledCatalog, type Translator } from './create-translator.js';
import type { AppLocale } from './locales.js';
import { pseudoMessage } from './pseudo-locale.js';

export type { MessageKey, MessageValues, Translator } from './create-translator.js';

function catalogFor(locale: AppLocale): CompiledCatalog {
  return locale === 'en-XA' ? mapCatalog(COMPILED_CATALOGS.en, pseudoMessage) : COMPILED_CATALOGS[locale];
}

const translators = new Map<AppLocale, Translator>();

/** The translator for a locale; catalogs are compiled once, on first use. */
export function translatorFor(locale: AppLocale): Translator {
  const known = translators.get(locale);
  if (known) return known;
  const translator = createTranslator(locale, catalogFor(locale));
  translators.set(locale, translator);
  return translator;
}
