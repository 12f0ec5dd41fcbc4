// Which languages the app speaks, and how the user's preference picks one.

/** The catalogs we ship, plus en-XA: the pseudo-locale (accented, 40 % longer) that finds clipped text. */
export const APP_LOCALES = ['en', 'de', 'en-XA'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];

/** The language setting: follow the OS, or one of the app's locales. */
export const LANGUAGE_SETTINGS = ['system', ...APP_LOCALES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

export const FALLBACK_LOCALE: AppLocale = 'en';

/**
 * The locale to show: the setting when it names one, otherwise the first of the OS's preferred
 * languages (BCP 47 tags, most preferred first) that we have a catalog for, by primary language
 * ("de-AT" → de). The pseudo-locale is only ever chosen explicitly.
 */
export function resolveLocale(setting: LanguageSetting, preferred: readonly string[]): AppLocale {
  if (setting !== 'system') return setting;
  for (const tag of preferred) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    if (language === 'de') return 'de';
    if (language === 'en') return 'en';
  }
  return FALLBACK_LOCALE;
}

/** The BCP 47 tag for Intl formatting of dates and numbers (the pseudo-locale formats as English). */
export function formattingLocale(locale: AppLocale): string {
  return locale === 'en-XA' ? 'en' : locale;
}
