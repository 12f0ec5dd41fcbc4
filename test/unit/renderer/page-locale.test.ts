// A window loads only its language's catalog, on demand: nothing before it is loaded, the language
// the snapshot or a change names once it is, the last one when changes overlap, the pseudo-locale
// derived from English, and English when a catalog cannot be had.
import { describe, expect, it } from 'vitest';
import { catalogPartShown, loadCatalogPart, pageLocale, setPageLocale, t } from '../../../src/renderer/i18n';
import { windowCatalog } from '../../../src/shared/i18n/window-catalog';
import { COMPILED_CATALOGS } from '../../../src/shared/i18n/compiled-catalogs';

describe('the page language', () => {
  it('has no words before a catalog has loaded, then the loaded language', async () => {
    expect(t('common.send')).toBe('');
    await setPageLocale('de');
    expect(t('common.send')).toBe('Senden');
    expect(pageLocale()).toBe('de');
    await setPageLocale('en');
    expect(t('common.send')).toBe('Send');
  });

  it('shows the last language asked for when changes overlap, whichever catalog arrives first', async () => {
    const first = setPageLocale('de');
    const second = setPageLocale('en-XA');
    const third = setPageLocale('en');
    await Promise.all([first, second, third]);
    expect(pageLocale()).toBe('en');
    expect(t('common.send')).toBe('Send');
  });

  it('derives the pseudo-locale from English: accented, longer, in brackets', async () => {
    await setPageLocale('en-XA');
    expect(t('common.send')).toMatch(/^\[Šéñđ~+\]$/);
    expect(pageLocale()).toBe('en-XA');
  });

  it('ships the windows only the messages of their own areas, not the tray, notification or CLI texts', () => {
    const keys = Object.keys(windowCatalog(COMPILED_CATALOGS.de));
    expect(keys).toContain('common.send');
    expect(keys.filter((key) => /^(cli|tray|notifications)\./.test(key))).toEqual([]);
    expect(Object.keys(COMPILED_CATALOGS.de).filter((key) => /^(cli|tray|notifications)\./.test(key)).length).toBeGreaterThan(0);
  });

  it('leaves the doctor messages out of the catalog every window loads: they are a part of their own', () => {
    const keys = Object.keys(windowCatalog(COMPILED_CATALOGS.de));
    const doctor = Object.keys(windowCatalog(COMPILED_CATALOGS.de, 'doctor'));
    expect(keys.filter((key) => key.startsWith('doctor.'))).toEqual([]);
    expect(doctor.length).toBeGreaterThan(20);
    expect(doctor.every((key) => key.startsWith('doctor.'))).toBe(true);
  });

  it('words the doctor messages once their part is loaded, and in every language shown after', async () => {
    await setPageLocale('de');
    expect(catalogPartShown('doctor')).toBe(false);
    expect(t('doctor.fix.showIt')).toBe('doctor.fix.showIt');
    await loadCatalogPart('doctor');
    expect(catalogPartShown('doctor')).toBe(true);
    expect(t('doctor.fix.showIt')).toBe('Zeigen Sie diesen Bericht der IT.');
    await setPageLocale('en');
    expect(catalogPartShown('doctor')).toBe(true);
    expect(t('doctor.fix.showIt')).toBe('Show this report to IT.');
    await setPageLocale('en-XA');
    expect(t('doctor.fix.showIt')).toMatch(/^\[Šĥöŵ.*\]$/);
    expect(t('common.send')).toMatch(/^\[Šéñđ~+\]$/);
  });

  it('leaves the dialogs\' messages out of the catalog every window loads, but not those the windows name themselves', async () => {
    const keys = Object.keys(windowCatalog(COMPILED_CATALOGS.de));
    const dialogs = Object.keys(windowCatalog(COMPILED_CATALOGS.de, 'dialogs'));
    expect(dialogs).toContain('contactCard.sendMessage');
    expect(dialogs).toContain('groups.leaveConfirm');
    expect(keys).not.toContain('groups.leaveConfirm');
    // A chat's "You left" line and the popup's "Contact card" button are shown before any dialog opens.
    expect(keys).toEqual(expect.arrayContaining(['groups.youLeft', 'contactCard.open']));
    expect(dialogs).not.toContain('groups.youLeft');
    await setPageLocale('en');
    expect(t('groups.youLeft')).toBe('You left the conversation');
    expect(t('groups.leaveConfirm')).toBe('groups.leaveConfirm');
    await loadCatalogPart('dialogs');
    expect(t('groups.leaveConfirm')).toMatch(/^Leave this group chat\?/);
  });
});
