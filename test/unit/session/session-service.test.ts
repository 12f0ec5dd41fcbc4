// The session service on a scripted client: what a sign-in keeps (the account always, the
// password only with "remember me"), my note and photo, a second sign-in replacing the first, the
// power hooks (asleep, awake, idle, locked), recovering a lost application, what the client says of
// the connection, my presence, chats opened from the windows, the outbox while the session is not
// up, missed conversations, and quitting within a bound.
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionInfo, Me, Settings } from '../../../src/shared/domain';
import type { EventName, EventPayload } from '../../../src/shared/ipc-contract';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import { UcwaError } from '../../../src/main/ucwa/index';
import type { PartyInfo, UcwaEvent } from '../../../src/main/ucwa/index';
import { errorDetail } from '../../../src/shared/error-detail';
import { toIpcFailure } from '../../../src/main/session/error-mapping';
import { scriptedClients } from './support/scripted-session';
import type { ScriptedSession } from './support/scripted-session';

/** vi.waitFor's default second is too short on a loaded two-core machine; a pass returns as soon as it holds. */
const eventually = { timeout: 10_000 };

function service(prepare: (client: ScriptedSession, index: number) => void = () => undefined, options: { now?: () => number; reconnectBaseMs?: number; outboxTimeoutMs?: number } = {}) {
  const { clients, created, createClient } = scriptedClients(prepare);
  const opened: string[] = [];
  const vault: string[] = [];
  const pushes: { name: EventName; payload: unknown }[] = [];
  const session = new SessionService({
    createClient,
    settings: new InMemorySettings(),
    vault: { canRemember: () => true, save: (user, password) => vault.push(`save ${user} ${password}`) > 0, load: () => undefined, clear: (user) => void vault.push(`clear ${user}`) },
    windows: { openChat: (id) => void opened.push(id), openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
    notify: { incomingMessage: () => undefined },
    demo: { start: async () => ({ server: 'https://demo', user: 'demo@contoso.com', password: 'demo' }) },
    push: (name, payload) => pushes.push({ name, payload }),
    ...options,
  });
  const connection = (): ConnectionInfo => session.snapshot().connection;
  return { session, clients, created, opened, vault, pushes, connection };
}

const ctx = { windowId: 1 };
const ana = { user: 'ana@contoso.com', password: 'x', rememberMe: false } as const;
const payloadsOf = <E extends EventName>(pushes: readonly { name: EventName; payload: unknown }[], name: E): EventPayload<E>[] => pushes.filter((p) => p.name === name).map((p) => p.payload as EventPayload<E>);

describe('signing in', () => {
  it('keeps the account, and the password only when asked to remember it', async () => {
    const { session, vault, pushes } = service();
    await session.signIn({ server: 'https://lync.contoso.com', user: 'ana@contoso.com', password: 'S3cret', rememberMe: true });
    expect(vault).toEqual(['save ana@contoso.com S3cret']);
    const settings = pushes.filter((p) => p.name === 'settingsChanged').at(-1)?.payload as Settings;
    expect([settings.account, settings.rememberMe]).toEqual([{ server: 'https://lync.contoso.com', user: 'ana@contoso.com' }, true]);
    await session.signIn({ user: 'ana@contoso.com', password: 'S3cret', rememberMe: false });
    expect(vault).toEqual(['save ana@contoso.com S3cret', 'clear ana@contoso.com']);
    expect(session.snapshot().settings.account).toEqual({ server: '', user: 'ana@contoso.com' });
  });

  it('a second sign-in signs the first client out; the demo signs in without remembering', async () => {
    const { session, clients, vault } = service();
    await session.signIn({ user: 'ana@contoso.com', password: 'x', rememberMe: false });
    await session.handlers().signInDemo({}, { windowId: 1 });
    expect(clients.map((c) => c.log)).toEqual([
      ['signIn', 'available', 'signOut'],
      ['signIn', 'available'],
    ]);
    expect(vault.at(-1)).toBe('clear demo@contoso.com');
    expect(session.snapshot().settings.rememberMe).toBe(false);
  });

  it('shows my presence with my note and photo when I have them', async () => {
    const plain = service();
    const me = await plain.session.signIn({ user: 'ana@contoso.com', password: 'x', rememberMe: false });
    expect(me).toEqual({ uri: 'sip:ana@contoso.com', name: 'Ana Ruiz', presence: { availability: 'Busy' } });
    expect(plain.pushes.find((p) => p.name === 'sessionChanged')?.payload).toEqual({ me });
    const noted = service((c) => {
      c.note = 'In Oslo';
      c.photo = { contentType: 'image/png', data: Buffer.from([7]) };
    });
    const withNote: Me = await noted.session.signIn({ user: 'ana@contoso.com', password: 'x', rememberMe: false });
    const card = { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz', presence: { availability: 'Busy', note: 'In Oslo' } };
    expect(withNote).toEqual({ ...card, photo: 'data:image/png;base64,Bw==' });
    // The picture does not hold up "connected": it fills in the card once it has arrived.
    expect(noted.pushes.filter((p) => p.name === 'sessionChanged').map((p) => p.payload)).toEqual([{ me: card }, { me: withNote }]);
  });
});

describe('power and idle', () => {
  it('do nothing before sign-in', () => {
    const { session, connection } = service();
    session.suspended();
    session.resumed();
    session.userIdle(true);
    expect(connection()).toEqual({ state: 'signed-out' });
  });

  it('asleep: offline, saying why; awake: reconnecting at once; idle pauses activity reports', async () => {
    const { session, clients, connection } = service();
    await session.signIn({ user: 'ana@contoso.com', password: 'x', rememberMe: false });
    session.suspended();
    expect(connection()).toEqual({ state: 'offline', detail: errorDetail('asleepOrOffline', {}) });
    session.resumed();
    expect(connection()).toEqual({ state: 'reconnecting' });
    session.userIdle(true);
    session.userIdle(false);
    expect(clients[0]?.log.slice(2)).toEqual(['reconnectNow', 'reporting false', 'reporting true']);
  });
});

describe('recovering a lost application (§3.3)', () => {
  const lost: UcwaEvent = { type: 'applicationLost', reason: 'It expired.', gone: false };
  const unreachable = (): never => {
    throw new UcwaError('unreachable', 'No route.');
  };
  const states = (pushes: { name: EventName; payload: unknown }[]): ConnectionInfo[] => pushes.filter((p) => p.name === 'connectionChanged').map((p) => p.payload as ConnectionInfo);

  it('tries again at once, then after a growing delay it announces, until a new application is up', async () => {
    const { session, clients, pushes, connection } = service((c, i) => {
      if (i === 1 || i === 2) c.signInOutcome = unreachable;
    }, { now: () => 1_000_000, reconnectBaseMs: 40 });
    await session.signIn({ user: 'ana@contoso.com', password: 'x', rememberMe: false });
    const before = states(pushes).length;
    clients[0]?.fire(lost);
    await vi.waitFor(() => expect(connection().state).toBe('connected'), eventually);
    const during = states(pushes).slice(before).filter((s) => s.state === 'reconnecting');
    // The first attempt goes at once (no time announced); the next ones say when they will be.
    expect(during[0]).toEqual({ state: 'reconnecting', detail: errorDetail('reconnecting', {}) });
    const waits = during.slice(1).map((s) => (s.nextAttemptAt ?? 0) - 1_000_000);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(20);
    expect(waits[0]).toBeLessThanOrEqual(40);
    expect(waits[1]).toBeGreaterThanOrEqual(40);
    expect(waits[1]).toBeLessThanOrEqual(80);
    expect(clients).toHaveLength(4);
    // Every replaced client is signed out; the one that made it is kept.
    for (const old of clients.slice(0, 3)) expect(old.log).toContain('signOut');
    expect(clients[3]?.log).toEqual(['signIn', 'available']);
  });

  it('stops when the server no longer accepts the password, and says so', async () => {
    const { session, clients, connection } = service((c, i) => {
      if (i === 1)
        c.signInOutcome = () => {
          throw new UcwaError('wrong-credentials', 'No.');
        };
    });
    await session.signIn({ user: 'ana@contoso.com', password: 'x', rememberMe: false });
    clients[0]?.fire(lost);
    await vi.waitFor(() => expect(connection().state).toBe('failed'), eventually);
    expect(connection().detail).toEqual(errorDetail('passwordNoLongerAccepted', {}));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(clients).toHaveLength(2);
  });

  it('a recovery that was waiting does not come back after signing out', async () => {
    const { session, clients, connection } = service((c, i) => {
      if (i === 1) c.signInOutcome = unreachable;
    }, { reconnectBaseMs: 400 });
    await session.signIn({ user: 'ana@contoso.com', password: 'x', rememberMe: false });
    clients[0]?.fire(lost);
    // The second attempt is due in 200–400 ms; signing out well before it must cancel it.
    await vi.waitFor(() => expect(connection().nextAttemptAt).toBeDefined(), { ...eventually, interval: 5 });
    await session.signOut();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(clients).toHaveLength(2);
    expect(connection()).toEqual({ state: 'signed-out' });
  });

  it('a recovery in flight when I sign out leaves me signed out', async () => {
    let release: () => void = () => undefined;
    const { session, clients, connection } = service((c, i) => {
      if (i === 1) c.makeMeAvailable = () => new Promise<void>((resolve) => (release = resolve));
    });
    await session.signIn({ user: 'ana@contoso.com', password: 'x', rememberMe: false });
    clients[0]?.fire(lost);
    await vi.waitFor(() => expect(clients[1]?.log).toEqual(['signIn']), eventually);
    await session.signOut();
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(connection()).toEqual({ state: 'signed-out' });
  });

  it('ignores what a replaced client still says, and stops for good on 410 Gone (§5.6)', async () => {
    const { session, clients, connection } = service();
    await session.signIn({ user: 'ana@contoso.com', password: 'x', rememberMe: false });
    clients[0]?.fire(lost);
    await vi.waitFor(() => expect(clients[1]?.log).toEqual(['signIn', 'available']), eventually);
    await vi.waitFor(() => expect(connection().state).toBe('connected'), eventually);
    clients[0]?.fire({ type: 'connectionChanged', state: 'reconnecting', detail: errorDetail('reconnecting', {}) });
    clients[0]?.fire(lost);
    expect(connection().state).toBe('connected');
    expect(clients).toHaveLength(2);
    clients[1]?.fire({ type: 'applicationLost', reason: 'Gone.', gone: true });
    expect(connection()).toMatchObject({ state: 'failed' });
    expect(clients[1]?.log).toContain('reporting false');
    expect(clients).toHaveLength(2);
  });

  it('while a new application is being made, what the new client says of the connection waits for it', async () => {
    let release: () => void = () => undefined;
    const { session, clients, connection } = service((c, i) => {
      if (i === 1) c.makeMeAvailable = () => new Promise<void>((resolve) => (release = resolve));
    });
    await session.signIn(ana);
    clients[0]?.fire(lost);
    await vi.waitFor(() => expect(clients[1]?.log).toEqual(['signIn']), eventually);
    clients[1]?.fire({ type: 'connectionChanged', state: 'connected' });
    expect(connection().state).toBe('reconnecting');
    release();
    await vi.waitFor(() => expect(connection()).toEqual({ state: 'connected' }), eventually);
  });

  it('once the password is refused the recovery is over: what the client says counts again', async () => {
    const { session, clients, connection } = service((c, i) => {
      if (i === 1)
        c.signInOutcome = () => {
          throw new UcwaError('wrong-credentials', 'No.');
        };
    });
    await session.signIn(ana);
    clients[0]?.fire(lost);
    await vi.waitFor(() => expect(connection().state).toBe('failed'), eventually);
    clients[1]?.fire({ type: 'connectionChanged', state: 'reconnecting' });
    expect(connection()).toStrictEqual({ state: 'reconnecting' });
  });

  it('a recovery attempt refused after I signed out does not mark the next session failed', async () => {
    let refuse: (error: Error) => void = () => undefined;
    const { session, clients, pushes, connection } = service((c, i) => {
      if (i === 1)
        c.signIn = () => {
          c.log.push('signIn');
          return new Promise<PartyInfo>((_, reject) => (refuse = reject));
        };
    });
    await session.signIn(ana);
    clients[0]?.fire(lost);
    await vi.waitFor(() => expect(clients[1]?.log).toEqual(['signIn']), eventually);
    await session.signOut();
    const from = states(pushes).length;
    refuse(new UcwaError('wrong-credentials', 'No.'));
    // The refusal is handled within a few turns; signing in again takes many more.
    await session.signIn(ana);
    expect(states(pushes).slice(from).map((s) => s.state)).toEqual(['signing-in', 'connected']);
    expect(connection()).toEqual({ state: 'connected' });
  });

  it('signing out cancels the attempt that was waiting: no timer is left behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { session, clients, connection } = service((c, i) => {
        if (i === 1) c.signInOutcome = unreachable;
      }, { reconnectBaseMs: 4_000 });
      await session.signIn(ana);
      clients[0]?.fire(lost);
      // The first attempt goes at once and fails; the second is due in 2–4 s.
      await vi.waitFor(() => expect(connection().nextAttemptAt).toBeDefined(), eventually);
      expect(vi.getTimerCount()).toBe(1);
      await session.signOut();
      expect(vi.getTimerCount()).toBe(0);
      expect(clients).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('signing in: what the client is asked, and what is shown when it fails', () => {
  it('a password sign-in asks the client for no particular method; another method is passed on', async () => {
    const { session, created } = service();
    await session.signIn({ ...ana, method: 'password' });
    await session.signIn({ ...ana, method: 'windows' });
    expect(created.map((o) => o.signInMethod)).toEqual([undefined, 'windows']);
  });

  it('a note the server would not give is no note at all', async () => {
    const { session } = service((c) => {
      c.getMyNote = () => Promise.reject(new UcwaError('unreachable', 'No route.'));
    });
    const me = await session.signIn(ana);
    expect(me.presence).toEqual({ availability: 'Busy' });
  });

  it('a failed sign-in says why in the connection state', async () => {
    const refused = new UcwaError('malformed-response', 'Not UCWA.');
    const { session, connection } = service((c) => {
      c.signInOutcome = () => {
        throw refused;
      };
    });
    await expect(session.signIn(ana)).rejects.toBe(refused);
    const detail = toIpcFailure(refused).detail;
    expect(detail).toBeDefined();
    expect(connection()).toEqual({ state: 'failed', detail });
  });

  it('after signing out and in again, the new client says how the connection is', async () => {
    const { session, clients, connection } = service();
    await session.signIn(ana);
    await session.signOut();
    await session.signIn(ana);
    clients[1]?.fire({ type: 'connectionChanged', state: 'reconnecting' });
    expect(connection()).toStrictEqual({ state: 'reconnecting' });
  });
});

describe('the connection as the client tells it', () => {
  it('reconnecting carries the reason when there is one, and no empty one when there is none', async () => {
    const { session, clients, pushes } = service();
    await session.signIn(ana);
    const why = errorDetail('reconnecting', {});
    clients[0]?.fire({ type: 'connectionChanged', state: 'reconnecting', detail: why });
    clients[0]?.fire({ type: 'connectionChanged', state: 'connected' });
    clients[0]?.fire({ type: 'connectionChanged', state: 'reconnecting' });
    expect(payloadsOf(pushes, 'connectionChanged').slice(-3)).toStrictEqual([{ state: 'reconnecting', detail: why }, { state: 'connected' }, { state: 'reconnecting' }]);
  });

  it('a client already signed out that says 410 Gone leaves me signed out', async () => {
    const { session, clients, connection } = service();
    await session.signIn(ana);
    await session.signOut();
    clients[0]?.fire({ type: 'applicationLost', reason: 'Gone.', gone: true });
    expect(connection()).toEqual({ state: 'signed-out' });
    expect(clients[0]?.log).toEqual(['signIn', 'available', 'signOut']);
  });
});

describe('my presence and note', () => {
  const mine = (pushes: readonly { name: EventName; payload: unknown }[]): string[] => payloadsOf(pushes, 'presenceChanged').map((p) => `${p.isMe ? 'me' : p.uri} ${p.presence.availability}`);

  it('setting my note tells every page, with the presence it goes with', async () => {
    const { session, clients, pushes } = service();
    await session.signIn(ana);
    const presence = await session.handlers().setNote({ note: 'Lunch' }, ctx);
    expect(presence).toEqual({ availability: 'Busy', note: 'Lunch' });
    expect(clients[0]?.set).toEqual(['note Lunch']);
    expect(payloadsOf(pushes, 'presenceChanged')).toEqual([{ uri: 'sip:ana@contoso.com', presence, isMe: true }]);
  });

  it('what the server says of my presence and note after sign-in is shown as mine', async () => {
    const { session, clients, pushes } = service();
    await session.signIn(ana);
    clients[0]?.fire({ type: 'myPresenceChanged', presence: { availability: 'Away' } });
    clients[0]?.fire({ type: 'myNoteChanged', note: 'Back at 3' });
    expect(payloadsOf(pushes, 'presenceChanged')).toEqual([
      { uri: 'sip:ana@contoso.com', presence: { availability: 'Away' }, isMe: true },
      { uri: 'sip:ana@contoso.com', presence: { availability: 'Away', note: 'Back at 3' }, isMe: true },
    ]);
    expect(session.snapshot().me?.presence).toEqual({ availability: 'Away', note: 'Back at 3' });
  });

  it('a locked screen shows me Away, and unlocking brings back what I had', async () => {
    const { session, clients, pushes } = service();
    await session.signIn(ana);
    session.locked();
    await vi.waitFor(() => expect(mine(pushes)).toEqual(['me Away']), eventually);
    expect(session.snapshot().me?.presence.availability).toBe('Away');
    session.unlocked();
    await vi.waitFor(() => expect(mine(pushes)).toEqual(['me Away', 'me Busy']), eventually);
    expect(session.snapshot().me?.presence.availability).toBe('Busy');
    expect(clients[0]?.set).toEqual(['presence Away', 'presence Busy']);
  });

  it('locking while already Away sets nothing, and neither does unlocking', async () => {
    const { session, clients } = service((c) => {
      c.presence = { availability: 'Away' };
    });
    await session.signIn(ana);
    // Both would ask the client at once (synchronously), so there is nothing to wait for.
    session.locked();
    session.unlocked();
    expect(clients[0]?.set).toEqual([]);
  });
});

describe('chats from the popup and the chat window', () => {
  it('a group chat without a subject is named by its people', async () => {
    const { session, opened } = service();
    await session.signIn(ana);
    const handlers = session.handlers();
    const id = await handlers.startGroupChat({ uris: ['bob@contoso.com', 'carol@contoso.com'] }, ctx);
    expect(opened).toEqual([id]);
    const { summary } = await handlers.getConversation({ conversationId: id }, ctx);
    expect(summary.title).toBe('bob@contoso.com, carol@contoso.com');
    expect(summary.subject).toBeUndefined();
  });

  it('adding people opens a window only when the chat became a new group chat', async () => {
    const { session, opened } = service();
    await session.signIn(ana);
    const handlers = session.handlers();
    const group = await handlers.startGroupChat({ uris: ['bob@contoso.com', 'carol@contoso.com'] }, ctx);
    expect(await handlers.addParticipants({ conversationId: group, uris: ['dave@contoso.com'] }, ctx)).toBe(group);
    expect(opened).toEqual([group]);
    const chat = await handlers.openChat({ uri: 'bob@contoso.com' }, ctx);
    const promoted = await handlers.addParticipants({ conversationId: chat, uris: ['dave@contoso.com'] }, ctx);
    expect(promoted).not.toBe(chat);
    expect(opened).toEqual([group, chat, promoted]);
  });

  it('a contact card by address finds the contact in my list, with or without the sip: scheme', async () => {
    const { session } = service((c) => {
      c.contacts = [
        { uri: 'sip:bob@contoso.com', name: 'Bob Known', emails: [], phones: [] },
        { uri: 'sip:eve@gossip:5061', name: 'Eve Known', emails: [], phones: [] },
      ];
    });
    await session.signIn(ana);
    const card = session.handlers().getContactCard;
    expect((await card({ uri: 'bob@contoso.com' }, ctx)).name).toBe('Bob Known');
    expect((await card({ uri: 'SIP:bob@contoso.com' }, ctx)).name).toBe('Bob Known');
    // "sip:" inside the address (a host named gossip, with a port) is not the scheme.
    expect((await card({ uri: 'eve@gossip:5061' }, ctx)).name).toBe('Eve Known');
  });
});

describe('the outbox and the connection', () => {
  it('a message typed while asleep waits for the connection, and fails as not sent when it never comes', async () => {
    const { session, clients, pushes } = service(undefined, { outboxTimeoutMs: 50 });
    await session.signIn(ana);
    session.suspended();
    const handlers = session.handlers();
    const chat = await handlers.openChat({ uri: 'bob@contoso.com' }, ctx);
    const sent = await handlers.sendMessage({ conversationId: chat, text: 'Hi' }, ctx);
    // Whatever becomes of it is told once; it must be "not sent", never a start while asleep.
    const outcome = (): unknown => payloadsOf(pushes, 'messageUpdated').find((m) => (m as { id?: string }).id === sent.id);
    await vi.waitFor(() => expect(outcome()).toBeDefined(), eventually);
    expect(outcome()).toEqual({ ...sent, delivery: 'failed', failureReason: errorDetail('notSentNoConnection', {}) });
    expect(clients[0]?.started).toEqual([]);
  });

  it('a message whose sending fails while I sign out is marked not sent at once, not retried later', async () => {
    let started: () => void = () => undefined;
    const starting = new Promise<void>((resolve) => (started = resolve));
    let refuse: (error: Error) => void = () => undefined;
    let signedOut: () => void = () => undefined;
    const { session, pushes, connection } = service((c) => {
      c.startConversation = () => {
        started();
        return new Promise<string>((_, reject) => (refuse = reject));
      };
      c.signOut = () => new Promise<void>((resolve) => (signedOut = resolve));
    }, { reconnectBaseMs: 60_000 });
    await session.signIn(ana);
    const handlers = session.handlers();
    const chat = await handlers.openChat({ uri: 'bob@contoso.com' }, ctx);
    const sent = await handlers.sendMessage({ conversationId: chat, text: 'Hi' }, ctx);
    await starting;
    const out = session.signOut();
    // The chat is open again while the server is still ending the session: it shows what became of the message.
    expect(await handlers.openChat({ uri: 'bob@contoso.com' }, ctx)).toBe(chat);
    refuse(new UcwaError('unreachable', 'No route.'));
    // At once: a retry as if the session were up would wait 4–8 s, beyond this wait's 3 s (not
    // `eventually`'s ten, which would let such a retry pass).
    await vi.waitFor(() => expect(payloadsOf(pushes, 'messageUpdated')).toContainEqual({ ...sent, delivery: 'failed', failureReason: errorDetail('notSentSignedOut', {}) }), { timeout: 3_000 });
    signedOut();
    await out;
    expect(connection()).toEqual({ state: 'signed-out' });
  });
});

describe('missed conversations', () => {
  it('are read again when the server says they changed, and not once I signed out', async () => {
    const { session, clients, pushes } = service();
    await session.signIn(ana);
    const client = clients[0];
    if (client === undefined) throw new Error('no client');
    await vi.waitFor(() => expect(payloadsOf(pushes, 'missedChanged')).toEqual([{ missed: [] }]), eventually);
    const from = { uri: 'sip:bob@contoso.com', name: 'Bob' };
    client.missed = [{ id: 'm1', from, time: new Date(1_000), preview: 'Hi', subject: '', unread: true }];
    client.fire({ type: 'missedItemsChanged' });
    const missed = [{ id: 'm1', from, time: 1_000, preview: 'Hi', unread: true }];
    await vi.waitFor(() => expect(payloadsOf(pushes, 'missedChanged').at(-1)).toEqual({ missed }), eventually);
    expect(session.snapshot().missed).toEqual(missed);
    await session.signOut();
    const reads = client.missedReads;
    // A read would start at once (synchronously), so there is nothing to wait for.
    client.fire({ type: 'missedItemsChanged' });
    expect(client.missedReads).toBe(reads);
  });
});

describe('quitting', () => {
  it('signs out, with nothing unsaved when there is no history to write', async () => {
    const { session, clients } = service();
    await session.signIn(ana);
    expect(await session.shutdown(5_000)).toStrictEqual({ signedOut: true, unsavedMessages: 0 });
    expect(clients[0]?.log).toContain('signOut');
  });

  it('says it did not sign out when the server refused', async () => {
    const { session } = service((c) => {
      c.signOut = () => Promise.reject(new UcwaError('unreachable', 'No route.'));
    });
    await session.signIn(ana);
    expect(await session.shutdown(5_000)).toStrictEqual({ signedOut: false, unsavedMessages: 0 });
  });

  it('does not wait longer than its bound for a server that does not answer', async () => {
    const { session } = service((c) => {
      c.signOut = () => new Promise<void>(() => undefined);
    });
    await session.signIn(ana);
    expect(await session.shutdown(20)).toStrictEqual({ signedOut: false, unsavedMessages: undefined });
  });
});
