// Issue #14: signing in with your organization (urn:microsoft.rtc:passive) in Chromium, through the
// web dev host's simulator. Chromium plays the app's sign-in window: the client's passive token
// fetcher opens the identity provider's page, the user signs in there, and the token request goes
// out with the cookies that page left in the browser's jar — nothing else carries them.
import type { BrowserContext, Page } from '@playwright/test';
import { UcwaClient } from '../../src/main/ucwa/index';
import { passiveTokenFetcher } from '../../src/main/network/passive-token-fetcher';
import type { IdentityWindow } from '../../src/main/network/passive-token-fetcher';
import { identityNavigationAllowed } from '../../src/main/windows/identity-window';
import { expect, requireChromium, test } from './fixtures';

requireChromium();
test.use({ simulatorOptions: { signInMethods: ['passive', 'password'] } });

/** A Chromium tab as the sign-in window: same rules as the app's (navigation only to the given hosts). */
function chromiumWindow(context: BrowserContext, opened: Page[]): (url: URL, hosts: readonly string[]) => IdentityWindow {
  return (url, hosts) => {
    const loaded: (() => void)[] = [];
    const closed: (() => void)[] = [];
    const page = context.newPage().then(async (tab) => {
      opened.push(tab);
      await tab.route('**/*', (route) => (route.request().isNavigationRequest() && !identityNavigationAllowed(route.request().url(), hosts) ? route.abort('blockedbyclient') : route.continue()));
      tab.on('load', () => loaded.forEach((l) => l()));
      tab.on('close', () => closed.forEach((l) => l()));
      await tab.goto(url.href);
      return tab;
    });
    return {
      onPageLoaded: (listener) => void loaded.push(listener),
      onClosed: (listener) => void closed.push(listener),
      close: () => void page.then((tab) => tab.close()),
    };
  };
}

test('passive sign-in: the identity page in Chromium sets the cookie, the token request carries it', async ({ context, host, pageErrors }) => {
  void pageErrors;
  const opened: Page[] = [];
  const fetcher = passiveTokenFetcher({
    // The browser context's request API shares the tabs' cookie jar, as the sign-in window's session does.
    session: {
      fetch: async (input, init) => {
        const answer = await context.request.fetch(String(input), { method: init?.method ?? 'GET', headers: init?.headers as Record<string, string>, data: init?.body as string, maxRedirects: 0 });
        return new Response(await answer.text(), { status: answer.status(), headers: answer.headers() });
      },
    },
    openWindow: chromiumWindow(context, opened),
  });
  const client = new UcwaClient({ server: host.simulator.url, user: 'ana@contoso.com', password: '', endpointId: 'browser-passive', signInMethod: 'passive', tokenFetcher: fetcher });
  const signedIn = client.signIn();
  await expect.poll(() => opened.length).toBe(1);
  const idp = opened[0] as Page;
  await expect(idp.getByRole('heading', { name: 'Sign in to Contoso' })).toBeVisible();
  // A wrong password first: the page says so, no token yet.
  await idp.getByLabel('User name').fill('ana@contoso.com');
  await idp.getByLabel('Password').fill('wrong');
  await idp.getByRole('button', { name: 'Sign in' }).click();
  await expect(idp.getByRole('alert')).toHaveText('The user name or password is incorrect.');
  await idp.getByLabel('User name').fill('ana@contoso.com');
  await idp.getByLabel('Password').fill('demo');
  await idp.getByRole('button', { name: 'Sign in' }).click();
  const me = await signedIn;
  expect(me.uri).toBe('sip:ana@contoso.com');
  // The sign-in window closes itself once the token is there.
  await expect.poll(() => idp.isClosed()).toBe(true);
  expect((await context.cookies()).map((c) => c.name)).toContain('SimFedAuth');
  await client.signOut();
});
