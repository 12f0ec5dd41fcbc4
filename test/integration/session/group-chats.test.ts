// The session service's group chats, contact card and missed conversations against the simulator
// (both profiles): the thread's live participant list, joins and leaves kept as data in the history,
// each message with its sender, notifications naming the group, "add people" turning a two-party
// chat into a group chat, and missed conversations opened into a chat.
import { expect, it } from 'vitest';
import type { ChatMessage, ConversationSummary, MissedConversation } from '../../../src/shared/domain';
import type { EventName } from '../../../src/shared/ipc-contract';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import { UcwaClient } from '../../../src/main/ucwa/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { autoAccept, clientFor, describeEachProfile, startSim } from '../../support/simulator';

interface Harness {
  readonly service: SessionService;
  readonly pushes: { name: EventName; payload: unknown }[];
  readonly notified: { message: ChatMessage; title: string; group: string | undefined }[];
  readonly opened: string[];
}

function harness(sim: UcwaSimulator, user = 'ana@contoso.com'): Harness {
  const h = { pushes: [], notified: [], opened: [] } as unknown as { -readonly [K in keyof Harness]: Harness[K] };
  h.service = new SessionService({
    createClient: (o) => new UcwaClient({ ...o, endpointId: `session-${o.user}`, backoffBaseMs: 50, invitationTimeoutMs: 3_000, deliveryTimeoutMs: 3_000 }),
    settings: new InMemorySettings(),
    vault: { canRemember: () => false, save: () => false, load: () => undefined, clear: () => undefined },
    windows: { openChat: (id) => h.opened.push(id), openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
    notify: { incomingMessage: (message, title, group) => h.notified.push({ message, title, group }) },
    demo: { start: async () => ({ server: sim.url, user, password: 'demo' }) },
    push: (name, payload) => h.pushes.push({ name, payload }),
  });
  return h;
}

const ctx = { windowId: 1 };
const added = (h: Harness, id: string): ChatMessage[] => h.pushes.filter((p) => p.name === 'messageAdded').map((p) => p.payload as ChatMessage).filter((m) => m.conversationId === id);
const summaryOf = (h: Harness, id: string): ConversationSummary | undefined => h.service.snapshot().conversations.find((c) => c.id === id);
const names = (s: ConversationSummary | undefined): string[] => (s?.participants ?? []).map((p) => p.name).sort();

describeEachProfile('session: group chats', (profile) => {
  it('a group started with two people: participants, each message with its sender, a notification naming the group, a leave as a line', async () => {
    const sim = await startSim({ profile });
    const h = harness(sim);
    await h.service.handlers().signInDemo({}, ctx);
    const ben = clientFor(sim, 'ben@contoso.com');
    const carl = clientFor(sim, 'carl@contoso.com');
    for (const c of [ben, carl]) {
      await c.signIn();
      await c.makeMeAvailable();
      autoAccept(c);
    }
    const carlIn = carl.waitFor('incomingInvitation');
    // Carl accepts at once: his messaging may connect before the calls below return, so the wait starts now.
    const carlConnected = carl.waitFor('messagingStateChanged', (e) => e.state === 'Connected', 10_000);
    const id = await h.service.handlers().startGroupChat({ uris: ['ben@contoso.com', 'carl@contoso.com'], subject: 'Launch' }, ctx);
    expect(h.opened).toEqual([id]);
    expect(summaryOf(h, id)).toMatchObject({ group: true, title: 'Launch' });
    await h.service.handlers().sendMessage({ conversationId: id, text: 'hello both' }, ctx);
    const carlConversation = (await carlIn).conversationId;
    expect((await carlConnected).conversationId).toBe(carlConversation);
    await expect.poll(() => names(summaryOf(h, id)), { timeout: 10_000 }).toEqual(['Ben Osei', 'Carl Berg']);
    // Carl joined after IM was up in our conversation: a line in the chat, kept as data.
    await expect.poll(() => added(h, id).filter((m) => m.system !== undefined).map((m) => [m.system?.kind, m.system?.who.name])).toContainEqual(['joined', 'Carl Berg']);

    await carl.sendMessage(carlConversation, { text: 'hi from carl' });
    await expect.poll(() => added(h, id).find((m) => m.text === 'hi from carl')?.from).toEqual({ uri: 'sip:carl@contoso.com', name: 'Carl Berg' });
    const note = h.notified.find((n) => n.message.text === 'hi from carl');
    expect(note?.group).toBe('Launch');

    await carl.leaveConversation(carlConversation);
    await expect.poll(() => added(h, id).filter((m) => m.system?.kind === 'left').map((m) => m.system?.who.name)).toEqual(['Carl Berg']);
    expect(names(summaryOf(h, id))).toEqual(['Ben Osei']);
    const history = await h.service.handlers().getHistory({ conversationId: id }, ctx);
    expect(history.messages.filter((m) => m.system !== undefined).map((m) => m.system?.kind)).toEqual(['joined', 'left']);
  });

  it('add people to a two-party chat: it becomes a group chat with both, and the new one is heard', async () => {
    const sim = await startSim({ profile });
    const h = harness(sim);
    await h.service.handlers().signInDemo({}, ctx);
    const carl = clientFor(sim, 'carl@contoso.com');
    await carl.signIn();
    await carl.makeMeAvailable();
    autoAccept(carl);
    const one = await h.service.handlers().openChat({ uri: 'echo@contoso.com' }, ctx);
    await h.service.handlers().sendMessage({ conversationId: one, text: 'ping' }, ctx);
    await expect.poll(() => added(h, one).some((m) => m.text === 'Echo: ping'), { timeout: 10_000 }).toBe(true);
    const carlIn = carl.waitFor('incomingInvitation');
    // Carl accepts at once: his messaging may connect before addParticipants returns, so the wait starts now.
    const carlConnected = carl.waitFor('messagingStateChanged', (e) => e.state === 'Connected', 10_000);
    const group = await h.service.handlers().addParticipants({ conversationId: one, uris: ['carl@contoso.com'] }, ctx);
    expect(group).not.toBe(one);
    expect(h.opened).toContain(group);
    expect(summaryOf(h, group)?.group).toBe(true);
    const carlConversation = (await carlIn).conversationId;
    expect((await carlConnected).conversationId).toBe(carlConversation);
    await expect.poll(() => names(summaryOf(h, group)), { timeout: 10_000 }).toEqual(['Carl Berg', 'Echo Bot']);
    await carl.sendMessage(carlConversation, { text: 'carl here' });
    await expect.poll(() => added(h, group).find((m) => m.text === 'carl here')?.from.name).toBe('Carl Berg');
    await h.service.handlers().sendMessage({ conversationId: group, text: 'to everyone' }, ctx);
    await expect.poll(() => added(h, group).find((m) => m.text === 'Echo: to everyone')?.from.name, { timeout: 10_000 }).toBe('Echo Bot');
  });

  it('invited into a group chat: the group thread shows everyone, and a scripted member joining is a line', async () => {
    const sim = await startSim({ profile });
    const h = harness(sim);
    await h.service.handlers().signInDemo({}, ctx);
    sim.control.groupInvite({ from: 'lena@contoso.com', others: ['echo@contoso.com'], to: 'ana@contoso.com', subject: 'Offsite' });
    await expect.poll(() => h.service.snapshot().conversations.find((c) => c.group === true)?.title, { timeout: 10_000 }).toBe('Offsite');
    const id = h.service.snapshot().conversations.find((c) => c.group === true)?.id ?? '';
    await expect.poll(() => names(summaryOf(h, id)), { timeout: 10_000 }).toEqual(['Echo Bot', 'Lena Adler']);
    await expect.poll(() => summaryOf(h, id)?.state).toBe('connected');
    await h.service.handlers().sendMessage({ conversationId: id, text: 'hello' }, ctx);
    await expect.poll(() => added(h, id).find((m) => m.text === 'Echo: hello')?.from.name, { timeout: 10_000 }).toBe('Echo Bot');
    // Nobody "joined" when we arrived: they were there already.
    expect(added(h, id).filter((m) => m.system !== undefined)).toEqual([]);
  });

  it('someone who cannot be added (not signed in) is a line, and leaves the participant list', async () => {
    const sim = await startSim({ profile });
    const h = harness(sim);
    await h.service.handlers().signInDemo({}, ctx);
    const id = await h.service.handlers().startGroupChat({ uris: ['echo@contoso.com', 'dana@contoso.com'] }, ctx);
    expect(names(summaryOf(h, id))).toEqual(['Dana Kim', 'Echo Bot']);
    await h.service.handlers().sendMessage({ conversationId: id, text: 'anyone?' }, ctx);
    await expect.poll(() => added(h, id).filter((m) => m.system?.kind === 'add-failed').map((m) => m.system?.who.uri), { timeout: 10_000 }).toEqual(['sip:dana@contoso.com']);
    expect(names(summaryOf(h, id))).toEqual(['Echo Bot']);
    await expect.poll(() => added(h, id).find((m) => m.text === 'Echo: anyone?')?.from.name, { timeout: 10_000 }).toBe('Echo Bot');
  });

  it('the contact card: directory details, presence with note and location, and the photo', async () => {
    const sim = await startSim({ profile });
    const h = harness(sim);
    await h.service.handlers().signInDemo({}, ctx);
    sim.control.setPresence({ uri: 'ben@contoso.com', availability: 'Busy', note: 'Heads down', location: 'Berlin office' });
    const card = await h.service.handlers().getContactCard({ uri: 'sip:lena@contoso.com' }, ctx);
    expect(card).toMatchObject({ uri: 'sip:lena@contoso.com', name: 'Lena Adler', title: 'Sales', department: 'Demo', emails: ['lena@contoso.com'] });
    expect(card.phones?.[0]?.number).toMatch(/^\+1425555\d{4}$/);
    expect(card.office).toMatch(/\S/);
    const unknown = await h.service.handlers().getContactCard({ uri: 'nobody@contoso.com' }, ctx);
    expect(unknown).toMatchObject({ uri: 'sip:nobody@contoso.com', name: 'nobody@contoso.com' });
  });

  it('missed conversations: listed after sign-in where the server keeps logs, opened into a chat, gone once read', async () => {
    const sim = await startSim({ profile, conversationLogs: true });
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'Are you coming?' });
    const h = harness(sim);
    await h.service.handlers().signInDemo({}, ctx);
    await expect.poll(() => (h.service.snapshot().missed ?? []).map((m: MissedConversation) => [m.from.name, m.preview])).toEqual([['Lena Adler', 'Are you coming?']]);
    const missedId = h.service.snapshot().missed?.[0]?.id ?? '';
    const chat = await h.service.handlers().openMissed({ id: missedId }, ctx);
    expect(chat).toBe('chat:lena@contoso.com');
    expect(h.opened).toContain(chat);
    expect(added(h, chat).map((m) => m.text)).toEqual(['Are you coming?']);
    expect(h.service.snapshot().missed).toEqual([]);
    await expect(h.service.handlers().openMissed({ id: missedId }, ctx)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('no conversation logs on the server: no missed conversations, and sign-in works as ever', async () => {
    const sim = await startSim({ profile });
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'lost' });
    const h = harness(sim);
    await h.service.handlers().signInDemo({}, ctx);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.service.snapshot().missed).toEqual([]);
  });
});
