// Group chats, the contact card and missed conversations through the real UI (web dev host, real
// session service, simulator): the live participant list, each message attributed to its sender,
// joins and leaves as lines, "New group chat" from the popup, the card's details and actions, and
// conversations missed while signed out opened from the popup.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, signInDemo, test, requireChromium } from './fixtures';
import { axeScan } from './support/axe-scan';

requireChromium();

async function opening(context: BrowserContext, action: () => Promise<unknown>): Promise<Page> {
  const [page] = await Promise.all([context.waitForEvent('page'), action()]);
  await page.waitForLoadState();
  return page;
}

const participants = (chat: Page) => chat.getByTestId('participant-list').locator('li');

test('a group chat started from the popup: participants, a join as a line, each message with its sender', async ({ context, popup, otherUser }) => {
  await signInDemo(popup);
  const ben = await otherUser('ben@contoso.com');
  ben.on((e) => {
    if (e.type === 'incomingInvitation') void ben.acceptInvitation(e.invitationId);
  });
  const benConversation = ben.waitFor('messagingStateChanged', (e) => e.state === 'Connected', 20_000);
  await popup.getByRole('button', { name: 'New group chat' }).click();
  const dialog = popup.getByRole('dialog', { name: 'Chat with several people' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Start chat' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose at least two people.');
  await dialog.getByRole('checkbox', { name: /Echo Bot/ }).check();
  await dialog.getByRole('checkbox', { name: /Ben Osei/ }).check();
  await expect(dialog.getByText('2 people chosen')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Subject (optional)' }).fill('Plans');
  const chat = await opening(context, () => dialog.getByRole('button', { name: 'Start chat' }).click());
  await expect(popup.getByRole('dialog')).toHaveCount(0);
  await expect(chat.getByRole('heading', { level: 1 })).toHaveText('Plans');
  await expect(participants(chat)).toHaveText([/You/, /Echo Bot/, /Ben Osei/]);

  const composer = chat.getByRole('textbox', { name: 'Message' });
  await composer.fill('hello group');
  await composer.press('Enter');
  const echoed = chat.locator('.message-in', { hasText: 'Echo: hello group' });
  await expect(echoed).toBeVisible();
  await expect(echoed.locator('.message-sender')).toHaveText('Echo Bot');
  // Ben was added after IM was up: his arrival is a line of its own.
  await expect(chat.locator('.system-line[data-system="joined"]')).toContainText('Ben Osei joined');
  const fromBen = (await benConversation).conversationId;
  await ben.sendMessage(fromBen, { text: 'hi from ben' });
  const benSays = chat.locator('.message-in', { hasText: 'hi from ben' });
  await expect(benSays.locator('.message-sender')).toHaveText('Ben Osei');
  await axeScan(chat, 'group chat');
});

test('invited into a group: the participant list follows a leave live, and every message names its sender', async ({ context, popup, host }) => {
  await signInDemo(popup);
  expect(host.simulator.control.groupInvite({ from: 'lena@contoso.com', others: ['echo@contoso.com'], to: 'ana@contoso.com', subject: 'Offsite' })).toBe(true);
  const row = popup.getByRole('option', { name: /Offsite/ });
  await expect(row).toBeVisible();
  const chat = await opening(context, () => row.click());
  await expect(participants(chat)).toHaveText([/You/, /Lena Adler/, /Echo Bot/]);
  host.simulator.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'Welcome, Ana' });
  // The echo bot, also in the group, says it back: each of the two lines names its own sender.
  await expect(chat.locator('.message-in', { hasText: 'Welcome, Ana' }).locator('.message-sender')).toHaveText(['Lena Adler', 'Echo Bot']);
  host.simulator.control.hangUp({ from: 'lena@contoso.com', to: 'ana@contoso.com' });
  await expect(chat.locator('.system-line[data-system="left"]')).toContainText('Lena Adler left');
  await expect(participants(chat)).toHaveText([/You/, /Echo Bot/]);
});

test('the contact card from the popup and from the chat header: details, copy, mailto/tel links, Send message, keyboard', async ({ context, popup }) => {
  await signInDemo(popup);
  await popup.getByRole('searchbox', { name: 'Search people and messages' }).fill('Lena');
  await expect(popup.getByRole('option', { name: /Lena Adler/ }).first()).toBeVisible();
  const open = popup.getByRole('button', { name: 'Contact card of Lena Adler' });
  await expect(open).toBeVisible();
  await open.click();
  const card = popup.getByRole('dialog', { name: 'Contact card: Lena Adler' });
  await expect(card).toBeVisible();
  await expect(card.getByText('Sales')).toBeVisible();
  await expect(card.getByRole('link', { name: 'lena@contoso.com' })).toHaveAttribute('href', 'mailto:lena@contoso.com');
  const phone = card.getByRole('link', { name: /^\+1425555\d{4}$/ });
  await expect(phone).toHaveAttribute('href', /^tel:\+1425555\d{4}$/);
  await expect(card.getByText(/^Building \d, room \d+$/)).toBeVisible();
  await card.getByRole('button', { name: 'Copy lena@contoso.com' }).click();
  await expect(card.getByRole('status').filter({ hasText: 'Copied lena@contoso.com' })).toBeVisible();
  await axeScan(popup, 'contact card');
  // Keyboard: focus stays in the card, Esc closes it and gives the focus back.
  await popup.keyboard.press('Tab');
  expect(await card.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await popup.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(open).toBeFocused();

  await popup.getByRole('searchbox', { name: 'Search people and messages' }).fill('');
  const chat = await opening(context, () => popup.getByRole('option', { name: /Echo Bot/ }).first().click());
  await chat.getByRole('button', { name: 'Contact card of Echo Bot' }).click();
  const inChat = chat.getByRole('dialog', { name: 'Contact card: Echo Bot' });
  await expect(inChat.getByText('Replies with what you write')).toBeVisible();
  await inChat.getByRole('button', { name: 'Send message' }).click();
  await expect(inChat).toHaveCount(0);
});

test.describe('where the server keeps conversation logs', () => {
  test.use({ simulatorOptions: { conversationLogs: true } });

  test('a conversation missed while signed out is in the popup with a badge and opens in a chat', async ({ context, popup, host }) => {
    host.simulator.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'Call me when you are back' });
    await signInDemo(popup);
    const missed = popup.getByTestId('missed');
    await expect(missed.getByRole('heading', { name: /Missed conversations/ })).toBeVisible();
    await expect(popup.getByTestId('missed-badge')).toHaveText('1');
    await expect(popup.getByTestId('missed-badge')).toHaveAttribute('aria-label', '1 missed conversation');
    await axeScan(popup, 'popup with missed conversations');
    const chat = await opening(context, () => missed.getByRole('button', { name: 'Open the missed conversation with Lena Adler' }).click());
    await expect(chat.locator('.message-in', { hasText: 'Call me when you are back' })).toBeVisible();
    await expect(popup.getByTestId('missed')).toHaveCount(0);
  });
});

test('without conversation logs the popup shows no missed conversations', async ({ popup, host }) => {
  host.simulator.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'lost' });
  await signInDemo(popup);
  await expect(popup.getByRole('searchbox', { name: 'Search people and messages' })).toBeVisible();
  await expect(popup.getByTestId('missed')).toHaveCount(0);
});
