// The packaged flows through the real Electron runtime. They run wherever the Electron binary is
// installed (npm install without ELECTRON_SKIP_BINARY_DOWNLOAD) and skip, saying why, elsewhere.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..', '..');

function electronBinary(): string | undefined {
  try {
    const path: unknown = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const built = existsSync(join(root, 'out', 'main', 'index.js')) && existsSync(join(root, 'out', 'renderer', 'popup.html'));

test.describe('Electron app', () => {
  test.skip(binary === undefined, 'The Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1): the app cannot start here.');
  test.skip(!built, 'The app is not fully built yet (out/main and out/renderer are needed): run npm run build.');

  test('starts with an isolated window that sees only the bridge', async () => {
    const app = await electron.launch({ executablePath: binary ?? '', args: [root] });
    const window = await app.firstWindow();
    // The page itself proves isolation: no Node, no require, only the bridge.
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => typeof (window as unknown as { ucwa?: unknown }).ucwa)).toBe('object');
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await app.close();
  });
});
