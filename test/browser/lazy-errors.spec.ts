// The words of errors (a code's sentence, a detail's) load with the first error a window shows, not
// with the window (issue #15): the sign-in page does not load them when it opens, and the error it
// shows is held back until they are in, then shown whole, in the page's language. Never a bare key
// (the build names keys by short letters, so a bare one would read "ab"), never blank, never the
// English message the error carries for logs first: every state of the alert is recorded before
// it is painted.
import { expect, test, requireChromium } from './fixtures';
import { recordLoadedScripts } from './support/loaded-scripts';

requireChromium();

const UNREACHABLE = /^Der Server ist nicht erreichbar\. 127\.0\.0\.1:9 ist nicht erreichbar \(E[A-Z]+\)\.$/;

test('the words of errors load with the first error, and the error shows only with them, in German', async ({ context, host, pageErrors }) => {
  void pageErrors;
  await host.session.handlers().updateSettings({ language: 'de' }, { windowId: 0 });
  const page = await context.newPage();
  const scripts = recordLoadedScripts(page);
  await page.addInitScript(() => {
    const states: string[] = [];
    Object.defineProperty(globalThis, '__alertStates', { value: states });
    new MutationObserver(() => {
      for (const alert of document.querySelectorAll('[role="alert"]')) states.push(alert.textContent ?? '');
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.goto(host.pageUrl('popup'));
  await page.getByLabel('Anmeldeadresse').waitFor();
  await page.waitForLoadState('networkidle');
  /** The scripts loaded so far that hold the given message text. */
  const holding = (text: string): Promise<string[]> => scripts(text);
  const states = async (): Promise<string[]> => page.evaluate(() => (globalThis as unknown as { __alertStates: string[] }).__alertStates.splice(0));
  // errors.code.unreachable, and errorDetail.cannotReach as compiled ("{host} ist nicht erreichbar ({cause}).").
  expect(await holding('Der Server ist nicht erreichbar.'), 'opening the window does not load the words of errors').toEqual([]);
  expect(await holding(' ist nicht erreichbar ('), 'nor those of details').toEqual([]);
  expect(await states()).toEqual([]);

  await page.getByLabel('Kennwort').fill('demo');
  await page.getByLabel('Anmeldeadresse').fill('ana@contoso.com');
  await page.getByLabel(/^Server/).fill('http://127.0.0.1:9/');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toHaveText(UNREACHABLE);
  expect(await holding('Der Server ist nicht erreichbar.')).toHaveLength(1);
  const alertStates = await states();
  expect(alertStates.length).toBeGreaterThan(0);
  for (const state of alertStates) expect(state, 'every state of the alert before paint').toMatch(UNREACHABLE);

  // A second error: the words are in, it shows at once, again whole.
  await page.getByLabel(/^Server/).fill('http://127.0.0.1:9/ucwa');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toHaveText(UNREACHABLE);
  for (const state of await states()) expect(state).toMatch(UNREACHABLE);
});
