// Signing in through the real UI, the web dev host and the simulator.
import { expect, signInDemo, test, requireChromium } from './fixtures';

requireChromium();

test('the demo button signs in to the built-in simulator and shows my contacts', async ({ popup }) => {
  await signInDemo(popup);
  await expect(popup.locator('.me-name')).toHaveText('Ana Ruiz');
  await expect(popup.getByRole('combobox', { name: 'My presence' })).toHaveValue('Online');
  await expect(popup.getByRole('option', { name: /Ben Osei/ }).first()).toBeVisible();
  await expect(popup.getByRole('option', { name: /Echo Bot/ }).first()).toBeVisible();
  // Photos arrive as data: URLs (the page may load nothing from elsewhere).
  await expect(popup.locator('.me .avatar img')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(popup.getByRole('option', { name: /Ben Osei/ }).first().locator('img')).toHaveAttribute('src', /^data:image\/(png|jpeg);base64,/);
});

test('a wrong password is answered inline, in plain words, and the form keeps the address', async ({ popup, host }) => {
  await popup.getByLabel('Sign-in address').fill('ana@contoso.com');
  await popup.getByLabel('Password').fill('not-the-password');
  await popup.getByLabel(/^Server/).fill(host.simulator.url);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(popup.getByRole('alert')).toContainText('The address or password is not right');
  await expect(popup.getByLabel('Sign-in address')).toHaveValue('ana@contoso.com');
  await expect(popup.getByRole('button', { name: 'Sign in' })).toBeEnabled();
});

test('an unreachable server is named as such', async ({ popup }) => {
  await popup.getByLabel('Sign-in address').fill('ana@contoso.com');
  await popup.getByLabel('Password').fill('demo');
  await popup.getByLabel(/^Server/).fill('http://127.0.0.1:9/');
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(popup.getByRole('alert')).toContainText('could not be reached');
});

test('without encrypted storage, remember me is off and the page says why', async ({ popup }) => {
  await expect(popup.getByRole('checkbox', { name: 'Remember me' })).toBeDisabled();
  await expect(popup.getByText('your password will not be saved')).toBeVisible();
});

test('when the server ends the session for good, the popup says why and offers to sign in again', async ({ popup, host }) => {
  await signInDemo(popup);
  host.simulator.control.failNext({ count: 1, status: 410, path: '/events', subcode: 'CannotRedirect' });
  host.simulator.control.dropEventConnections('ana@contoso.com');
  const banner = popup.getByRole('status').filter({ hasText: 'The server ended the session' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Sign in again' }).click();
  await expect(popup.getByRole('button', { name: 'Try the demo' })).toBeVisible();
  await expect(popup.getByLabel('Sign-in address')).toHaveValue('ana@contoso.com');
});

test('a server outside the address domain is asked about once, and the password goes there only after yes', async ({ popup, host }) => {
  // Typed as localhost, the simulator names itself 127.0.0.1 in every link: another host.
  const typed = host.simulator.url.replace('127.0.0.1', 'localhost');
  await popup.getByLabel('Sign-in address').fill('ana@contoso.com');
  await popup.getByLabel('Password').fill('demo');
  await popup.getByLabel(/^Server/).fill(typed);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  const question = popup.getByRole('alertdialog', { name: 'Sign in to 127.0.0.1 for ana@contoso.com?' });
  await expect(question).toBeVisible();
  expect(host.simulator.control.requests().filter((r) => r.path.toLowerCase().includes('oauthtoken'))).toEqual([]);
  await question.getByRole('button', { name: 'Sign in to 127.0.0.1' }).click();
  await expect(popup.getByRole('searchbox', { name: 'Search people and messages' })).toBeVisible();
  expect(host.simulator.control.requests().filter((r) => r.path.toLowerCase().includes('oauthtoken')).length).toBeGreaterThan(0);
});
