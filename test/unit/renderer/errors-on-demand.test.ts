// The errors' words load with the first error a window shows (state/errors.ts): until they are in,
// an error is held back (never a bare key, never English first) and a detail gives way to the
// general sentence; if they cannot load, the English message the error carries is shown.
import { describe, expect, it, vi } from 'vitest';
import { errorDetail } from '../../../src/shared/error-detail';

const ERROR = { code: 'not-found', message: 'No such conversation (English, for logs).', detail: errorDetail('noSuchConversation', {}) } as const;

async function freshPage(locale: 'en' | 'de') {
  vi.resetModules();
  const i18n = await import('../../../src/renderer/i18n');
  const errors = await import('../../../src/renderer/state/errors');
  const labels = await import('../../../src/renderer/state/presence-labels');
  await i18n.setPageLocale(locale);
  return { ...i18n, ...errors, ...labels };
}

describe('errors worded on demand', () => {
  it('holds an error back until its words are in, then says it in the page’s language', async () => {
    const page = await freshPage('de');
    expect(page.catalogPartShown('errors')).toBe(false);
    const words = page.errorMessage(ERROR);
    expect(page.say(words)).toBeUndefined();
    const offline = { state: 'offline', detail: errorDetail('asleepOrOffline', {}) } as const;
    expect(page.connectionLabel(offline)).toBe('Offline: Warten auf das Netzwerk.');
    await page.loadErrorWording();
    expect(page.catalogPartShown('errors')).toBe(true);
    expect(page.say(words)).toBe('Das gibt es nicht mehr. Diese Unterhaltung gibt es nicht.');
    expect(page.connectionLabel(offline)).toMatch(/^Keine Verbindung/);
    // Worded when shown: a new language words it anew.
    await page.setPageLocale('en');
    expect(page.say(words)).toBe('That is no longer there. That conversation does not exist.');
    expect(page.say('plain text')).toBe('plain text');
  });

  it('shows the English message an error carries when its words cannot load', async () => {
    vi.doMock('../../../src/renderer/state/error-wording', () => {
      throw new Error('chunk missing');
    });
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const page = await freshPage('de');
      const words = page.errorMessage(ERROR);
      await page.loadErrorWording();
      expect(page.say(words)).toBe(ERROR.message);
      expect(errorLog).toHaveBeenCalled();
    } finally {
      vi.doUnmock('../../../src/renderer/state/error-wording');
      errorLog.mockRestore();
    }
  });
});
