// Issue #14: a proxy that wants a user name and password. The dev host routes the session through a
// real proxy (as the OS or a PAC file would name it); sign-in meets 407, the page asks for the
// proxy's credentials, and with them the sign-in goes through. Wrong ones are asked for again.
import { join } from 'node:path';
import { startWebHost } from '../../src/dev/web-host';
import { startTestProxy } from '../support/test-proxy';
import type { TestProxy } from '../support/test-proxy';
import { expect, requireChromium, test as base } from './fixtures';

requireChromium();

const test = base.extend<{ corporateProxy: TestProxy }>({
  corporateProxy: async ({ simulatorOptions }, use) => {
    void simulatorOptions; // Playwright needs a named fixture here; the proxy depends on nothing.
    const proxy = await startTestProxy({ credentials: { user: 'CONTOSO\\ana', password: 'Pr0xy pass' } });
    await use(proxy);
    await proxy.close();
  },
  host: async ({ corporateProxy: proxy }, use) => {
    const host = await startWebHost({ rendererDir: join(import.meta.dirname, '..', '..', 'out', 'renderer'), simulator: { botDelayMs: 50 }, proxy: proxy.url });
    await use(host);
    await host.close();
  },
});

test('the proxy asks for credentials: the page asks the user once, and sign-in goes through the proxy', async ({ popup, host, corporateProxy: proxy }) => {
  const proxyHost = new URL(proxy.url).host;
  await popup.getByLabel('Sign-in address').fill('ana@contoso.com');
  await popup.getByLabel('Password', { exact: true }).fill('demo');
  await popup.getByLabel(/^Server/).fill(host.simulator.url);
  await popup.getByRole('button', { name: 'Sign in', exact: true }).click();

  const question = popup.getByRole('alertdialog', { name: 'Your proxy needs a user name and password' });
  await expect(question).toBeVisible();
  await expect(question).toContainText(`The proxy ${proxyHost} asks for them`);
  expect(host.simulator.requestLog.toArray()).toEqual([]);

  // Wrong first: asked again, told why.
  await question.getByLabel('Proxy user name').fill('CONTOSO\\ana');
  await question.getByLabel('Proxy password').fill('not it');
  await question.getByRole('button', { name: 'Continue signing in' }).click();
  await expect(question).toContainText(`The proxy ${proxyHost} did not accept that user name and password.`);

  await question.getByLabel('Proxy user name').fill('CONTOSO\\ana');
  await question.getByLabel('Proxy password').fill('Pr0xy pass');
  await question.getByRole('button', { name: 'Continue signing in' }).click();
  await expect(popup.getByRole('searchbox', { name: 'Search people and messages' })).toBeVisible();
  expect(proxy.tunnels).toContain(new URL(host.simulator.url).host);
});
