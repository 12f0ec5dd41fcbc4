// The presenter on each platform, driving the Electron fake as Electron documents notifications:
// Windows toasts reply inline and report through the `reply` event and Notification.handleActivation
// (both while the object lives, the latter alone from the Action Center or after a restart) — each
// reply is sent once; macOS replies inline; Linux has neither replies nor buttons, so a click opens
// the quick-reply window.
import type { NotificationConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NotificationDecision } from '../../../src/main/notifications/notification-policy';
import { NotificationPresenter } from '../../../src/main/notifications/notification-presenter';
import type { NotificationLike } from '../../../src/main/notifications/notification-presenter';
import { Notification, resetElectronFake, setFakePlatform } from '../../fakes/electron/index';
import type { FakePlatform } from '../../fakes/electron/index';

beforeEach(() => resetElectronFake());

const message = (conversationId: string, body: string): NotificationDecision => ({ kind: 'show', conversationId, title: 'Ben Osei', body, silent: false, replacesPrevious: false });

/** A presenter on `platform`, wired as the composition root wires it (handleActivation on Windows). */
function presenterOn(platform: FakePlatform) {
  setFakePlatform(platform);
  const log = { chats: [] as string[], quickReplies: [] as string[], sent: [] as [string, string][], failures: [] as string[] };
  let failNext = false;
  const presenter = new NotificationPresenter({
    createNotification: (options: NotificationConstructorOptions) => {
      const n = new Notification(options as Record<string, unknown>);
      if (options.title === 'Reply not sent') log.failures.push(String(options.body));
      return n as unknown as NotificationLike;
    },
    platform,
    openChat: (id) => log.chats.push(id),
    openQuickReply: (id) => log.quickReplies.push(id),
    reply: async (conversationId, text) => {
      if (failNext) {
        failNext = false;
        throw new Error('The server did not take it.');
      }
      log.sent.push([conversationId, text]);
    },
    accept: async () => undefined,
    decline: async () => undefined,
    dismissed: () => undefined,
  });
  if (platform === 'win32') Notification.handleActivation((details) => presenter.activated(details));
  return { presenter, log, failOnce: () => (failNext = true) };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Windows: a reply in the toast', () => {
  it('asks for a toast with a text box whose activations name our notification and its conversation', () => {
    const { presenter } = presenterOn('win32');
    presenter.present(message('chat:ben@contoso.com', 'Lunch <today> & "tomorrow"?'));
    const [toast] = Notification.shown;
    const xml = String(toast?.options.toastXml);
    expect(toast?.options.id).toMatch(/.+-1$/);
    expect(xml).toContain('<input id="reply" type="text"');
    expect(xml).toContain('hint-inputId="reply"');
    expect(xml).toContain('Lunch &lt;today&gt; &amp; &quot;tomorrow&quot;?');
    expect(xml).toContain('conversation=chat%3Aben%40contoso.com');
  });

  it('sends a reply once, though Electron reports it twice (the reply event and handleActivation)', async () => {
    const { presenter, log } = presenterOn('win32');
    presenter.present(message('chat:ben@contoso.com', 'Lunch?'));
    Notification.shown[0]?.reply('On my way');
    await settle();
    expect(log.sent).toEqual([['chat:ben@contoso.com', 'On my way']]);
  });

  it('a reply typed later in the Action Center (the object gone) reaches its conversation once', async () => {
    const { presenter, log } = presenterOn('win32');
    presenter.present(message('chat:ben@contoso.com', 'Lunch?'));
    presenter.present(message('chat:carl@contoso.com', 'Quick one'));
    // Ben's toast timed out into the Action Center; Carl's newer message took its place in nothing.
    Notification.shown[0]?.dismiss();
    Notification.shown[0]?.replyLater('Yes, 12:30');
    Notification.shown[0]?.replyLater('Yes, 12:30');
    await settle();
    expect(log.sent).toEqual([['chat:ben@contoso.com', 'Yes, 12:30']]);
  });

  it('a reply that started the app (before it listened) is sent once it does', async () => {
    setFakePlatform('win32');
    const earlier = new Notification({ toastXml: presenterToastFor('chat:dana@contoso.com') });
    earlier.replyLater('Sent from the Action Center');
    const { log } = presenterOn('win32');
    await settle();
    expect(log.sent).toEqual([['chat:dana@contoso.com', 'Sent from the Action Center']]);
  });

  it('a click on the toast opens the chat once; activations of other toasts are ignored', async () => {
    const { presenter, log } = presenterOn('win32');
    presenter.present(message('chat:ben@contoso.com', 'Lunch?'));
    Notification.shown[0]?.click();
    Notification.activateToast({ type: 'click', arguments: 'type=click&tag=12345' });
    Notification.activateToast({ type: 'reply', arguments: 'type=reply&id=&conversation=chat%3Aeve', reply: 'x' });
    Notification.activateToast({ type: 'reply', arguments: '%%%garbage', reply: 'x' });
    await settle();
    expect(log.chats).toEqual(['chat:ben@contoso.com']);
    expect(log.sent).toEqual([]);
  });

  it('a reply the server refuses is shown as not sent', async () => {
    const { presenter, log, failOnce } = presenterOn('win32');
    presenter.present(message('chat:ben@contoso.com', 'Lunch?'));
    failOnce();
    Notification.shown[0]?.reply('On my way');
    await settle();
    expect(log.failures).toEqual(['The server did not take it.']);
  });
});

describe('macOS and Linux', () => {
  it('macOS replies inline (hasReply), once', async () => {
    const { presenter, log } = presenterOn('darwin');
    presenter.present(message('chat:ben@contoso.com', 'Lunch?'));
    expect(Notification.shown[0]?.options).toMatchObject({ hasReply: true });
    Notification.shown[0]?.reply('Sure');
    await settle();
    expect(log.sent).toEqual([['chat:ben@contoso.com', 'Sure']]);
  });

  it('Linux: no reply field, no buttons; a click opens the quick-reply window', () => {
    const { presenter, log } = presenterOn('linux');
    presenter.present(message('chat:ben@contoso.com', 'Lunch?'));
    const [note] = Notification.shown;
    expect(note?.options.hasReply).toBeUndefined();
    expect(note?.options.actions).toBeUndefined();
    expect(note?.options.toastXml).toBeUndefined();
    note?.click();
    expect(log.quickReplies).toEqual(['chat:ben@contoso.com']);
    expect(log.chats).toEqual([]);
  });

  it('Linux: an invitation has no Accept / Decline buttons; its click opens the chat to answer there', () => {
    const { presenter, log } = presenterOn('linux');
    presenter.presentInvitation('chat:ben@contoso.com', 'Ben Osei wants to chat', 'Lunch?');
    const [note] = Notification.shown;
    expect(note?.options.actions).toBeUndefined();
    expect(() => note?.action(0)).toThrow(/no button/);
    note?.click();
    expect(log.chats).toEqual(['chat:ben@contoso.com']);
  });
});

/** The toast XML a previous run's presenter would have shown for `conversationId`. */
function presenterToastFor(conversationId: string): string {
  const shown = Notification.shown.length;
  const { presenter } = presenterOn('win32');
  presenter.present(message(conversationId, 'earlier'));
  const xml = String(Notification.shown[shown]?.options.toastXml);
  Notification.shown.length = shown;
  Notification.resetActivation();
  return xml;
}
