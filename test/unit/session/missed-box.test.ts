// Conversations missed while signed out, through the whole session: opening one puts its transcript
// (or, without one, its preview) into the chat with its sender and takes only it off the list;
// signing out empties the list, and a read of the list from before the sign-out never shows up after it.
import { describe, expect, it, vi } from 'vitest';
import type { ChatMessage, MissedConversation as ShownMissed } from '../../../src/shared/domain';
import type { EventName, EventPayload } from '../../../src/shared/ipc-contract';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import type { MissedConversation, MissedMessage } from '../../../src/main/ucwa/index';
import { scriptedClients } from './support/scripted-session';
import type { ScriptedSession } from './support/scripted-session';

const ben = { uri: 'sip:ben@contoso.com', name: 'Ben Osei' };
const carl = { uri: 'sip:carl@contoso.com', name: 'Carl Berg' };
const ana = { user: 'ana@contoso.com', password: 'x', rememberMe: false } as const;
const ctx = { windowId: 1 };

const fromBen: MissedConversation = { id: 'm-ben', from: ben, time: new Date(1_000), preview: 'call me', subject: '', unread: true };
const fromCarl: MissedConversation = { id: 'm-carl', from: carl, time: new Date(2_000), preview: 'are you in?', subject: '', unread: true };
const shownOf = (m: MissedConversation): ShownMissed => ({ id: m.id, from: m.from, time: m.time.getTime(), preview: m.preview, unread: m.unread });

/**
 * The session on scripted clients: each one's missed conversations are `missed`, their transcripts
 * `transcripts` (none: empty), marking one read is logged; `prepare` may change a client further.
 */
function service(missed: MissedConversation[], transcripts: Record<string, MissedMessage[]> = {}, prepare: (client: ScriptedSession, index: number) => void = () => undefined) {
  const { clients, createClient } = scriptedClients((client, index) => {
    client.missed = missed;
    client.getMissedTranscript = async (id) => {
      client.log.push(`transcript ${id}`);
      return transcripts[id] ?? [];
    };
    client.markMissedRead = async (id) => void client.log.push(`read ${id}`);
    prepare(client, index);
  });
  const opened: string[] = [];
  const pushes: { name: EventName; payload: unknown }[] = [];
  const session = new SessionService({
    createClient,
    settings: new InMemorySettings(),
    vault: { canRemember: () => true, save: () => true, load: () => undefined, clear: () => undefined },
    windows: { openChat: (id) => void opened.push(id), openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
    notify: { incomingMessage: () => undefined },
    demo: { start: async () => ({ server: 'https://demo', user: 'demo@contoso.com', password: 'demo' }) },
    push: (name, payload) => pushes.push({ name, payload }),
  });
  const payloads = <E extends EventName>(name: E): EventPayload<E>[] => pushes.filter((p) => p.name === name).map((p) => p.payload as EventPayload<E>);
  const added = (): ChatMessage[] => payloads('messageAdded');
  const client = (n = 0): ScriptedSession => {
    const c = clients[n];
    if (c === undefined) throw new Error(`no client ${n}`);
    return c;
  };
  return { session, handlers: session.handlers(), clients, client, opened, payloads, added };
}

type Service = ReturnType<typeof service>;

/** Signs in and waits until the windows were shown the missed conversations read then. */
async function signedIn(s: Service, expected: MissedConversation[]): Promise<void> {
  await s.session.signIn(ana);
  await vi.waitFor(() => expect(s.payloads('missedChanged').at(-1)).toEqual({ missed: expected.map(shownOf) }), { timeout: 10_000 });
}

/** A promise the test settles. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('opening a missed conversation', () => {
  it('opens the chat with the sender of the one chosen, its preview there when the server keeps no transcript', async () => {
    const s = service([fromBen, fromCarl]);
    await signedIn(s, [fromBen, fromCarl]);
    const carlChat = await s.handlers.openChat({ uri: carl.uri }, ctx);
    expect(await s.handlers.openMissed({ id: 'm-carl' }, ctx)).toBe(carlChat);
    expect(s.opened.at(-1)).toBe(carlChat);
    expect(s.client().log.filter((l) => !['signIn', 'available'].includes(l))).toEqual(['transcript m-carl', 'read m-carl']);
    expect(s.added()).toMatchObject([{ conversationId: carlChat, direction: 'in', from: carl, text: 'are you in?', time: 2_000, delivery: 'delivered' }]);
    expect(s.added()[0]?.html).toBeUndefined();
  });

  it('puts every line of its transcript into the chat, formatting kept, instead of the preview', async () => {
    const transcript: MissedMessage[] = [
      { text: 'call me', html: '<b>call me</b>', from: ben, time: new Date(1_000) },
      { text: 'when you can', from: ben, time: new Date(1_500) },
    ];
    const s = service([fromBen], { 'm-ben': transcript });
    await signedIn(s, [fromBen]);
    const chat = await s.handlers.openMissed({ id: 'm-ben' }, ctx);
    expect(s.added()).toMatchObject([
      { conversationId: chat, from: ben, text: 'call me', html: '<b>call me</b>', time: 1_000 },
      { conversationId: chat, from: ben, text: 'when you can', time: 1_500 },
    ]);
    expect(s.added()[1]?.html).toBeUndefined();
    expect(s.session.snapshot().conversations.find((c) => c.id === chat)).toMatchObject({ lastMessage: { text: 'when you can', time: 1_500 } });
  });

  it('takes only that one off the list', async () => {
    const s = service([fromBen, fromCarl]);
    await signedIn(s, [fromBen, fromCarl]);
    await s.handlers.openMissed({ id: 'm-ben' }, ctx);
    expect(s.payloads('missedChanged').at(-1)).toEqual({ missed: [shownOf(fromCarl)] });
    expect(s.session.snapshot().missed).toEqual([shownOf(fromCarl)]);
    await expect(s.handlers.openMissed({ id: 'm-ben' }, ctx)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('signing out', () => {
  it('empties the list of missed conversations', async () => {
    const s = service([fromBen]);
    await signedIn(s, [fromBen]);
    await s.session.signOut();
    expect(s.payloads('missedChanged').at(-1)).toEqual({ missed: [] });
    expect(s.session.snapshot().missed).toEqual([]);
  });

  it('a read of the list begun before signing out is not shown after signing in again', async () => {
    const first = deferred<MissedConversation[]>();
    const second = deferred<MissedConversation[]>();
    const s = service([], {}, (client, index) => {
      client.getMissedConversations = () => (index === 0 ? first.promise : second.promise);
    });
    await s.session.signIn(ana);
    await s.session.signOut();
    await s.session.signIn(ana);
    // The old account's answer comes first; the new account's (Carl) last.
    first.resolve([fromBen]);
    second.resolve([fromCarl]);
    await vi.waitFor(() => expect(s.payloads('missedChanged').at(-1)).toEqual({ missed: [shownOf(fromCarl)] }), { timeout: 10_000 });
    expect(s.payloads('missedChanged')).toEqual([{ missed: [] }, { missed: [shownOf(fromCarl)] }]);
    expect(s.session.snapshot().missed).toEqual([shownOf(fromCarl)]);
  });
});
