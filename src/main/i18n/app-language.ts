import { translatorFor, type AppLocale, type MessageKey, type MessageValues } from '../../shared/i18n/index.js';

// The main process's language (tray menu, notifications, dialogs): set from the language setting
// and the OS's preferred languages by the composition root.
let current: AppLocale = 'en';

export function setAppLocale(locale: AppLocale): void {
  current = locale;
}

export function appLocale(): AppLocale {
  return current;
}

/** The text for `key` in the app's language. */
export function t(key: MessageKey, values?: MessageValues): string {
  return translatorFor(current).t(key, values);
}
