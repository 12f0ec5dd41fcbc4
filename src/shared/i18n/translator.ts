import { setupI18n, type I18n } from '@lingui/core';
import type { en } from './catalogs/en/index.js';
import { COMPILED_CATALOGS, type CompiledCatalog } from './compiled-catalogs.js';
import { formattingLocale, type AppLocale } from './locales.js';
import { pseudoMessage } from './pseudo-locale.js';

/** Every message the app may show, by key. The English catalog defines them. */
export type MessageKey = keyof typeof en;
/** Values for a message's ICU arguments ({name}, {count, plural, …}, {when, date, short}). */
export type MessageValues = Readonly<Record<string, string | number | Date>>;

export interface Translator {
  readonly locale: AppLocale;
  /** The message for `key` in this locale, its arguments filled in. */
  t(key: MessageKey, values?: MessageValues): string;
  /** A date (day), a time of day, or both, the way this locale writes them. */
  date(when: Date | number, style?: 'short' | 'medium' | 'long' | 'full'): string;
  time(when: Date | number): string;
  dateTime(when: Date | number): string;
}

function catalogFor(locale: AppLocale): CompiledCatalog {
  if (locale !== 'en-XA') return COMPILED_CATALOGS[locale];
  return Object.fromEntries(Object.entries(COMPILED_CATALOGS.en).map(([key, message]) => [key, pseudoMessage(message)]));
}

const translators = new Map<AppLocale, Translator>();

/** The translator for a locale; catalogs are compiled once, on first use. */
export function translatorFor(locale: AppLocale): Translator {
  const known = translators.get(locale);
  if (known) return known;
  const intlLocale = formattingLocale(locale);
  const i18n: I18n = setupI18n({ locale: intlLocale, messages: { [intlLocale]: catalogFor(locale) } });
  const toDate = (when: Date | number): Date => (typeof when === 'number' ? new Date(when) : when);
  const translator: Translator = {
    locale,
    t: (key, values) => i18n._(key, values),
    date: (when, style = 'medium') => new Intl.DateTimeFormat(intlLocale, { dateStyle: style }).format(toDate(when)),
    time: (when) => new Intl.DateTimeFormat(intlLocale, { timeStyle: 'short' }).format(toDate(when)),
    dateTime: (when) =>
      new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(toDate(when)),
  };
  translators.set(locale, translator);
  return translator;
}
