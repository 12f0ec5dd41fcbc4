// A translator over one compiled catalog. Free of the catalogs themselves, so the renderer can
// build one from the single catalog it loaded (src/renderer/i18n.ts) and ship no other language.
import type { CompiledMessage } from '@lingui/message-utils/compileMessage';
import type { en } from './catalogs/en/index.js';
import { formatMessage } from './format-message.js';
import { formattingLocale, type AppLocale } from './locales.js';

/** Every message the app may show, by key. The English catalog defines them. */
export type MessageKey = keyof typeof en;
/** Values for a message's ICU arguments ({name}, {count, plural, …}, {when, date, short}). */
export type MessageValues = Readonly<Record<string, string | number | Date>>;
/** A catalog compiled to Lingui's message format (compiled-catalogs.ts). */
export type CompiledCatalog = Readonly<Record<string, CompiledMessage>>;

export interface Translator {
  readonly locale: AppLocale;
  /** The message for `key` in this locale, its arguments filled in. */
  t(key: MessageKey, values?: MessageValues): string;
  /** A date (day), a time of day, or both, the way this locale writes them. */
  date(when: Date | number, style?: 'short' | 'medium' | 'long' | 'full'): string;
  time(when: Date | number): string;
  dateTime(when: Date | number): string;
}

export function createTranslator(locale: AppLocale, catalog: CompiledCatalog): Translator {
  const intlLocale = formattingLocale(locale);
  const toDate = (when: Date | number): Date => (typeof when === 'number' ? new Date(when) : when);
  return {
    locale,
    // A key the catalog lacks shows as itself (as Lingui does), so it is found, not hidden.
    t: (key, values = {}) => {
      const message = catalog[key];
      return message === undefined ? key : formatMessage(message, values, intlLocale);
    },
    date: (when, style = 'medium') => new Intl.DateTimeFormat(intlLocale, { dateStyle: style }).format(toDate(when)),
    time: (when) => new Intl.DateTimeFormat(intlLocale, { timeStyle: 'short' }).format(toDate(when)),
    dateTime: (when) => new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(toDate(when)),
  };
}

/** A catalog in the pseudo-locale, derived from the English one (pseudo-locale.ts). */
export type PseudoMessage = (compiled: CompiledMessage) => CompiledMessage;
export function mapCatalog(catalog: CompiledCatalog, map: PseudoMessage): CompiledCatalog {
  return Object.fromEntries(Object.entries(catalog).map(([key, message]) => [key, map(message)]));
}
