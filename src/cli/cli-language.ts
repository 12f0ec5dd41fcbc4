import { resolveLocale, translatorFor, type MessageKey, type MessageValues } from '../shared/i18n/index.js';

// The command line speaks the terminal's language: LC_ALL, then LC_MESSAGES, then LANG (POSIX
// order), e.g. "de_DE.UTF-8"; UCWA_TRAY_LANGUAGE overrides it (en, de or en-XA).
function terminalLanguages(env: NodeJS.ProcessEnv): string[] {
  const posix = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return [posix.split('.')[0] ?? ''].filter((tag) => tag !== '' && tag !== 'C' && tag !== 'POSIX');
}

export function cliLocale(env: NodeJS.ProcessEnv): ReturnType<typeof resolveLocale> {
  const override = env.UCWA_TRAY_LANGUAGE;
  if (override === 'en' || override === 'de' || override === 'en-XA') return override;
  return resolveLocale('system', terminalLanguages(env));
}

/** The text for `key` in the terminal's language. */
export function t(key: MessageKey, values?: MessageValues): string {
  return translatorFor(cliLocale(process.env)).t(key, values);
}
