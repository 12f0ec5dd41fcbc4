// Chatting through the real UI: the echo bot, another simulated user, presence and unread counts.
import type { BrowserContext, Page } from '@playwright/test';
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DIRECTORY } from '../../src/simulator/index';
import { expect, signInDemo, test, requireChromium } from './fixtures';

requireChromium();

/** Says something to the echo bot in a chat and waits for the echo. */
async function echo(chat: Page, text: string): Promise<void> {
  const composer = chat.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
  await expect(chat.locator('.message-in', { hasText: text })).toBeVisible();
}

async function openChatFrom(context: BrowserContext, popup: Page, name: RegExp): Promise<Page> {
  const [chat] = await Promise.all([context.waitForEvent('page'), popup.getByRole('option', { name }).first().click()]);
  await chat.waitForLoadState();
  return chat;
}

test('messages go to the echo bot and its answers come back, marked delivered', async ({ context, popup }) => {
  await signInDemo(popup);
  const chat = await openChatFrom(context, popup, /Echo Bot/);
  await expect(chat.getByRole('heading', { level: 1 })).toHaveText('Echo Bot');
  await expect(chat).toHaveTitle('Echo Bot');
  const composer = chat.getByRole('textbox', { name: 'Message' });
  await composer.fill('Hello from the browser');
  await composer.press('Enter');
  const mine = chat.locator('.message-out', { hasText: 'Hello from the browser' });
  await expect(mine).toHaveAttribute('data-delivery', 'delivered');
  await expect(chat.locator('.message-in').last()).toContainText('Hello from the browser');
  await expect(composer).toHaveValue('');
});

test('Shift+Enter makes a new line; Enter sends both lines as one message', async ({ context, popup }) => {
  await signInDemo(popup);
  const chat = await openChatFrom(context, popup, /Echo Bot/);
  const composer = chat.getByRole('textbox', { name: 'Message' });
  await composer.pressSequentially('first line');
  await composer.press('Shift+Enter');
  await composer.pressSequentially('second line');
  await expect(composer).toHaveValue('first line\nsecond line');
  await composer.press('Enter');
  await expect(chat.locator('.message-out .message-text').last()).toHaveText('first line\nsecond line');
});

test('a message from another user raises the unread count and appears in its chat', async ({ context, popup, otherUser }) => {
  await signInDemo(popup);
  const ben = await otherUser('ben@contoso.com');
  await expect(popup.getByTestId('unread-total')).toHaveCount(0);
  const lunch = await ben.startConversation({ to: 'ana@contoso.com', subject: 'Lunch', message: { text: 'Lunch at noon?' } });
  await expect(popup.getByTestId('unread-total')).toHaveText('1 unread');
  const row = popup.getByRole('option', { name: /Ben Osei.*1 unread/ });
  await expect(row).toBeVisible();
  const [chat] = await Promise.all([context.waitForEvent('page'), row.click()]);
  await expect(chat.locator('.message-in')).toHaveCount(1);
  await expect(chat.locator('.message-in')).toContainText('Lunch at noon?');
  await expect(popup.getByTestId('unread-total')).toHaveCount(0);
  await expect(popup.getByRole('option', { name: /Ben Osei/ }).first()).not.toContainText('unread');
  // With the chat open and focused, new messages are read as they arrive: no unread, no count.
  await ben.sendMessage(lunch, { text: 'Table for two?' });
  await expect(chat.locator('.message-in', { hasText: 'Table for two?' })).toBeVisible();
  await expect(popup.getByTestId('unread-total')).toHaveCount(0);
});

test('a chat opened with unread messages marks where they start with a "New messages" line', async ({ context, popup, otherUser }) => {
  await signInDemo(popup);
  const ben = await otherUser('ben@contoso.com');
  const conversation = await ben.startConversation({ to: 'ana@contoso.com', message: { text: 'First, already read' } });
  const [first] = await Promise.all([context.waitForEvent('page'), popup.getByRole('option', { name: /Ben Osei.*unread/ }).click()]);
  await expect(first.locator('.message-in')).toHaveCount(1);
  await expect(first.getByRole('separator', { name: 'New messages' })).toBeVisible();
  await first.close();
  await ben.sendMessage(conversation, { text: 'Second, unread' });
  await ben.sendMessage(conversation, { text: 'Third, unread' });
  await expect(popup.getByTestId('unread-total')).toHaveText('2 unread');
  const [chat] = await Promise.all([context.waitForEvent('page'), popup.getByRole('option', { name: /Ben Osei.*2 unread/ }).click()]);
  await expect(chat.locator('.message-in')).toHaveCount(3);
  const order = await chat.locator('.unread-line, .message-in').evaluateAll((nodes) => nodes.map((n) => (n.classList.contains('unread-line') ? 'NEW' : (n.textContent ?? '').replace(/.*(First|Second|Third).*/, '$1'))));
  expect(order).toEqual(['First', 'NEW', 'Second', 'Third']);
  await expect(popup.getByTestId('unread-total')).toHaveCount(0);
});

test("a contact's presence change moves its dot", async ({ popup, otherUser }) => {
  await signInDemo(popup);
  const carl = popup.getByRole('option', { name: /Carl Berg/ }).first();
  await expect(carl.locator('.presence-dot')).toHaveAttribute('data-availability', 'Offline');
  const carlsClient = await otherUser('carl@contoso.com');
  await expect(carl.locator('.presence-dot')).toHaveAttribute('data-availability', 'Online');
  await carlsClient.setMyNote('Heads down');
  await carlsClient.setMyPresence('DoNotDisturb');
  await expect(carl.locator('.presence-dot')).toHaveAttribute('data-availability', 'DoNotDisturb');
  await expect(carl.locator('.presence-dot')).toHaveAccessibleName('Do not disturb');
  await expect(carl).toContainText('Heads down');
});

test('my presence and note are set from the popup', async ({ popup, otherUser }) => {
  await signInDemo(popup);
  await popup.getByRole('combobox', { name: 'My presence' }).selectOption('Busy');
  await expect(popup.locator('.me .presence-dot')).toHaveAttribute('data-availability', 'Busy');
  const note = popup.getByRole('textbox', { name: 'My note' });
  await note.fill('In the lab today');
  await note.press('Enter');
  const ben = await otherUser('ben@contoso.com');
  await ben.getContacts();
  await expect.poll(() => ben.getContactNote('ana@contoso.com')).toBe('In the lab today');
  await expect.poll(async () => (await ben.getContactPresence('ana@contoso.com')).availability).toBe('Busy');
});

test.describe('with Dana outside my contact list', () => {
  test.use({
    simulatorOptions: {
      directory: { ...DEMO_DIRECTORY, contactLists: { 'sip:ana@contoso.com': [{ id: 'team', name: 'Team', kind: 'group', members: ['sip:ben@contoso.com', 'sip:carl@contoso.com', 'sip:echo@contoso.com'] }] } },
    },
  });

test('search finds contacts as I type, then people from the directory', async ({ popup }) => {
  await signInDemo(popup);
  const search = popup.getByRole('searchbox', { name: 'Search people and messages' });
  await search.fill('dana');
  await expect(popup.locator('[role="option"][data-section="matches"]')).toHaveCount(0);
  await expect(popup.locator('[role="option"][data-section="directory"]', { hasText: 'Dana Kim' })).toBeVisible();
  await search.fill('ben');
  await expect(popup.locator('[role="option"][data-section="matches"]', { hasText: 'Ben Osei' })).toBeVisible();
});
});

test('the chat header shows when the other side is typing, and my typing reaches them', async ({ context, popup, otherUser }) => {
  await signInDemo(popup);
  const ben = await otherUser('ben@contoso.com');
  const typingSeen = new Promise<void>((resolve) => {
    ben.on((event) => {
      if (event.type === 'typingChanged' && event.isTyping) resolve();
    });
  });
  const conversation = await ben.startConversation({ to: 'ana@contoso.com', message: { text: 'Got a minute?' } });
  const [chat] = await Promise.all([context.waitForEvent('page'), popup.getByRole('option', { name: /Ben Osei.*unread/ }).click()]);
  await expect(chat.locator('.message-in')).toHaveCount(1);
  await ben.setTyping(conversation);
  await expect(chat.locator('.chat-sub')).toHaveText('Ben Osei is typing…');
  await chat.getByRole('textbox', { name: 'Message' }).pressSequentially('Sure');
  await typingSeen;
});

test('a message the server refuses is shown as not delivered, and Retry sends it', async ({ context, popup, host }) => {
  await signInDemo(popup);
  const chat = await openChatFrom(context, popup, /Echo Bot/);
  const composer = chat.getByRole('textbox', { name: 'Message' });
  await echo(chat, 'warm-up');
  host.simulator.control.failNext({ count: 1, status: 403, method: 'POST', path: '/messaging/messages' });
  await composer.fill('this one is refused');
  await composer.press('Enter');
  const refused = chat.locator('.message-out', { hasText: 'this one is refused' });
  await expect(refused).toHaveAttribute('data-delivery', 'failed');
  await expect(refused.getByRole('alert')).toContainText('Not delivered');
  await refused.getByRole('button', { name: 'Retry' }).click();
  await expect(refused).toHaveAttribute('data-delivery', 'delivered');
  await expect(chat.locator('.message-out', { hasText: 'this one is refused' })).toHaveCount(1);
});

test('the search box finds past messages too, and Enter opens their conversation', async ({ context, popup }) => {
  await signInDemo(popup);
  const chat = await openChatFrom(context, popup, /Echo Bot/);
  await echo(chat, 'The quarterly numbers look like a pineapple');
  await chat.close();
  const search = popup.getByRole('searchbox', { name: 'Search people and messages' });
  await search.fill('pineapple');
  const hits = popup.locator('[role="option"][data-section="messages"]');
  await expect(hits.first()).toContainText('Echo Bot');
  await expect(hits.first()).toContainText('pineapple');
  await expect(popup.locator('[role="option"][aria-selected="true"]')).toHaveAttribute('data-section', 'messages');
  const [reopened] = await Promise.all([context.waitForEvent('page'), search.press('Enter')]);
  await expect(reopened.locator('.message', { hasText: 'pineapple' }).first()).toBeVisible();
});

test('after signing out and in again, recent conversations and their history come back', async ({ context, popup }) => {
  await signInDemo(popup);
  const chat = await openChatFrom(context, popup, /Echo Bot/);
  await echo(chat, 'Remember this, please');
  await chat.close();
  await popup.getByRole('button', { name: 'Sign out' }).click();
  await expect(popup.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  await signInDemo(popup);
  const recent = popup.locator('[role="option"][data-kind="conversation"]', { hasText: 'Echo Bot' });
  await expect(recent).toBeVisible();
  const [reopened] = await Promise.all([context.waitForEvent('page'), recent.click()]);
  await expect(reopened.locator('.message-out', { hasText: 'Remember this, please' })).toBeVisible();
  await expect(reopened.locator('.message-in', { hasText: 'Remember this, please' })).toBeVisible();
});

test('damaged lines in the saved history are skipped, and the chat says so', async ({ context, popup, host }) => {
  await signInDemo(popup);
  const chat = await openChatFrom(context, popup, /Echo Bot/);
  await echo(chat, 'Kept safe');
  await chat.close();
  await popup.getByRole('button', { name: 'Sign out' }).click();
  // As after a crash mid-write: one line cut short.
  const files = readdirSync(host.historyDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && f.name.endsWith('.jsonl'));
  expect(files).toHaveLength(1);
  const file = files[0];
  if (file === undefined) throw new Error('no history file');
  appendFileSync(join(file.parentPath, file.name), '{"v":1,"c":"0000","m":{"id":"cut sh');
  await signInDemo(popup);
  const [reopened] = await Promise.all([context.waitForEvent('page'), popup.locator('[role="option"][data-kind="conversation"]', { hasText: 'Echo Bot' }).click()]);
  await expect(reopened.getByRole('status').filter({ hasText: 'damaged' })).toHaveText("One line of this conversation's saved history was damaged and could not be shown.");
  await expect(reopened.locator('.message-out', { hasText: 'Kept safe' })).toBeVisible();
});
