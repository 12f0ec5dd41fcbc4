// Large models through the real UI: a conversation with 10,000 messages and a contact list of
// 5,000 people. Only a window of rows is in the DOM, and nothing gets lost or jumps.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serveStatic } from '../../src/dev/static-files';
import { requireChromium } from './fixtures';
import { installFakeBridge } from './support/fake-bridge';

requireChromium();

const rendererDir = join(import.meta.dirname, '..', '..', 'out', 'renderer');
let server: Server;
let origin = '';

test.beforeAll(async () => {
  if (!existsSync(join(rendererDir, 'chat.html'))) throw new Error('The renderer is not built: run npm run build first.');
  server = createServer((req, res) => void serveStatic(rendererDir, new URL(req.url ?? '/', 'http://x').pathname, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const pageErrors: string[] = [];
test.beforeEach(({ page }) => {
  pageErrors.length = 0;
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
test.afterEach(() => expect(pageErrors, 'no script error in the page').toEqual([]));

test('10,000 messages: a small DOM, pages loaded while scrolling up, position kept', async ({ page }) => {
  await page.addInitScript(installFakeBridge, { messages: 10_000, contacts: 10 });
  await page.setViewportSize({ width: 420, height: 560 });
  await page.goto(`${origin}/chat.html?conversation=c1`);
  const log = page.getByRole('log', { name: 'Messages' });
  // Opens at the newest message.
  await expect(page.locator('.message', { hasText: 'message 9999:' })).toBeInViewport();
  expect(await page.locator('.message').count()).toBeLessThan(80);

  // Scroll up a page at a time; older pages arrive and the message under the top edge stays put.
  for (let step = 0; step < 40; step++) {
    const before = await page.evaluate(() => {
      const scroller = document.querySelector('.virtual-scroller') as HTMLElement;
      const top = scroller.getBoundingClientRect().top + 50;
      const row = [...scroller.querySelectorAll<HTMLElement>('[data-row-key]')].find((r) => r.getBoundingClientRect().bottom > top);
      return { key: row?.dataset.rowKey ?? '', y: row?.getBoundingClientRect().top ?? 0 };
    });
    // The scroll event, then two frames: the list has re-rendered for it (and for any page it loaded).
    await log.evaluate(
      (element) =>
        new Promise<void>((resolve) => {
          element.addEventListener('scroll', () => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), { once: true });
          element.scrollBy(0, -200);
        }),
    );
    const after = await page.evaluate((key) => document.querySelector<HTMLElement>(`[data-row-key="${key}"]`)?.getBoundingClientRect().top ?? null, before.key);
    if (after !== null) expect(Math.abs(after - (before.y + 200)), `row ${before.key} moved by the scroll only`).toBeLessThan(3);
  }
  const calls = await page.evaluate(() => (window as unknown as { __fakeBridgeCalls: string[] }).__fakeBridgeCalls);
  expect(calls.filter((c) => c.startsWith('getHistory:')).length).toBeGreaterThan(1);
  expect(await page.locator('.message').count()).toBeLessThan(80);

  // Jump to the very top: the oldest message arrives after enough pages.
  const oldest = page.locator('.message', { hasText: 'message 0:' });
  for (let jump = 0; jump < 200 && (await oldest.count()) === 0; jump++) {
    await log.evaluate((element) => element.scrollTo(0, 0));
    await page.waitForTimeout(40);
  }
  await log.evaluate((element) => element.scrollTo(0, 0));
  await expect(oldest).toBeInViewport();
  expect(await page.locator('.message').count()).toBeLessThan(80);
});

test('sending from a long conversation scrolls to the new message', async ({ page }) => {
  await page.addInitScript(installFakeBridge, { messages: 2_000, contacts: 10 });
  await page.goto(`${origin}/chat.html?conversation=c1`);
  await expect(page.locator('.message', { hasText: 'message 1999:' })).toBeInViewport();
  await page.getByRole('textbox', { name: 'Message' }).fill('a brand new line');
  await page.keyboard.press('Enter');
  await expect(page.locator('.message', { hasText: 'a brand new line' })).toBeInViewport();
});

test('5,000 contacts: a small DOM, the keyboard walks the whole list, the filter narrows it', async ({ page }) => {
  await page.addInitScript(installFakeBridge, { messages: 0, contacts: 5_000 });
  await page.setViewportSize({ width: 360, height: 560 });
  await page.goto(`${origin}/popup.html`);
  const search = page.getByRole('searchbox', { name: 'Search people and messages' });
  await expect(search).toBeFocused();
  const list = page.getByRole('listbox', { name: 'Contacts and conversations' });
  expect(await list.getByRole('option').count()).toBeLessThan(100);
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  const active = page.locator('[role="option"][aria-selected="true"]');
  // Row 0 is the recent conversation; the 39th contact follows.
  await expect(active).toContainText(' 38');
  await expect(active).toBeInViewport();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowUp');
  await expect(active).toContainText(' 33');
  await expect(active).toBeInViewport();
  await search.fill('omar 1');
  await expect(list.getByRole('option').first()).toContainText('Omar');
  // Directory and history answers arrive after a pause in typing; the list stays whole once they are in.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __fakeBridgeCalls: string[] }).__fakeBridgeCalls.filter((c) => c === 'search:omar 1' || c === 'searchHistory:omar 1').length)).toBe(2);
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await expect(list.getByRole('option').first()).toContainText('Omar');
  expect(await list.getByRole('option').count()).toBeLessThanOrEqual(50);
});
