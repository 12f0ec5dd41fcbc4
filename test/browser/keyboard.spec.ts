// Nothing needs a mouse: from the popup to a sent message with the keyboard alone.
import { expect, requireChromium, signInDemo, test } from './fixtures';

requireChromium();

test('keyboard only: sign in, find a contact, open the chat and send', async ({ context, popup }) => {
  // Tab through the sign-in form to the demo button and press it.
  await expect(popup.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  await popup.keyboard.press('Tab');
  await expect(popup.getByLabel('Sign-in address')).toBeFocused();
  let guard = 0;
  while (!(await popup.getByRole('button', { name: 'Try the demo' }).evaluate((b) => b === document.activeElement)) && guard++ < 12) await popup.keyboard.press('Tab');
  await popup.keyboard.press('Enter');
  const search = popup.getByRole('searchbox', { name: 'Search people and messages' });
  await expect(search).toBeFocused();
  await popup.keyboard.type('echo');
  const active = popup.locator('[role="option"][aria-selected="true"]');
  await expect(active).toContainText('Echo Bot');
  await expect(search).toHaveAttribute('aria-activedescendant', (await active.getAttribute('id')) ?? 'missing');
  // Arrows walk the list and come back.
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowUp');
  await expect(active).toContainText('Echo Bot');
  const [chat] = await Promise.all([context.waitForEvent('page'), popup.keyboard.press('Enter')]);
  const composer = chat.getByRole('textbox', { name: 'Message' });
  await expect(composer).toBeFocused();
  await chat.keyboard.type('Sent without a mouse');
  await chat.keyboard.press('Enter');
  await expect(chat.locator('.message-out', { hasText: 'Sent without a mouse' })).toHaveAttribute('data-delivery', 'delivered');
  // Esc first clears the search, then asks to hide the window.
  await popup.bringToFront();
  await search.focus();
  await popup.keyboard.press('Escape');
  await expect(search).toHaveValue('');
});

test('focus is always visible', async ({ popup }) => {
  await expect(popup.getByLabel('Sign-in address')).toBeVisible();
  await popup.keyboard.press('Tab');
  await expect(popup.getByLabel('Sign-in address')).toBeFocused();
  const outline = await popup.getByLabel('Sign-in address').evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(outline).not.toBe('none');
});

test('the popup comes back from hiding with an empty search box that has the focus', async ({ popup }) => {
  await signInDemo(popup);
  const search = popup.getByRole('searchbox', { name: 'Search people and messages' });
  await search.fill('ben');
  await popup.getByRole('combobox', { name: 'My presence' }).focus();
  // Electron hides the popup window rather than closing it; the page sees visibilitychange.
  const setVisibility = (state: 'hidden' | 'visible') =>
    popup.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  await expect(search).toHaveValue('');
  await setVisibility('visible');
  await expect(search).toBeFocused();
});
