// The app in other languages. The pseudo-locale (en-XA: accented, 40 % longer, in brackets) in
// every window at its app size: no text left untranslated, none clipped by its box, no labels on
// top of each other. And German: the setting switches every open window at once.
import type { Page } from '@playwright/test';
import type { WebHost } from '../../src/dev/web-host';
import { expect, test, requireChromium } from './fixtures';
import { findLayoutProblems } from './support/layout-check';
import type { LayoutProblem } from './support/layout-check';

requireChromium();

const SIZES = { popup: { width: 360, height: 560 }, chat: { width: 420, height: 560 }, settings: { width: 460, height: 560 }, 'sign-in': { width: 380, height: 520 }, 'quick-reply': { width: 380, height: 170 } } as const;

/** What the server and the users said: names, addresses, notes, message text are data, not UI text. */
function knownData(host: WebHost, extra: readonly string[]): string[] {
  const snapshot = host.session.snapshot();
  const bare = (uri: string): string => uri.replace(/^sip:/i, '');
  const people = snapshot.contacts.flatMap((c) => [c.name, bare(c.uri), c.title ?? '', c.department ?? '', c.presence.note ?? '']);
  const chats = snapshot.conversations.flatMap((c) => [c.title, c.lastMessage?.text ?? '', c.lastMessage?.fromName ?? '', ...c.participants.map((p) => p.name)]);
  const me = snapshot.me === undefined ? [] : [snapshot.me.name, bare(snapshot.me.uri), snapshot.me.presence.note ?? ''];
  return [...people, ...chats, ...me, ...snapshot.groups.map((g) => g.name), snapshot.settings.account.server, ...extra];
}

async function expectCleanLayout(page: Page, window: keyof typeof SIZES, data: readonly string[]): Promise<void> {
  await page.setViewportSize(SIZES[window]);
  // Let the layout settle (virtual lists measure their rows after a frame).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const problems: LayoutProblem[] = await page.evaluate(findLayoutProblems, data);
  expect(problems, `${window}: untranslated, clipped or overlapping text`).toEqual([]);
}

test('pseudo-locale: every window is translated, and nothing is clipped or overlaps', async ({ context, popup, host, otherUser }) => {
  await host.session.handlers().updateSettings({ language: 'en-XA' }, { windowId: 0 });
  const signIn = await context.newPage();
  await signIn.goto(host.pageUrl('sign-in'));
  await expect(signIn.locator('#sign-in-title')).toHaveText(/^\[Šíĝñ íñ/);
  await expectCleanLayout(signIn, 'sign-in', knownData(host, []));

  await popup.locator('.demo button').click();
  await expect(popup.locator('input[type="search"]')).toBeVisible();
  const ben = await otherUser('ben@contoso.com');
  const said = ['Morning! Is the release still on for today?', 'Notes are here'];
  const conversation = await ben.startConversation({ to: 'ana@contoso.com', subject: 'Release', message: { text: said[0] ?? '' } });
  await expect(popup.getByTestId('unread-total')).toBeVisible();
  await expectCleanLayout(popup, 'popup', knownData(host, said));

  const [chat] = await Promise.all([context.waitForEvent('page'), popup.locator('.row[data-kind="conversation"]').first().click()]);
  await ben.sendMessage(conversation, { text: said[1] ?? '' });
  await expect(chat.locator('.message-in')).toHaveCount(2);
  await chat.locator('textarea').fill('Yes, at 4 pm.');
  await chat.locator('textarea').press('Enter');
  await expect(chat.locator('.message-out')).toHaveAttribute('data-delivery', 'delivered');
  await expectCleanLayout(chat, 'chat', knownData(host, [...said, 'Yes, at 4 pm.']));

  const settings = await context.newPage();
  await settings.goto(host.pageUrl('settings'));
  await expect(settings.locator('#settings-title')).toHaveText(/^\[Šéţţíñĝš/);
  await expectCleanLayout(settings, 'settings', knownData(host, []));

  const conversationId = await chat.evaluate(() => new URLSearchParams(location.search).get('conversation') ?? '');
  const reply = await context.newPage();
  await reply.goto(host.pageUrl('quick-reply', { conversation: conversationId }));
  await expect(reply.locator('.quick-reply-title')).toContainText('[');
  await expectCleanLayout(reply, 'quick-reply', knownData(host, [...said, 'Yes, at 4 pm.']));
});

test('German: the language setting switches every open window at once, and back to the system language', async ({ context, popup, host }) => {
  await expect(popup.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  const settings = await context.newPage();
  await settings.goto(host.pageUrl('settings'));
  await expect(settings.getByRole('heading', { name: 'Settings' })).toBeVisible();

  await settings.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(settings.getByRole('heading', { name: 'Einstellungen' })).toBeVisible();
  await expect(settings.getByText('Bei neuen Nachrichten benachrichtigen')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Demo ausprobieren' })).toBeVisible();
  await expect(popup.locator('html')).toHaveAttribute('lang', 'de');
  await expect(settings).toHaveTitle('Einstellungen');

  await popup.getByRole('button', { name: 'Demo ausprobieren' }).click();
  await expect(popup.getByRole('searchbox', { name: 'Personen und Nachrichten suchen' })).toBeVisible();
  await expect(popup.getByRole('combobox', { name: 'Mein Status' })).toHaveValue('Online');
  await expect(popup.locator('#my-presence option:checked')).toHaveText('Verfügbar');

  // The web dev host's "OS" speaks no language we have: the system setting means English.
  await settings.getByRole('combobox', { name: 'Sprache' }).selectOption('system');
  await expect(settings.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(popup.getByRole('searchbox', { name: 'Search people and messages' })).toBeVisible();
});

test('German: an error from the client is worded in German, its detail included, never its English log message', async ({ popup, host }) => {
  await host.session.handlers().updateSettings({ language: 'de' }, { windowId: 0 });
  await popup.getByLabel('Anmeldeadresse').fill('ana@contoso.com');
  await popup.getByLabel('Kennwort').fill('demo');
  await popup.getByLabel(/^Server/).fill('http://127.0.0.1:9/');
  await popup.getByRole('button', { name: 'Anmelden' }).click();
  const alert = popup.getByRole('alert');
  // The code's sentence, then the detail with its protocol data (host, OS error code).
  await expect(alert).toHaveText(/^Der Server ist nicht erreichbar\. 127\.0\.0\.1:9 ist nicht erreichbar \(E[A-Z]+\)\.$/);
  await expect(alert).not.toContainText('Cannot reach');
});
