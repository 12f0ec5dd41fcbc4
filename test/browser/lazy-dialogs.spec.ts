// The dialogs a click opens (contact card, new group chat, add people, leave) load on demand with
// their messages (issue #15): the popup does not load them with the window, and a dialog appears
// only once its words are in, never with a bare key (the build names keys by short letters, so a
// bare one would read "ab": every state of each dialog is recorded before it is painted).
import { expect, signInDemo, test, requireChromium } from './fixtures';
import { recordLoadedScripts } from './support/loaded-scripts';

requireChromium();

interface DialogState {
  readonly label: string;
  readonly heading: string;
  readonly buttons: readonly string[];
}

test('the dialogs and their messages load only when one is opened, and a dialog never shows without its words', async ({ context, host, pageErrors }) => {
  void pageErrors;
  const page = await context.newPage();
  const scripts = recordLoadedScripts(page);
  await page.addInitScript(() => {
    const states: DialogState[] = [];
    Object.defineProperty(globalThis, '__dialogStates', { value: states });
    new MutationObserver(() => {
      for (const dialog of document.querySelectorAll('[role="dialog"]')) {
        const heading = dialog.querySelector('h2');
        states.push({
          label: heading?.getAttribute('aria-label') ?? '',
          heading: heading?.textContent ?? '',
          buttons: [...dialog.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''),
        });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.goto(host.pageUrl('popup'));
  await signInDemo(page);
  await page.waitForLoadState('networkidle');
  /** The scripts loaded so far that hold the given English message. */
  const holding = (message: string): Promise<string[]> => scripts(JSON.stringify(message));
  const states = async (): Promise<DialogState[]> => page.evaluate(() => (globalThis as unknown as { __dialogStates: DialogState[] }).__dialogStates.splice(0));
  expect(await holding('Job title'), 'opening the popup does not load the contact card messages').toEqual([]);
  expect(await holding('Chat with several people'), 'nor the group chat dialog messages').toEqual([]);
  expect(await states()).toEqual([]);

  await page.getByRole('searchbox', { name: 'Search people and messages' }).fill('Lena');
  const open = page.getByRole('button', { name: 'Contact card of Lena Adler' });
  await open.click();
  const card = page.getByRole('dialog', { name: 'Contact card: Lena Adler' });
  await expect(card.getByText('Sales')).toBeVisible();
  expect(await holding('Job title')).toHaveLength(1);
  const cardStates = await states();
  expect(cardStates.length).toBeGreaterThan(0);
  for (const state of cardStates) {
    expect(state.label).toBe('Contact card: Lena Adler');
    expect(state.buttons).toContain('Close');
    expect(state.buttons).toContain('Send message');
  }
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(open).toBeFocused();
  // Closing mutates the card (focus, removal) after the states above were taken; those states are
  // the card's own and must not be read as the next dialog's.
  for (const state of await states()) expect(state.label).toBe('Contact card: Lena Adler');

  await page.getByRole('button', { name: 'New group chat' }).click();
  const group = page.getByRole('dialog', { name: 'Chat with several people' });
  await expect(group.getByRole('searchbox', { name: 'Find people' })).toBeFocused();
  const groupStates = await states();
  expect(groupStates.length).toBeGreaterThan(0);
  for (const state of groupStates) {
    expect(state.heading).toBe('Chat with several people');
    expect(state.buttons).toEqual(['Cancel', 'Start chat']);
  }
  await group.getByRole('button', { name: 'Cancel' }).click();
  await expect(group).toHaveCount(0);
});
