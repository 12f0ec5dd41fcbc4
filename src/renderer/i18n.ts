import { signal } from '@preact/signals';
// Not the package index: it also exports the source catalogs, which pages must not ship.
import { createTranslator, mapCatalog, type CompiledCatalog, type MessageValues, type Translator } from '../shared/i18n/create-translator.js';
import { FALLBACK_LOCALE, type AppLocale } from '../shared/i18n/locales.js';
import type { CatalogPart, WindowMessageKey } from '../shared/i18n/window-catalog.js';

// The page's language. Reading it inside a component subscribes the component, so a change of the
// language setting re-renders every visible text at once. Undefined until the first catalog has
// loaded: the window renders nothing before its snapshot, and the snapshot names the language.
// It holds the catalog every window loads plus the on-demand parts asked for so far (CATALOG_PARTS).
const current = signal<{ readonly translator: Translator; readonly parts: ReadonlySet<CatalogPart> } | undefined>(undefined);
const loading = new Map<string, Promise<CompiledCatalog>>();
/** The parts asked for: every language shown from then on includes them. */
const parts = new Set<CatalogPart>();
let wanted: AppLocale | undefined;
/** Counts the translators asked for: only the newest is shown, whichever loads first. */
let asked = 0;

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

/** Each on-demand part is a chunk of its own per language, like the catalogs. */
const PARTS: Readonly<Record<CatalogPart, Readonly<Record<'de' | 'en', () => Promise<{ readonly catalog: CompiledCatalog }>>>>> = {
  doctor: { de: () => import('./catalogs/doctor/de.js'), en: () => import('./catalogs/doctor/en.js') },
  proxyCredentials: { de: () => import('./catalogs/proxyCredentials/de.js'), en: () => import('./catalogs/proxyCredentials/en.js') },
  dialogs: { de: () => import('./catalogs/dialogs/de.js'), en: () => import('./catalogs/dialogs/en.js') },
  errors: { de: () => import('./catalogs/errors/de.js'), en: () => import('./catalogs/errors/en.js') },
};

async function loadPart(locale: AppLocale, part: CatalogPart): Promise<CompiledCatalog> {
  if (locale !== 'en-XA') return (await PARTS[part][locale]()).catalog;
  const [{ catalog }, { pseudoMessage }] = await Promise.all([PARTS[part].en(), import('../shared/i18n/pseudo-locale.js')]);
  return mapCatalog(catalog, pseudoMessage);
}

function catalogFor(locale: AppLocale, part?: CatalogPart): Promise<CompiledCatalog> {
  const key = part === undefined ? locale : `${locale}/${part}`;
  let pending = loading.get(key);
  if (pending === undefined) {
    pending = part === undefined ? loadCatalog(locale) : loadPart(locale, part);
    // A failed load may be retried (the next language change, or the fallback below).
    pending.catch(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}

async function translatorFor(locale: AppLocale, withParts: readonly CatalogPart[]): Promise<Translator> {
  const catalogs = await Promise.all([catalogFor(locale), ...withParts.map((part) => catalogFor(locale, part))]);
  return createTranslator(locale, Object.assign({}, ...catalogs) as CompiledCatalog);
}

/**
 * Shows the page in `locale`, with every part asked for, once all are loaded; if that fails, in
 * English. The last call wins when languages (or parts) are asked for faster than they load.
 */
async function show(locale: AppLocale): Promise<void> {
  const mine = ++asked;
  const withParts = [...parts];
  let translator: Translator;
  try {
    translator = await translatorFor(locale, withParts);
  } catch (error) {
    if (locale === FALLBACK_LOCALE) throw error;
    console.error(`The ${locale} messages did not load; showing English`, error);
    translator = await translatorFor(FALLBACK_LOCALE, withParts);
  }
  if (mine !== asked) return;
  current.value = { translator, parts: new Set(withParts) };
  // Screen readers and hyphenation follow the page's lang (the pseudo-locale reads as English).
  if (typeof document !== 'undefined') document.documentElement.lang = locale === 'en-XA' ? 'en' : locale;
}

/**
 * Shows the page in `locale` once its catalog (and the parts asked for) is loaded; if that fails,
 * in English. The last call wins when languages change faster than catalogs load.
 */
export async function setPageLocale(locale: AppLocale): Promise<void> {
  wanted = locale;
  await show(locale);
}

/**
 * Loads an on-demand part of the catalog (the doctor's report, the proxy's question) in the page's
 * language, and in every language shown after. Text from a part may be shown once
 * catalogPartShown(part) says so: before, its keys would show bare.
 */
export async function loadCatalogPart(part: CatalogPart): Promise<void> {
  if (current.value?.parts.has(part) === true) return;
  parts.add(part);
  if (wanted === undefined) return;
  try {
    await show(wanted);
  } catch (error) {
    // Not asked for again with every language change, which would then fail too.
    parts.delete(part);
    throw error;
  }
}

/** Whether the page's messages include `part` (a signal read: a component re-renders when it arrives). */
export function catalogPartShown(part: CatalogPart): boolean {
  return current.value?.parts.has(part) === true;
}

/** The page's language (English until one is loaded). */
export function pageLocale(): AppLocale {
  return current.value?.translator.locale ?? FALLBACK_LOCALE;
}

/** The text for `key` in the page's language; empty before any catalog has loaded. */
export function t(key: WindowMessageKey, values?: MessageValues): string {
  return current.value?.translator.t(key, values) ?? '';
}

/** Dates and times the way the page's language writes them. */
export const formatDate = (when: Date | number, style?: 'short' | 'medium' | 'long' | 'full'): string => current.value?.translator.date(when, style) ?? '';
export const formatTime = (when: Date | number): string => current.value?.translator.time(when) ?? '';
export const formatDateTime = (when: Date | number): string => current.value?.translator.dateTime(when) ?? '';

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
