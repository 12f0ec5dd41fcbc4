// The session service on a scripted client: what a sign-in keeps (the account always, the
// password only with "remember me"), my note and photo, a second sign-in replacing the first, and
// the power hooks (asleep, awake, idle).
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionInfo, Me, Settings } from '../../../src/shared/domain';
import type { EventName } from '../../../src/shared/ipc-contract';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import { UcwaClient } from '../../../src/main/ucwa/index';
import { UcwaError } from '../../../src/main/ucwa/index';
import type { ContactDetails, ContactInfo, GroupInfo, PartyInfo, Photo, PresenceInfo, UcwaEvent, UcwaListener } from '../../../src/main/ucwa/index';
import { errorDetail } from '../../../src/shared/error-detail';

class ScriptedSession extends UcwaClient {
  readonly log: string[] = [];
  note = '';
  photo: Photo | undefined;
  /** What signIn does: succeed, or throw what the test chose. */
  signInOutcome: () => void = () => undefined;
  private readonly listeners: UcwaListener[] = [];

  constructor(readonly user: string) {
    super({ server: 'https://127.0.0.1:1', user, password: 'x', endpointId: 'session' });
  }

  override async signIn(): Promise<PartyInfo> {
    this.log.push('signIn');
    this.signInOutcome();
    return { uri: `sip:${this.user}`, name: 'Ana Ruiz' };
  }

  override async makeMeAvailable(): Promise<void> {
    this.log.push('available');
  }

  override async getMyPresence(): Promise<PresenceInfo> {
    return { availability: 'Busy' };
  }

  override async getMyNote(): Promise<string> {
    return this.note;
  }

  override async getMyPhoto(): Promise<Photo | undefined> {
    return this.photo;
  }

  override async getContacts(): Promise<ContactInfo[]> {
    return [];
  }

  override async getGroups(): Promise<GroupInfo[]> {
    return [];
  }

  override async subscribePresence(): Promise<void> {}

  override async getContactDetails(): Promise<ContactDetails[]> {
    return [];
  }

  override setActivityReporting(enabled: boolean): void {
    this.log.push(`reporting ${String(enabled)}`);
  }

  override async reconnectNow(): Promise<void> {
    this.log.push('reconnectNow');
  }

  override async signOut(): Promise<void> {
    this.log.push('signOut');
  }

  override on(listener: UcwaListener): () => void {
    this.listeners.push(listener);
    return () => undefined;
  }

  /** The server's word, as the client would pass it on. */
  fire(event: UcwaEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

function service(prepare: (client: ScriptedSession, index: number) => void = () => undefined, options: { now?: () => number; reconnectBaseMs?: number } = {}) {
  const clients: ScriptedSession[] = [];
  const vault: string[] = [];
  const pushes: { name: EventName; payload: unknown }[] = [];
  const session = new SessionService({
    createClient: (o) => {
      const client = new ScriptedSession(o.user);
      prepare(client, clients.length);
      clients.push(client);
      return client;
    },
    settings: new InMemorySettings(),
    vault: { canRemember: () => true, save: (user, password) => vault.push(`save ${user} ${password}`) > 0, load: () => undefined, clear: (user) => void vault.push(`clear ${user}`) },
    windows: { openChat: () => undefined, openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
    notify: { incomingMessage: () => undefined },
    demo: { start: async () => ({ server: 'https://demo', user: 'demo@contoso.com', password: 'demo' }) },
    push: (name, payload) => pushes.push({ name, payload }),
    ...options,
  });
  const connection = (): ConnectionInfo => session.snapshot().connection;
  return { session, clients, vault, pushes, connection };
}

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
    await vi.waitFor(() => expect(connection().state).toBe('connected'), { timeout: 3_000 });
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
    await vi.waitFor(() => expect(connection().state).toBe('failed'));
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
    await vi.waitFor(() => expect(connection().nextAttemptAt).toBeDefined(), { interval: 5 });
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
    await vi.waitFor(() => expect(clients[1]?.log).toEqual(['signIn']));
    await session.signOut();
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(connection()).toEqual({ state: 'signed-out' });
  });

  it('ignores what a replaced client still says, and stops for good on 410 Gone (§5.6)', async () => {
    const { session, clients, connection } = service();
    await session.signIn({ user: 'ana@contoso.com', password: 'x', rememberMe: false });
    clients[0]?.fire(lost);
    await vi.waitFor(() => expect(clients[1]?.log).toEqual(['signIn', 'available']));
    await vi.waitFor(() => expect(connection().state).toBe('connected'));
    clients[0]?.fire({ type: 'connectionChanged', state: 'reconnecting', detail: errorDetail('reconnecting', {}) });
    clients[0]?.fire(lost);
    expect(connection().state).toBe('connected');
    expect(clients).toHaveLength(2);
    clients[1]?.fire({ type: 'applicationLost', reason: 'Gone.', gone: true });
    expect(connection()).toMatchObject({ state: 'failed' });
    expect(clients[1]?.log).toContain('reporting false');
    expect(clients).toHaveLength(2);
  });
});
