// "Accept incoming chats automatically" off, through the real UI and session: an incoming chat
// waits in the popup with Accept / Decline; Decline declines it on the server, Accept opens it.
import { expect, signInDemo, test, requireChromium } from './fixtures';

requireChromium();

test('with automatic accepting off, the popup offers Accept and Decline for an incoming chat', async ({ context, popup, host, otherUser }) => {
  await signInDemo(popup);
  const settings = await context.newPage();
  await settings.goto(host.pageUrl('settings'));
  const auto = settings.getByRole('checkbox', { name: /Accept incoming chats automatically/ });
  await expect(auto).toBeChecked();
  await auto.uncheck();
  await expect(auto).not.toBeChecked();
  await settings.close();

  const ben = await otherUser('ben@contoso.com');
  const declined = ben.startConversation({ to: 'ana@contoso.com', message: { text: 'Lunch?' } });
  declined.catch(() => undefined);
  const invitation = popup.getByRole('group', { name: 'Ben Osei wants to chat' });
  await expect(invitation).toContainText('Ben Osei wants to chat: “Lunch?”');
  await invitation.getByRole('button', { name: 'Decline' }).click();
  await expect(declined).rejects.toMatchObject({ code: 'invitation-failed', subcode: 'Declined' });
  await expect(invitation).toHaveCount(0);

  const accepted = ben.startConversation({ to: 'ana@contoso.com', message: { text: 'Coffee then?' } });
  await expect(invitation).toContainText('Coffee then?');
  const [chat] = await Promise.all([context.waitForEvent('page'), invitation.getByRole('button', { name: 'Accept' }).click()]);
  await accepted;
  await expect(chat.locator('.message-in', { hasText: 'Coffee then?' })).toBeVisible();
  await expect(invitation).toHaveCount(0);
  // The declined first line was kept too.
  await expect(chat.locator('.message-in', { hasText: 'Lunch?' })).toBeVisible();
});
