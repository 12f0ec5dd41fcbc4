// Each browser test gets its own web dev host (a real session service) and its own simulator,
// and fails on any page error or dialog: hostile content must never get to run.
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { startWebHost } from '../../src/dev/web-host';
import type { WebHost } from '../../src/dev/web-host';
import type { SimulatorOptions } from '../../src/simulator/index';
import { UcwaClient } from '../../src/main/ucwa/index';

const rendererDir = join(import.meta.dirname, '..', '..', 'out', 'renderer');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Called at the top of every browser spec. Without Chromium the tests skip and say how to get it —
 * except in CI, which installs it: there a missing browser must fail, not pass quietly.
 */
export function requireChromium(): void {
  base.skip(!existsSync(chromiumPath) && process.env.CI === undefined, `No Chromium at ${chromiumPath}: apt-get install chromium (or set CHROMIUM_PATH) to run the browser tests.`);
}

export interface BrowserFixtures {
  /** Extra simulator settings for one file (`test.use`). */
  readonly simulatorOptions: SimulatorOptions;
  readonly host: WebHost;
  /** Opens the popup page of the host. */
  readonly popup: Page;
  /** Signs another simulated user in (password "demo"), for writing to the demo user. */
  readonly otherUser: (user: string) => Promise<UcwaClient>;
  readonly pageErrors: string[];
}

export const test = base.extend<BrowserFixtures>({
  simulatorOptions: [{}, { option: true }],
  host: async ({ simulatorOptions }, use) => {
    if (!existsSync(join(rendererDir, 'popup.html'))) throw new Error('The renderer is not built: run npm run build first.');
    const host = await startWebHost({ rendererDir, simulator: { botDelayMs: 50, typingMs: 1_000, mediumPriorityMs: 300, ...simulatorOptions } });
    await use(host);
    await host.close();
  },
  pageErrors: async ({ context }, use) => {
    const errors: string[] = [];
    const watch = (page: Page): void => {
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('dialog', (dialog) => {
        errors.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
    };
    context.on('page', watch);
    await use(errors);
    expect(errors, 'no script error and no dialog in any page').toEqual([]);
  },
  popup: async ({ context, host, pageErrors }, use) => {
    void pageErrors;
    const page = await context.newPage();
    await page.goto(host.pageUrl('popup'));
    await use(page);
  },
  otherUser: async ({ host }, use) => {
    const clients: UcwaClient[] = [];
    await use(async (user) => {
      const client = new UcwaClient({ server: host.simulator.url, user, password: 'demo', endpointId: `browser-test-${user}` });
      clients.push(client);
      await client.signIn();
      await client.makeMeAvailable();
      return client;
    });
    await Promise.all(clients.map((c) => c.signOut().catch(() => undefined)));
  },
});

export { expect };

export async function signInDemo(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Try the demo' }).click();
  await expect(popup.getByRole('searchbox', { name: 'Search people and messages' })).toBeVisible();
}
