// Leaving a group chat (#16) through the real UI (web dev host, real session service, simulator):
// the header's "Leave" asks first (Cancel keeps the chat), then the chat says "You left the
// conversation" and what the others say afterwards does not arrive; reached by keyboard.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, signInDemo, test, requireChromium } from './fixtures';

requireChromium();

async function opening(context: BrowserContext, action: () => Promise<unknown>): Promise<Page> {
  const [page] = await Promise.all([context.waitForEvent('page'), action()]);
  await page.waitForLoadState();
  return page;
}

test('Leave in a group chat: confirmed by keyboard, a "You left the conversation" line, later messages stay out', async ({ context, popup, host }) => {
  await signInDemo(popup);
  expect(host.simulator.control.groupInvite({ from: 'lena@contoso.com', others: ['echo@contoso.com'], to: 'ana@contoso.com', subject: 'Offsite' })).toBe(true);
  const row = popup.getByRole('option', { name: /Offsite/ });
  await expect(row).toBeVisible();
  const chat = await opening(context, () => row.click());
  await expect(chat.getByTestId('participant-list').locator('li')).toHaveText([/You/, /Lena Adler/, /Echo Bot/]);
  host.simulator.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'Welcome, Ana' });
  await expect(chat.locator('.message-in', { hasText: 'Welcome, Ana' }).first()).toBeVisible();

  const leave = chat.getByRole('button', { name: 'Leave this group chat' });
  await leave.click();
  const dialog = chat.getByRole('dialog', { name: 'Leave this group chat' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(chat.locator('.system-line[data-system="you-left"]')).toHaveCount(0);

  await leave.focus();
  await chat.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Leave', exact: true }).focus();
  await chat.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(chat.locator('.system-line[data-system="you-left"]')).toContainText('You left the conversation');

  host.simulator.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'After you left' });
  await chat.waitForTimeout(1_500);
  await expect(chat.getByText('After you left')).toHaveCount(0);
});
