// What the chat tells about a conversation beyond its messages, through the real UI and session:
// that the other side left (and that writing again works), what an HTML message that shows nothing
// said, and that history could not be saved.
import { mkdirSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, signInDemo, test, requireChromium } from './fixtures';

requireChromium();

test('the chat says when the other side left; writing again restarts the conversation', async ({ context, popup, otherUser }) => {
  await signInDemo(popup);
  const ben = await otherUser('ben@contoso.com');
  ben.on((e) => {
    if (e.type === 'incomingInvitation') void ben.acceptInvitation(e.invitationId);
  });
  const heard: string[] = [];
  ben.on((e) => void (e.type === 'messageReceived' && heard.push(e.text)));
  const conversation = await ben.startConversation({ to: 'ana@contoso.com', message: { text: 'Quick question' } });
  const [chat] = await Promise.all([context.waitForEvent('page'), popup.getByRole('option', { name: /Ben Osei.*unread/ }).click()]);
  await expect(chat.locator('.message-in')).toHaveCount(1);
  await ben.leaveConversation(conversation);
  const left = chat.locator('.status-line', { hasText: 'Ben Osei left the conversation' });
  await expect(left).toBeVisible();

  const composer = chat.getByRole('textbox', { name: 'Message' });
  await composer.fill('Sorry, I was away. Still need me?');
  await composer.press('Enter');
  await expect(chat.locator('.message-out', { hasText: 'Still need me?' })).toHaveAttribute('data-delivery', 'delivered');
  await expect.poll(() => heard).toEqual(['Sorry, I was away. Still need me?']);
  // The line stays where it happened, above the new conversation.
  const order = await chat.locator('.status-line, .message').evaluateAll((nodes) => nodes.map((n) => (n.classList.contains('status-line') ? 'LEFT' : (n.textContent ?? '').includes('Quick question') ? 'question' : 'reply')));
  expect(order).toEqual(['question', 'LEFT', 'reply']);
});

test('HTML that sanitises to nothing shows its plain text, or says it could not be shown; the popup agrees', async ({ context, popup, host }) => {
  await signInDemo(popup);
  const lena = (text: string, html?: string) => host.simulator.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text, ...(html === undefined ? {} : { html }) });
  lena('Look at this');
  const row = popup.getByRole('option', { name: /Lena Adler/ }).first();
  await expect(row).toContainText('Look at this');
  const [chat] = await Promise.all([context.waitForEvent('page'), row.click()]);
  await expect(chat.locator('.message-in')).toHaveCount(1);
  lena('a photo of the whiteboard', '<img src="https://example.com/whiteboard.png">');
  await expect(chat.locator('.message-in').nth(1).locator('.bubble')).toHaveText('a photo of the whiteboard');
  await expect(row).toContainText('a photo of the whiteboard');
  lena('', '<img src="x"><script>window.__pwned = 1</script>');
  const last = chat.locator('.message-in').nth(2).locator('.bubble');
  await expect(last).toHaveText('[message could not be shown]');
  await expect(row).toContainText('[message could not be shown]');
  // No empty bubbles anywhere.
  const texts = await chat.locator('.bubble').evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? '').trim()));
  expect(texts.every((t) => t !== '')).toBe(true);
});

test('the chat says when history could not be saved, and clears the line once it is', async ({ context, popup, host }) => {
  await signInDemo(popup);
  const [chat] = await Promise.all([context.waitForEvent('page'), popup.getByRole('option', { name: /Echo Bot/ }).first().click()]);
  const composer = chat.getByRole('textbox', { name: 'Message' });
  await composer.fill('first');
  await composer.press('Enter');
  await expect(chat.locator('.message-in', { hasText: 'Echo: first' })).toBeVisible();
  // A folder takes the place of this conversation's history file.
  const [file] = readdirSync(host.historyDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && f.name.endsWith('.jsonl'));
  if (file === undefined) throw new Error('no history file');
  const path = join(file.parentPath, file.name);
  renameSync(path, `${path}.aside`);
  mkdirSync(path);
  await composer.fill('second');
  await composer.press('Enter');
  const line = chat.getByTestId('unsaved-history');
  await expect(line).toContainText('History could not be saved: a folder is where the history file should be — will retry.');
  await expect(chat.locator('.message-in', { hasText: 'Echo: second' })).toBeVisible();
  rmdirSync(path);
  renameSync(`${path}.aside`, path);
  await expect(line).toHaveCount(0, { timeout: 30_000 });
});
