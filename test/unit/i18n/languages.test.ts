// Which language each part of the app picks: the CLI from the terminal, the app from the setting
// and the OS (the session's snapshot and its localeChanged push).
import { describe, expect, it } from 'vitest';
import { cliLocale } from '../../../src/cli/cli-language';
import { resolveLocale } from '../../../src/shared/i18n/index';

describe('the command line language', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(cliLocale({ LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(cliLocale({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' })).toBe('en');
    expect(cliLocale({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'en_GB', LC_ALL: 'de_AT.UTF-8' })).toBe('de');
  });

  it('speaks English in the C locale, without any, and for languages it has no catalog for', () => {
    expect(cliLocale({ LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLocale({ LANG: 'POSIX' })).toBe('en');
    expect(cliLocale({})).toBe('en');
    expect(cliLocale({ LANG: 'fr_FR.UTF-8' })).toBe('en');
  });

  it('lets UCWA_TRAY_LANGUAGE override the terminal, and ignores a value it does not know', () => {
    expect(cliLocale({ LANG: 'de_DE.UTF-8', UCWA_TRAY_LANGUAGE: 'en' })).toBe('en');
    expect(cliLocale({ LANG: 'en_US.UTF-8', UCWA_TRAY_LANGUAGE: 'en-XA' })).toBe('en-XA');
    expect(cliLocale({ LANG: 'de_DE.UTF-8', UCWA_TRAY_LANGUAGE: 'klingon' })).toBe('de');
  });
});

describe('the app language', () => {
  it('takes the first OS language it has a catalog for, by primary language and in any spelling', () => {
    expect(resolveLocale('system', ['fr-CA', 'de-CH', 'en-US'])).toBe('de');
    expect(resolveLocale('system', ['DE_de'])).toBe('de');
    expect(resolveLocale('system', ['en-GB', 'de-DE'])).toBe('en');
    expect(resolveLocale('system', [])).toBe('en');
    expect(resolveLocale('system', [''])).toBe('en');
  });

  it('never picks the pseudo-locale from the OS, only when the setting names it', () => {
    expect(resolveLocale('system', ['en-XA'])).toBe('en');
    expect(resolveLocale('en-XA', ['de-DE'])).toBe('en-XA');
  });
});
