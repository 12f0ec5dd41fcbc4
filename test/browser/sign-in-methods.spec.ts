// Issue #14: the sign-in page asks the server which methods it offers and shows those; choosing
// Windows hides the password field.
import { expect, requireChromium, test } from './fixtures';

requireChromium();
test.use({ simulatorOptions: { signInMethods: ['windows', 'passive', 'password'] } });

test('the methods the challenge lists, and no password field for Windows sign-in', async ({ popup, host, pageErrors }) => {
  void pageErrors;
  await popup.getByLabel('Sign-in address').fill('ana@contoso.com');
  await popup.getByLabel('Server').fill(host.simulator.url);
  await expect(popup.getByRole('radio')).toHaveCount(0);
  await popup.getByRole('button', { name: 'Find sign-in methods' }).click();
  await expect(popup.getByRole('status')).toHaveText('The server offers 3 methods.');
  await expect(popup.getByRole('radio', { name: 'Sign in with Windows' })).toBeVisible();
  await expect(popup.getByRole('radio', { name: 'Sign in with your organization' })).toBeVisible();
  await popup.getByRole('radio', { name: 'Sign in with Windows' }).check();
  await expect(popup.locator('input[name="password"]')).toHaveCount(0);
  await popup.getByRole('radio', { name: 'Password' }).check();
  await expect(popup.locator('input[name="password"]')).toHaveCount(1);
});
