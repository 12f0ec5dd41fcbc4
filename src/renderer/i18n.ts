import { signal } from '@preact/signals';
// Not the package index: it also exports the source catalogs, which pages must not ship.
import type { AppLocale } from '../shared/i18n/locales.js';
import { translatorFor, type MessageKey, type MessageValues } from '../shared/i18n/translator.js';

// The page's language. Reading it inside a component subscribes the component, so a change of the
// language setting re-renders every visible text at once.
const currentLocale = signal<AppLocale>('en');

export function setPageLocale(locale: AppLocale): void {
  currentLocale.value = locale;
  // Screen readers and hyphenation follow the page's lang (the pseudo-locale reads as English).
  if (typeof document !== 'undefined') document.documentElement.lang = locale === 'en-XA' ? 'en' : locale;
}

export function pageLocale(): AppLocale {
  return currentLocale.value;
}

/** The text for `key` in the page's language. */
export function t(key: MessageKey, values?: MessageValues): string {
  return translatorFor(currentLocale.value).t(key, values);
}

/** Dates and times the way the page's language writes them. */
export const formatDate = (when: Date | number, style?: 'short' | 'medium' | 'long' | 'full'): string =>
  translatorFor(currentLocale.value).date(when, style);
export const formatTime = (when: Date | number): string => translatorFor(currentLocale.value).time(when);
export const formatDateTime = (when: Date | number): string => translatorFor(currentLocale.value).dateTime(when);

/**
 * A message with some arguments rendered as elements (a name in bold): the message is formatted
 * with markers in their place and split there, so the sentence stays one key in every language.
 */
export function tRich<T>(key: MessageKey, values: MessageValues, parts: Readonly<Record<string, T>>): (string | T)[] {
  const marked: Record<string, string | number | Date> = { ...values };
  const names = Object.keys(parts);
  names.forEach((name, i) => (marked[name] = `\uE000${i}\uE000`));
  return t(key, marked)
    .split(/\uE000(\d+)\uE000/)
    .map((piece, i) => (i % 2 === 1 ? (parts[names[Number(piece)] ?? ''] as T) : piece))
    .filter((piece) => piece !== '');
}
