// Every window in light and dark, at its app size, under test-results/screenshots (the main ones
// are copied to docs/ for the README). Each shot also checks the theme really changed.
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, signInDemo, test, requireChromium } from './fixtures';

requireChromium();

const SCHEMES = ['light', 'dark'] as const;
const SIZES = { popup: { width: 360, height: 560 }, chat: { width: 420, height: 560 }, settings: { width: 460, height: 560 }, 'sign-in': { width: 380, height: 520 }, 'quick-reply': { width: 380, height: 170 } } as const;

async function shoot(page: Page, name: keyof typeof SIZES, scheme: (typeof SCHEMES)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize(SIZES[name]);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(30, 31, 34)');
  await page.screenshot({ path: join(test.info().project.outputDir, 'screenshots', `${name}-${scheme}.png`) });
}

test('screenshots of every window in light and dark', async ({ context, popup, host, otherUser }) => {
  const signIn = await context.newPage();
  await signIn.goto(host.pageUrl('sign-in'));
  await expect(signIn.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  for (const scheme of SCHEMES) await shoot(signIn, 'sign-in', scheme);

  await signInDemo(popup);
  host.simulator.control.setPresence({ uri: 'sip:carl@contoso.com', availability: 'Busy', note: 'In a design review' });
  host.simulator.control.setPresence({ uri: 'sip:dana@contoso.com', availability: 'Away' });
  const ben = await otherUser('ben@contoso.com');
  const conversation = await ben.startConversation({ to: 'ana@contoso.com', subject: 'Release', message: { text: 'Morning! Is the release still on for today?' } });
  await expect(popup.getByTestId('unread-total')).toBeVisible();
  for (const scheme of SCHEMES) await shoot(popup, 'popup', scheme);

  const [chat] = await Promise.all([context.waitForEvent('page'), popup.getByRole('option', { name: /Ben Osei.*unread/ }).click()]);
  await ben.sendMessage(conversation, { text: 'Notes are here', html: '<p>Notes are <b>here</b>: <a href="https://example.com/notes">release notes</a></p>' });
  const composer = chat.getByRole('textbox', { name: 'Message' });
  await composer.fill('Yes, at 4 pm. I will send the notes after lunch.');
  await composer.press('Enter');
  await expect(chat.locator('.message-out')).toHaveAttribute('data-delivery', 'delivered');
  await expect(chat.locator('.message-in')).toHaveCount(2);
  for (const scheme of SCHEMES) await shoot(chat, 'chat', scheme);

  const settings = await context.newPage();
  await settings.goto(host.pageUrl('settings'));
  await expect(settings.getByRole('heading', { name: 'Settings' })).toBeVisible();
  for (const scheme of SCHEMES) await shoot(settings, 'settings', scheme);

  const conversationId = await chat.evaluate(() => new URLSearchParams(location.search).get('conversation') ?? '');
  const reply = await context.newPage();
  await reply.goto(host.pageUrl('quick-reply', { conversation: conversationId }));
  await expect(reply.getByRole('textbox', { name: 'Reply' })).toBeFocused();
  for (const scheme of SCHEMES) await shoot(reply, 'quick-reply', scheme);
});
