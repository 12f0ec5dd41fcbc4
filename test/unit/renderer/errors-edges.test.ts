// An error raised before the page knows its language (state/errors.ts) is held back, not shown as
// empty words, and worded once the language is in; a failed load of the words says so in the console.
import { describe, expect, it, vi } from 'vitest';
import { errorDetail } from '../../../src/shared/error-detail';

const ERROR = { code: 'not-found', message: 'No such conversation (English, for logs).', detail: errorDetail('noSuchConversation', {}) } as const;

async function freshPage() {
  vi.resetModules();
  const i18n = await import('../../../src/renderer/i18n');
  const errors = await import('../../../src/renderer/state/errors');
  return { ...i18n, ...errors };
}

describe('errors before the page’s language', () => {
  it('holds an error back until the page’s language is in, then says it in that language', async () => {
    const page = await freshPage();
    const words = page.errorMessage(ERROR);
    await page.loadErrorWording();
    expect(page.catalogPartShown('errors')).toBe(false);
    expect(page.say(words)).toBeUndefined();
    await page.setPageLocale('en');
    expect(page.say(words)).toBe('That is no longer there. That conversation does not exist.');
  });

  it('says in the console that the error messages did not load when they cannot', async () => {
    vi.doMock('../../../src/renderer/state/error-wording', () => {
      throw new Error('chunk missing');
    });
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const page = await freshPage();
      await page.setPageLocale('en');
      const words = page.errorMessage(ERROR);
      await page.loadErrorWording();
      expect(page.say(words)).toBe(ERROR.message);
      expect(errorLog).toHaveBeenCalledWith(expect.stringMatching(/error messages did not load/), expect.anything());
    } finally {
      vi.doUnmock('../../../src/renderer/state/error-wording');
      errorLog.mockRestore();
    }
  });
});
