// Every window scanned by axe-core (WCAG 2.1 A and AA rules) in light and dark: roles, names,
// contrast, focusable controls. Any violation fails with what and where.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, requireChromium, signInDemo, test } from './fixtures';

requireChromium();

async function scan(page: Page, label: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const problems = result.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    expect(problems, `${label} in ${scheme}`).toEqual([]);
  }
}

test('every window passes an axe scan in light and dark', async ({ context, popup, host, otherUser }) => {
  await expect(popup.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  await scan(popup, 'sign-in form');
  await signInDemo(popup);
  const ben = await otherUser('ben@contoso.com');
  const conversation = await ben.startConversation({ to: 'ana@contoso.com', message: { text: 'Hello there' } });
  await expect(popup.getByTestId('unread-total')).toBeVisible();
  await scan(popup, 'popup');
  const [chat] = await Promise.all([context.waitForEvent('page'), popup.getByRole('option', { name: /Ben Osei.*unread/ }).click()]);
  await ben.sendMessage(conversation, { text: 'link', html: '<p>See <a href="https://example.com">this</a></p>' });
  await chat.getByRole('textbox', { name: 'Message' }).fill('Hi!');
  await chat.keyboard.press('Enter');
  await expect(chat.locator('.message-out')).toHaveAttribute('data-delivery', 'delivered');
  await scan(chat, 'chat');
  const settings = await context.newPage();
  await settings.goto(host.pageUrl('settings'));
  await expect(settings.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await scan(settings, 'settings');
  const conversationId = await chat.evaluate(() => new URLSearchParams(location.search).get('conversation') ?? '');
  const reply = await context.newPage();
  await reply.goto(host.pageUrl('quick-reply', { conversation: conversationId }));
  await expect(reply.getByRole('textbox', { name: 'Reply' })).toBeVisible();
  await scan(reply, 'quick reply');
});
