import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { describe, expect, it } from 'vitest';
import { englishCatalog, germanCatalog, resolveLocale, translatorFor } from '../../../src/shared/i18n/index.js';

// ICU argument names of a message ({name}, {count, plural, …}), so a translation cannot drop or rename one.
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (parts: unknown): void => {
    if (!Array.isArray(parts)) return;
    for (const part of parts) {
      if (!Array.isArray(part)) continue;
      const [name, , options] = part as [string, string?, unknown?];
      names.add(name);
      if (options && typeof options === 'object') for (const branch of Object.values(options)) walk(branch);
    }
  };
  walk(compileMessageOrThrow(message));
  return [...names].sort();
}

const CATALOGS = { de: germanCatalog } as const;

describe('message catalogs', () => {
  for (const [name, catalog] of Object.entries(CATALOGS)) {
    it(`${name} has every English key and no other`, () => {
      const english = Object.keys(englishCatalog).sort();
      expect(Object.keys(catalog).sort()).toEqual(english);
    });

    it(`${name} keeps every message's arguments`, () => {
      for (const [key, source] of Object.entries(englishCatalog)) {
        const translated = (catalog as Record<string, string>)[key];
        expect({ key, args: argumentsOf(translated ?? '') }).toEqual({ key, args: argumentsOf(source) });
      }
    });
  }

  it('every message is valid ICU MessageFormat', () => {
    for (const catalog of [englishCatalog, germanCatalog]) {
      for (const message of Object.values(catalog)) expect(() => compileMessageOrThrow(message)).not.toThrow();
    }
  });
});

describe('translator', () => {
  it('formats plurals by the locale', () => {
    expect(translatorFor('en').t('common.unreadCount', { count: 1 })).toBe('1 unread message');
    expect(translatorFor('en').t('common.unreadCount', { count: 1200 })).toBe('1,200 unread messages');
    expect(translatorFor('de').t('common.unreadCount', { count: 1200 })).toBe('1.200 ungelesene Nachrichten');
  });

  it('writes dates the way the locale does', () => {
    const when = new Date(2026, 11, 2, 14, 5);
    expect(translatorFor('de').time(when)).toBe('14:05');
    expect(translatorFor('en').time(when)).toMatch(/^2:05\sPM$/);
    expect(translatorFor('de').date(when, 'short')).toBe('02.12.26');
  });

  it('pseudo-locale accents every letter, keeps arguments and grows the text by 40 %', () => {
    const english = translatorFor('en').t('common.unreadCount', { count: 3 });
    const pseudo = translatorFor('en-XA').t('common.unreadCount', { count: 3 });
    expect(pseudo).toMatch(/^\[3 /);
    expect(pseudo).not.toMatch(/[a-z]/);
    expect(pseudo.length).toBeGreaterThanOrEqual(Math.floor(english.length * 1.3));
  });

  it('follows the OS language unless the setting names one', () => {
    expect(resolveLocale('system', ['de-AT', 'en-US'])).toBe('de');
    expect(resolveLocale('system', ['fr-FR', 'en-GB'])).toBe('en');
    expect(resolveLocale('system', ['fr-FR'])).toBe('en');
    expect(resolveLocale('en', ['de-DE'])).toBe('en');
    expect(resolveLocale('de', [])).toBe('de');
  });
});
