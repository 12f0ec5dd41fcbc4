// Notifications end to end in plain Node: the session service and the real simulator, the
// policy, and the presenter driving the electron fake's Notification.
import type { NotificationConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { NotificationPolicy } from '../../../src/main/notifications/notification-policy';
import { NotificationPresenter } from '../../../src/main/notifications/notification-presenter';
import type { NotificationLike } from '../../../src/main/notifications/notification-presenter';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import { UcwaClient } from '../../../src/main/ucwa/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { Notification, resetElectronFake, setFakePlatform } from '../../fakes/electron';
import { clientFor, startSim } from '../../support/simulator';

beforeEach(() => resetElectronFake());

function app(sim: UcwaSimulator, platform: 'darwin' | 'linux' | 'win32' = 'darwin') {
  // The fake plays the same platform as the presenter: Electron's notifications differ per OS.
  setFakePlatform(platform);
  const opened: string[] = [];
  const quickReplies: string[] = [];
  const settings = new InMemorySettings();
  const policy = new NotificationPolicy();
  const ref: { service?: SessionService } = {};
  const presenter = new NotificationPresenter({
    createNotification: (options: NotificationConstructorOptions) => new Notification(options as Record<string, unknown>) as unknown as NotificationLike,
    platform,
    openChat: (id) => opened.push(id),
    openQuickReply: (id) => quickReplies.push(id),
    reply: async (conversationId, text) => {
      await ref.service?.handlers().sendMessage({ conversationId, text }, { windowId: 0 });
    },
    accept: async (conversationId) => {
      await ref.service?.handlers().acceptInvitation({ conversationId }, { windowId: 0 });
    },
    decline: async (conversationId) => {
      await ref.service?.handlers().declineInvitation({ conversationId }, { windowId: 0 });
    },
    dismissed: (id) => policy.dismissed(id),
  });
  const service = new SessionService({
    createClient: (o) => new UcwaClient({ ...o, endpointId: `notify-${o.user}`, invitationTimeoutMs: 3_000, deliveryTimeoutMs: 3_000 }),
    settings,
    vault: { canRemember: () => false, save: () => false, load: () => undefined, clear: () => undefined },
    windows: { openChat: (id) => opened.push(id), openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
    notify: {
      incomingMessage: (message: ChatMessage, title: string) =>
        presenter.present(policy.decide(message, title, { settings: settings.get().notifications, myAvailability: ref.service?.snapshot().me?.presence.availability ?? 'Online', isChatFocused: () => false })),
      incomingInvitation: (conversationId: string, fromName: string, firstMessage: string | undefined) => presenter.presentInvitation(conversationId, `${fromName} wants to chat`, firstMessage ?? 'Accept or decline.'),
      invitationEnded: (conversationId: string) => presenter.clear(conversationId),
    },
    demo: { start: async () => ({ server: sim.url, user: 'ana@contoso.com', password: 'demo' }) },
    push: () => undefined,
  });
  ref.service = service;
  return { service, opened, quickReplies, settings };
}

describe('notifications', () => {
  it('an incoming message gives exactly one notification; a newer one replaces it; a click opens the chat', async () => {
    const sim = await startSim();
    const { service, opened } = app(sim);
    await service.handlers().signInDemo({}, { windowId: 1 });
    const ben = clientFor(sim, 'ben@contoso.com');
    await ben.signIn();
    const conversation = await ben.startConversation({ to: 'ana@contoso.com', message: { text: 'Got a minute?' } });
    await expect.poll(() => Notification.shown.length).toBe(1);
    expect(Notification.shown[0]?.options).toMatchObject({ title: 'Ben Osei', body: 'Got a minute?', silent: false, hasReply: true });
    await ben.sendMessage(conversation, { text: 'It is about the release' });
    await expect.poll(() => Notification.shown.length).toBe(2);
    expect(Notification.shown[0]?.visible).toBe(false);
    Notification.shown[1]?.click();
    expect(opened).toEqual(['chat:ben@contoso.com']);
  });

  it('a reply typed into the notification reaches the sender through the simulator', async () => {
    const sim = await startSim();
    const { service } = app(sim);
    await service.handlers().signInDemo({}, { windowId: 1 });
    const ben = clientFor(sim, 'ben@contoso.com');
    await ben.signIn();
    await ben.startConversation({ to: 'ana@contoso.com', message: { text: 'Ping?' } });
    await expect.poll(() => Notification.shown.length).toBe(1);
    const reply = ben.waitFor('messageReceived', (e) => e.text === 'Pong!');
    Notification.shown[0]?.reply('Pong!');
    expect((await reply).from.name).toBe('Ana Ruiz');
  });

  it('Do Not Disturb suppresses; on Linux (no inline reply, no buttons) a click opens the quick-reply window', async () => {
    const sim = await startSim();
    const { service, quickReplies } = app(sim, 'linux');
    await service.handlers().signInDemo({}, { windowId: 1 });
    await service.handlers().setPresence({ availability: 'DoNotDisturb' }, { windowId: 1 });
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'quiet please' });
    await expect.poll(() => service.snapshot().unreadTotal).toBe(1);
    expect(Notification.shown).toHaveLength(0);
    await service.handlers().setPresence({ availability: 'Online' }, { windowId: 1 });
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'now?' });
    await expect.poll(() => Notification.shown.length).toBe(1);
    expect(Notification.shown[0]?.options).toMatchObject({ body: 'now?' });
    expect(Notification.shown[0]?.options.actions).toBeUndefined();
    expect(() => Notification.shown[0]?.reply('inline?')).toThrow(/no reply field/);
    Notification.shown[0]?.click();
    expect(quickReplies).toEqual(['chat:lena@contoso.com']);
  });
});

describe('invitations, when chats are not accepted automatically', () => {
  async function waitingInvitation(sim: UcwaSimulator) {
    // Accept / Decline buttons exist on macOS and Windows (Linux opens the chat instead).
    const harness = app(sim, 'darwin');
    harness.settings.update({ acceptChatsAutomatically: false });
    await harness.service.handlers().signInDemo({}, { windowId: 1 });
    const ben = clientFor(sim, 'ben@contoso.com');
    await ben.signIn();
    let settled = false;
    const started = ben.startConversation({ to: 'ana@contoso.com', message: { text: 'Lunch?' } }).finally(() => (settled = true));
    started.catch(() => undefined);
    await expect.poll(() => Notification.shown.length).toBe(1);
    const note = Notification.shown[0];
    expect(note?.options).toMatchObject({ title: 'Ben Osei wants to chat', body: 'Lunch?', actions: [{ type: 'button', text: 'Accept' }, { type: 'button', text: 'Decline' }] });
    const summary = () => harness.service.snapshot().conversations.find((c) => c.id === 'chat:ben@contoso.com');
    expect(summary()).toMatchObject({ state: 'incoming', invitation: { firstMessage: 'Lunch?' } });
    // Shown and waiting: nobody accepted it for the user.
    expect(settled).toBe(false);
    return { ...harness, ben, started, note, summary };
  }

  it('Decline in the notification declines it on the server; the first line is kept', async () => {
    const sim = await startSim();
    const { service, started, note, summary } = await waitingInvitation(sim);
    note?.action(1);
    await expect(started).rejects.toMatchObject({ code: 'invitation-failed', subcode: 'Declined' });
    await expect.poll(() => summary()?.state).toBe('idle');
    expect(summary()?.invitation).toBeUndefined();
    const page = await service.handlers().getHistory({ conversationId: 'chat:ben@contoso.com' }, { windowId: 1 });
    expect(page.messages.map((m) => [m.direction, m.text])).toEqual([['in', 'Lunch?']]);
  });

  it('Accept in the notification starts the conversation', async () => {
    const sim = await startSim();
    const { service, started, note, summary } = await waitingInvitation(sim);
    note?.action(0);
    await started;
    await expect.poll(() => summary()?.state).toBe('connected');
    expect(summary()?.invitation).toBeUndefined();
    await expect.poll(async () => (await service.handlers().getHistory({ conversationId: 'chat:ben@contoso.com' }, { windowId: 1 })).messages.map((m) => m.text)).toEqual(['Lunch?']);
  });

  it('an unanswered invitation times out: the notification goes, the first line stays, unread', async () => {
    const sim = await startSim();
    const { started, note, summary } = await waitingInvitation(sim);
    await expect(started).rejects.toMatchObject({ code: 'invitation-failed', subcode: 'Timeout' });
    await expect.poll(() => summary()?.invitation, { timeout: 5_000 }).toBeUndefined();
    expect(summary()).toMatchObject({ state: 'idle', unread: 1, lastMessage: { text: 'Lunch?' } });
    expect(note?.visible).toBe(false);
  });
});
