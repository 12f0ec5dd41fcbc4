// The packaged flows through the real Electron runtime. They run wherever the Electron binary is
// installed (npm install without ELECTRON_SKIP_BINARY_DOWNLOAD) and skip, saying why, elsewhere.
// Each test gets its own profile (UCWA_TRAY_PROFILE), so settings and history never leak between them.
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronRuntime } from '../../scripts/electron-runtime.mjs';
import { UcwaClient } from '../../src/main/ucwa/index';

const root = join(import.meta.dirname, '..', '..');
// Not require('electron'): since Electron 45 that starts a download when the runtime is missing.
const { binary } = electronRuntime();
const built = existsSync(join(root, 'out', 'main', 'index.js')) && existsSync(join(root, 'out', 'renderer', 'popup.html'));

async function launch(): Promise<{ app: ElectronApplication; popup: Page; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'ucwa-tray-e2e-'));
  const app = await electron.launch({ executablePath: binary ?? '', args: [root], env: { ...process.env, UCWA_TRAY_PROFILE: profile } });
  const popup = await app.firstWindow();
  return {
    app,
    popup,
    close: async () => {
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function signInDemo(popup: Page): Promise<string> {
  await popup.getByRole('button', { name: 'Try the demo' }).click();
  await expect(popup.getByRole('searchbox', { name: 'Search people and messages' })).toBeVisible();
  // getSnapshot, not getSettings: the popup may call only what its page uses (PAGE_METHODS).
  const snapshot = await popup.evaluate(() => (window as unknown as { ucwa: { getSnapshot(input: object): Promise<{ ok: boolean; value?: { settings: { account: { server: string } } } }> } }).ucwa.getSnapshot({}));
  return snapshot.value?.settings.account.server ?? '';
}

test.describe('Electron app', () => {
  test.skip(binary === undefined, 'The Electron runtime is not installed (its download failed or was skipped; `npm run electron:install` fetches it): the app cannot start here.');
  test.skip(!built, 'The app is not fully built yet (out/main and out/renderer are needed): run npm run build.');

  test('starts with an isolated window that sees only the bridge', async () => {
    const { popup, close } = await launch();
    // The page itself proves isolation: no Node, no require, only the bridge.
    expect(await popup.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await popup.evaluate(() => typeof (window as unknown as { ucwa?: unknown }).ucwa)).toBe('object');
    expect(await popup.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await close();
  });

  test('demo sign-in, then a chat with the echo bot in its own window', async () => {
    const { app, popup, close } = await launch();
    await signInDemo(popup);
    await popup.getByRole('searchbox', { name: 'Search people and messages' }).fill('echo');
    const [chat] = await Promise.all([app.waitForEvent('window'), popup.keyboard.press('Enter')]);
    await chat.getByRole('textbox', { name: 'Message' }).fill('Hello from Electron');
    await chat.keyboard.press('Enter');
    await expect(chat.locator('.message-out', { hasText: 'Hello from Electron' })).toHaveAttribute('data-delivery', 'delivered');
    await expect(chat.locator('.message-in', { hasText: 'Hello from Electron' })).toBeVisible();
    await close();
  });

  test('an incoming message gives one notification; my presence in Do not disturb suppresses the next', async () => {
    const { app, popup, close } = await launch();
    const server = await signInDemo(popup);
    await app.evaluate(({ Notification }) => {
      const shown: { title: string; body: string }[] = [];
      (globalThis as unknown as { shown: typeof shown }).shown = shown;
      const original = Notification.prototype.show;
      Notification.prototype.show = function show(this: Electron.Notification) {
        shown.push({ title: this.title, body: this.body });
        original.call(this);
      };
    });
    const ben = new UcwaClient({ server, user: 'ben@contoso.com', password: 'demo', endpointId: 'e2e-ben' });
    await ben.signIn();
    await ben.makeMeAvailable();
    const conversation = await ben.startConversation({ to: 'ana@contoso.com', message: { text: 'Are you there?' } });
    await expect.poll(() => app.evaluate(() => (globalThis as unknown as { shown: { title: string; body: string }[] }).shown)).toEqual([{ title: 'Ben Osei', body: 'Are you there?' }]);
    await popup.getByRole('combobox', { name: 'My presence' }).selectOption('DoNotDisturb');
    await ben.sendMessage(conversation, { text: 'Hello?' });
    await expect(popup.getByTestId('unread-total')).toHaveText('2 unread');
    expect(await app.evaluate(() => (globalThis as unknown as { shown: unknown[] }).shown.length)).toBe(1);
    await ben.signOut();
    await close();
  });
});
