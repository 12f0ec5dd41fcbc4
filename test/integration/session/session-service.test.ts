// The session service against the simulator: sign-in, the model, incoming and outgoing messages,
// unread counts, notifications and pushes — with small fakes for the windows and notifications.
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import type { EventName } from '../../../src/shared/ipc-contract';
import { IpcFailure } from '../../../src/shared/ipc-failure';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import { UcwaClient } from '../../../src/main/ucwa/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { startSim } from '../../support/simulator';
import { errorDetail } from '../../../src/shared/error-detail';

interface Harness {
  readonly service: SessionService;
  readonly pushes: { name: EventName; payload: unknown }[];
  readonly notified: ChatMessage[];
  readonly opened: string[];
  focused: string | undefined;
}

function harness(sim: UcwaSimulator): Harness {
  const h: Harness = {
    pushes: [],
    notified: [],
    opened: [],
    focused: undefined,
    service: undefined as unknown as SessionService,
  };
  const service = new SessionService({
    createClient: (o) => new UcwaClient({ ...o, endpointId: `session-${o.user}`, backoffBaseMs: 50, invitationTimeoutMs: 3_000, deliveryTimeoutMs: 3_000 }),
    settings: new InMemorySettings(),
    vault: { canRemember: () => false, save: () => false, load: () => undefined, clear: () => undefined },
    windows: { openChat: (id) => h.opened.push(id), openSettings: () => undefined, hide: () => undefined, isChatFocused: (id) => h.focused === id },
    notify: { incomingMessage: (m) => h.notified.push(m) },
    demo: { start: async () => ({ server: sim.url, user: 'ana@contoso.com', password: 'demo' }) },
    push: (name, payload) => h.pushes.push({ name, payload }),
  });
  Object.assign(h, { service });
  return h;
}

const added = (h: Harness): ChatMessage[] => h.pushes.filter((p) => p.name === 'messageAdded').map((p) => p.payload as ChatMessage);

describe('session service', () => {
  it('a wrong password is a wrong-credentials failure and the connection says so', async () => {
    const sim = await startSim();
    const h = harness(sim);
    const handlers = h.service.handlers();
    const error: unknown = await handlers.signIn({ server: sim.url, user: 'ana@contoso.com', password: 'nope', rememberMe: false }, { windowId: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcFailure);
    expect((error as IpcFailure).code).toBe('wrong-credentials');
    expect(h.service.snapshot().connection).toMatchObject({ state: 'failed' });
    await expect(handlers.search({ query: 'ben' }, { windowId: 1 })).rejects.toMatchObject({ code: 'not-signed-in' });
  });

  it('signs in to the demo, loads groups and contacts with presence, and serves a consistent snapshot', async () => {
    const sim = await startSim({ mediumPriorityMs: 20 });
    const h = harness(sim);
    const me = await h.service.handlers().signInDemo({}, { windowId: 1 });
    expect(me).toMatchObject({ uri: 'sip:ana@contoso.com', name: 'Ana Ruiz', presence: { availability: 'Online' } });
    const snapshot = h.service.snapshot();
    expect(snapshot.connection.state).toBe('connected');
    expect(snapshot.groups.map((g) => g.name)).toEqual(['Favorites', 'Other Contacts', 'Team', 'All Staff']);
    await expect.poll(() => h.service.snapshot().contacts.find((c) => c.uri === 'sip:echo@contoso.com')?.presence.availability).toBe('Online');
    const lenaBusy = (): boolean => h.pushes.some((p) => p.name === 'presenceChanged' && (p.payload as { uri: string; presence: { availability: string } }).presence.availability === 'Busy');
    sim.control.setPresence({ uri: 'lena@contoso.com', availability: 'Busy' });
    await expect.poll(lenaBusy).toBe(true);
  });

  it('an incoming message is added and notified exactly once, raises unread, and markRead clears it', async () => {
    const sim = await startSim();
    const h = harness(sim);
    await h.service.handlers().signInDemo({}, { windowId: 1 });
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'Are you there?' });
    await expect.poll(() => added(h).length).toBe(1);
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'Hello?' });
    await expect.poll(() => added(h).length).toBe(2);
    expect(added(h).map((m) => m.text)).toEqual(['Are you there?', 'Hello?']);
    expect(h.notified.map((m) => m.text)).toEqual(['Are you there?', 'Hello?']);
    const conversation = h.service.snapshot().conversations[0];
    expect(conversation).toMatchObject({ title: 'Lena Adler', unread: 2, lastMessage: { text: 'Hello?' } });
    expect(h.service.snapshot().unreadTotal).toBe(2);
    await h.service.handlers().markRead({ conversationId: conversation?.id ?? '' }, { windowId: 1 });
    expect(h.service.snapshot().unreadTotal).toBe(0);

    // With that chat focused, a new message is neither unread nor notified.
    h.focused = conversation?.id;
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'Seen it live' });
    await expect.poll(() => added(h).length).toBe(3);
    expect(h.notified).toHaveLength(2);
    expect(h.service.snapshot().unreadTotal).toBe(0);
  });

  it('sending shows "sending", then "delivered", and the echo arrives; a failure is shown with a reason', async () => {
    const sim = await startSim();
    const h = harness(sim);
    const handlers = h.service.handlers();
    await handlers.signInDemo({}, { windowId: 1 });
    const conversationId = await handlers.openChat({ uri: 'echo@contoso.com' }, { windowId: 1 });
    expect(h.opened).toEqual([conversationId]);
    const sent = await handlers.sendMessage({ conversationId, text: 'ping' }, { windowId: 1 });
    expect(sent.delivery).toBe('sending');
    const updates = (): ChatMessage[] => h.pushes.filter((p) => p.name === 'messageUpdated').map((p) => p.payload as ChatMessage);
    await expect.poll(() => updates().find((m) => m.id === sent.id)?.delivery).toBe('delivered');
    await expect.poll(() => added(h).some((m) => m.direction === 'in' && m.text === 'Echo: ping')).toBe(true);
    const second = await handlers.sendMessage({ conversationId, text: 'pong' }, { windowId: 1 });
    await expect.poll(() => updates().find((m) => m.id === second.id)?.delivery).toBe('delivered');
    await expect.poll(() => added(h).some((m) => m.text === 'Echo: pong')).toBe(true);
    const page = await handlers.getHistory({ conversationId, limit: 2 }, { windowId: 1 });
    expect(page.messages.map((m) => m.text)).toEqual(['pong', 'Echo: pong']);
    expect(page.olderCursor).toBe('2');
    const older = await handlers.getHistory({ conversationId, limit: 2, before: page.olderCursor }, { windowId: 1 });
    expect(older.messages.map((m) => m.text)).toEqual(['ping', 'Echo: ping']);
    expect(older.olderCursor).toBeUndefined();

    const nobody = await handlers.openChat({ uri: 'nobody@contoso.com' }, { windowId: 1 });
    const lost = await handlers.sendMessage({ conversationId: nobody, text: 'hello?' }, { windowId: 1 });
    await expect.poll(() => updates().find((m) => m.id === lost.id)?.delivery).toBe('failed');
    expect(updates().find((m) => m.id === lost.id)?.failureReason).toEqual(errorDetail('serverReason', { reason: 'The address was not found.' }));
  });

  it('a locked screen shows Away to others and unlocking restores the chosen presence; idle stops reportMyActivity', async () => {
    const sim = await startSim({ mediumPriorityMs: 20 });
    const h = harness(sim);
    await h.service.handlers().signInDemo({}, { windowId: 1 });
    await h.service.handlers().setPresence({ availability: 'Busy' }, { windowId: 1 });
    h.service.locked();
    await expect.poll(() => sim.presenceOf('ana@contoso.com').availability).toBe('Away');
    expect(h.service.snapshot().me?.presence.availability).toBe('Away');
    h.service.unlocked();
    await expect.poll(() => sim.presenceOf('ana@contoso.com').availability).toBe('Busy');
    h.service.userIdle(true);
    h.service.resumed();
    await expect.poll(() => h.service.snapshot().connection.state).toBe('connected');
  });
});
