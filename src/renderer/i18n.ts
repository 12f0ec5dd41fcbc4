import { signal } from '@preact/signals';
// Not the package index: it also exports the source catalogs, which pages must not ship.
import { createTranslator, mapCatalog, type CompiledCatalog, type MessageValues, type Translator } from '../shared/i18n/create-translator.js';
import { FALLBACK_LOCALE, type AppLocale } from '../shared/i18n/locales.js';
import type { WindowMessageKey } from '../shared/i18n/window-catalog.js';

// The page's language. Reading it inside a component subscribes the component, so a change of the
// language setting re-renders every visible text at once. Undefined until the first catalog has
// loaded: the window renders nothing before its snapshot, and the snapshot names the language.
const current = signal<Translator | undefined>(undefined);
const loading = new Map<AppLocale, Promise<Translator>>();
let wanted: AppLocale | undefined;

/**
 * Each language is a chunk of its own, imported when a window first needs it (from the app's own
 * origin, so script-src 'self' allows it): a window loads one catalog, not all of them.
 */
async function loadCatalog(locale: AppLocale): Promise<CompiledCatalog> {
  switch (locale) {
    case 'de':
      return (await import('./catalogs/de.js')).catalog;
    case 'en':
      return (await import('./catalogs/en.js')).catalog;
    case 'en-XA': {
      const [{ catalog }, { pseudoMessage }] = await Promise.all([import('./catalogs/en.js'), import('../shared/i18n/pseudo-locale.js')]);
      return mapCatalog(catalog, pseudoMessage);
    }
  }
}

function translatorFor(locale: AppLocale): Promise<Translator> {
  let pending = loading.get(locale);
  if (pending === undefined) {
    pending = loadCatalog(locale).then((catalog) => createTranslator(locale, catalog));
    // A failed load may be retried (the next language change, or the fallback below).
    pending.catch(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/**
 * Shows the page in `locale` once its catalog is loaded; if that fails, in English. The last call
 * wins when languages change faster than catalogs load.
 */
export async function setPageLocale(locale: AppLocale): Promise<void> {
  wanted = locale;
  let translator: Translator;
  try {
    translator = await translatorFor(locale);
  } catch (error) {
    if (locale === FALLBACK_LOCALE) throw error;
    console.error(`The ${locale} messages did not load; showing English`, error);
    translator = await translatorFor(FALLBACK_LOCALE);
  }
  if (wanted !== locale) return;
  current.value = translator;
  // Screen readers and hyphenation follow the page's lang (the pseudo-locale reads as English).
  if (typeof document !== 'undefined') document.documentElement.lang = locale === 'en-XA' ? 'en' : locale;
}

/** The page's language (English until one is loaded). */
export function pageLocale(): AppLocale {
  return current.value?.locale ?? FALLBACK_LOCALE;
}

/** The text for `key` in the page's language; empty before any catalog has loaded. */
export function t(key: WindowMessageKey, values?: MessageValues): string {
  return current.value?.t(key, values) ?? '';
}

/** Dates and times the way the page's language writes them. */
export const formatDate = (when: Date | number, style?: 'short' | 'medium' | 'long' | 'full'): string => current.value?.date(when, style) ?? '';
export const formatTime = (when: Date | number): string => current.value?.time(when) ?? '';
export const formatDateTime = (when: Date | number): string => current.value?.dateTime(when) ?? '';

/**
 * A message with some arguments rendered as elements (a name in bold): the message is formatted
 * with markers in their place and split there, so the sentence stays one key in every language.
 */
export function tRich<T>(key: WindowMessageKey, values: MessageValues, parts: Readonly<Record<string, T>>): (string | T)[] {
  const marked: Record<string, string | number | Date> = { ...values };
  const names = Object.keys(parts);
  names.forEach((name, i) => (marked[name] = `\uE000${i}\uE000`));
  return t(key, marked)
    .split(/\uE000(\d+)\uE000/)
    .map((piece, i) => (i % 2 === 1 ? (parts[names[Number(piece)] ?? ''] as T) : piece))
    .filter((piece) => piece !== '');
}
