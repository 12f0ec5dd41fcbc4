// "Check my connection" on the sign-in form, through the web dev host to the real doctor and the
// simulator: a wrong password shows every step, the failing one with its fix, and nothing after it.
import AxeBuilder from '@axe-core/playwright';
import { expect, requireChromium, test } from './fixtures';
import { recordLoadedScripts } from './support/loaded-scripts';

requireChromium();

test('a wrong password: the steps up to the token pass, the token step fails with its fix, the application is not checked', async ({ popup, host }) => {
  await popup.getByLabel('Sign-in address').fill('ana@contoso.com');
  await popup.getByLabel('Password').fill('not-the-password');
  await popup.getByLabel(/^Server/).fill(host.simulator.url);
  await popup.getByRole('button', { name: 'Check my connection' }).click();
  const steps = popup.getByRole('list', { name: 'Connection check steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(8);
  await expect(steps.locator('.doctor-status')).toHaveText(['OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'Failed', 'Not checked']);
  await expect(steps.nth(0)).toContainText(`The server you gave: ${host.simulator.url}/autodiscover/autodiscoverservice.svc/root.`);
  await expect(steps.nth(5)).toContainText('grant types: urn:microsoft.rtc:windows, urn:microsoft.rtc:anonmeeting, password.');
  const token = steps.nth(6);
  await expect(token.locator('strong')).toHaveText('Password and token');
  await expect(token.locator('.doctor-seen')).toHaveText('The token service refused the sign-in address and password.');
  await expect(token.locator('.doctor-fix')).toContainText('The password (or the sign-in address) is wrong.');
  await expect(popup.locator('.doctor-summary')).toContainText('The password (or the sign-in address) is wrong.');
  // Checking does not sign in, and leaves the form as it was.
  await expect(popup.getByLabel('Sign-in address')).toHaveValue('ana@contoso.com');
  await expect(popup.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  expect(host.session.snapshot().connection.state).toBe('signed-out');
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page: popup }).include('.doctor').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), scheme).toEqual([]);
  }
});

test('without an address the check says what it needs first', async ({ popup }) => {
  await popup.getByRole('button', { name: 'Check my connection' }).click();
  await expect(popup.getByRole('alert')).toHaveText('Enter your sign-in address first: the check starts from it.');
});

test('the report waits for the doctor messages: loaded only when a check runs, and never a bare key on screen', async ({ context, host, pageErrors }) => {
  void pageErrors;
  const page = await context.newPage();
  const holding = recordLoadedScripts(page);
  // Every state of the page, before it is painted: any text that is a doctor key shown bare.
  await page.addInitScript(() => {
    const bare: string[] = [];
    Object.defineProperty(globalThis, '__bareDoctorKeys', { value: bare });
    new MutationObserver(() => {
      const found = /\bdoctor\.\w+/.exec(document.body?.textContent ?? '');
      if (found !== null) bare.push(found[0]);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(host.pageUrl('sign-in'));
  await page.getByLabel('Sign-in address').fill('ana@contoso.com');
  await page.waitForLoadState('networkidle');
  const withDoctorMessages = (): Promise<string[]> => holding('"doctor.summary.ok"');
  expect(await withDoctorMessages(), 'opening the window does not load the doctor messages').toEqual([]);

  await page.getByLabel(/^Server/).fill(host.simulator.url);
  await page.getByRole('button', { name: 'Check my connection' }).click();
  await expect(page.locator('.doctor-summary')).toContainText('Everything up to the password works');
  await expect(page.getByRole('list', { name: 'Connection check steps' }).getByRole('listitem')).toHaveCount(8);
  expect(await withDoctorMessages()).toHaveLength(1);
  expect(await page.evaluate(() => (globalThis as unknown as { __bareDoctorKeys: string[] }).__bareDoctorKeys)).toEqual([]);
});
