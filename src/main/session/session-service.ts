// The session service: owns the UCWA client, keeps the model (me, contacts, conversations, unread)
// and serves the IPC contract. Electron-free: the adapters around it are thin.
import { SETTABLE_AVAILABILITIES } from '../../shared/domain';
import type { ConnectionInfo, Me, Presence, SettableAvailability, SignInMethodName, Settings, Snapshot } from '../../shared/domain';
import { resolveLocale } from '../../shared/i18n/locales';
import type { AppLocale } from '../../shared/i18n/locales';
import { IpcFailure } from '../../shared/ipc-failure';
import type { InvokeHandlers, ParsedInput } from '../../shared/ipc-contract';
import { UcwaError } from '../ucwa/index';
import type { PresenceInfo, UcwaClient, UcwaClientOptions, UcwaEvent } from '../ucwa/index';
import { ContactBook } from './contact-book';
import { photoDataUrl, toPresence } from './contact-details';
import { toIpcFailure } from './error-mapping';
import { backoffDelay } from './reconnect-backoff';
import { ThreadsController } from './threads-controller';
import { contactCard } from './contact-card';
import { MissedBox } from './missed-box';
import { AccountHistory } from './account-history';
import type { DemoPort, HistoryPort, NotifyPort, PasswordVault, Push, SettingsPort, WindowPort } from './ports';
import { errorDetail } from '../../shared/error-detail';

export interface SessionDeps {
  readonly createClient: (options: Pick<UcwaClientOptions, 'server' | 'user' | 'password' | 'trustedDomains' | 'signInMethod'>) => UcwaClient;
  readonly settings: SettingsPort;
  readonly vault: PasswordVault;
  readonly windows: WindowPort;
  readonly notify: NotifyPort;
  readonly demo: DemoPort;
  readonly push: Push;
  readonly now?: () => number;
  /** Re-creating a lost session: first retry after about this long, doubling up to the cap. */
  readonly reconnectBaseMs?: number;
  readonly reconnectMaxMs?: number;
  /** A message that could not be sent for this long is marked failed (with retry). */
  readonly outboxTimeoutMs?: number;
  /** Persistent history per account; without it, history lives for the session only. */
  readonly openHistory?: (account: string) => HistoryPort;
  /** The OS's preferred languages (BCP 47, most preferred first): the language setting 'system' follows them. */
  readonly preferredLanguages?: () => readonly string[];
}


/** What the session serves; the host adds the diagnostics methods (the doctor, the log folder, the clipboard). */
export type SessionHandlers = Omit<InvokeHandlers, 'runDoctor' | 'openLogFolder' | 'copyDiagnostics' | 'copyText' | 'setProxyCredentials' | 'getCaFiles' | 'addCaFile' | 'removeCaFile'>;

interface Credentials {
  readonly server?: string | undefined;
  readonly user: string;
  readonly password: string;
  readonly trustedDomains: readonly string[];
  readonly signInMethod?: SignInMethodName;
}

export class SessionService {
  private client: UcwaClient | undefined;
  private me: Me | undefined;
  private connection: ConnectionInfo = { state: 'signed-out' };
  private readonly people: ContactBook;
  private readonly threads: ThreadsController;
  private readonly missed: MissedBox;
  private readonly now: () => number;
  private credentials: Credentials | undefined;
  private readonly history: AccountHistory;
  /** My presence and note as events told them while signing in, before there was a `me` to apply them to. */
  private earlyMe: Partial<Presence> = {};
  private recovering = false;
  private recoveryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: SessionDeps) {
    this.now = deps.now ?? Date.now;
    this.people = new ContactBook(deps.push, () => this.client);
    this.history = new AccountHistory(deps.openHistory, (conversationId, unsaved) => this.threads.historyUnsaved(conversationId, unsaved));
    this.threads = new ThreadsController(
      {
        push: deps.push,
        windows: deps.windows,
        notify: deps.notify,
        client: () => this.requireClient(),
        me: () => this.me,
        contact: (uri) => this.people.get(uri),
        history: () => this.history.get(),
        isUp: () => this.client !== undefined && !this.recovering && this.connection.state === 'connected',
        now: this.now,
        autoAccept: () => deps.settings.get().acceptChatsAutomatically,
      },
      { outboxTimeoutMs: deps.outboxTimeoutMs ?? 10 * 60_000, retryBaseMs: deps.reconnectBaseMs ?? 1_000 },
    );
    this.missed = new MissedBox({
      push: deps.push,
      threadFor: (uri, name) => this.threads.threadForUri(uri, name),
      keepReceived: (thread, message) => this.threads.keepReceived(thread, message),
    });
  }

  handlers(): SessionHandlers {
    const guard = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (error) {
        throw toIpcFailure(error);
      }
    };
    return {
      ready: async () => null,
      getSnapshot: async () => this.snapshot(),
      signIn: guard((input: ParsedInput<'signIn'>) => this.signIn(input)),
      signInDemo: guard(async () => this.signIn({ ...(await this.deps.demo.start()), rememberMe: false })),
      signOut: guard(async () => {
        await this.signOut();
        return null;
      }),
      setPresence: guard(async (input: ParsedInput<'setPresence'>) => {
        await this.requireClient().setMyPresence(input.availability);
        return this.updateMyPresence({ availability: input.availability });
      }),
      setNote: guard(async (input: ParsedInput<'setNote'>) => {
        await this.requireClient().setMyNote(input.note);
        return this.updateMyPresence({ note: input.note });
      }),
      getContacts: async () => this.people.list(),
      search: guard(async (input: ParsedInput<'search'>) => (await this.requireClient().search(input.query, input.limit)).contacts.map((c) => this.people.contactFor(c))),
      openChat: guard(async (input: ParsedInput<'openChat'>) => {
        const thread = this.threads.threadForUri(input.uri);
        this.deps.windows.openChat(thread.id);
        return thread.id;
      }),
      startGroupChat: guard(async (input: ParsedInput<'startGroupChat'>) => {
        this.requireClient();
        const thread = this.threads.startGroup(input.uris, input.subject ?? '');
        this.deps.windows.openChat(thread.id);
        return thread.id;
      }),
      addParticipants: guard(async (input: ParsedInput<'addParticipants'>) => {
        this.requireClient();
        const id = await this.threads.addParticipants(input.conversationId, input.uris);
        if (id !== input.conversationId) this.deps.windows.openChat(id);
        return id;
      }),
      leaveConversation: guard(async (input: ParsedInput<'leaveConversation'>) => {
        this.requireClient();
        await this.threads.leave(input.conversationId);
        return null;
      }),
      getContactCard: guard(async (input: ParsedInput<'getContactCard'>) => contactCard(this.requireClient(), this.people.get(/^sip:/i.test(input.uri) ? input.uri : `sip:${input.uri}`), input.uri)),
      openMissed: guard(async (input: ParsedInput<'openMissed'>) => {
        const id = await this.missed.open(this.requireClient(), input.id);
        this.deps.windows.openChat(id);
        return id;
      }),
      openConversation: guard(async (input: ParsedInput<'openConversation'>) => {
        this.threads.requireThread(input.conversationId);
        this.deps.windows.openChat(input.conversationId);
        return null;
      }),
      getConversation: guard(async (input: ParsedInput<'getConversation'>) => {
        const thread = this.threads.requireThread(input.conversationId);
        const summary = this.threads.store.summary(thread);
        return { summary, participants: summary.participants };
      }),
      sendMessage: guard(async (input: ParsedInput<'sendMessage'>) => this.threads.send(this.threads.requireThread(input.conversationId), input.text, input.html)),
      acceptInvitation: guard(async (input: ParsedInput<'acceptInvitation'>) => {
        await this.threads.acceptInvitation(input.conversationId);
        return null;
      }),
      declineInvitation: guard(async (input: ParsedInput<'declineInvitation'>) => {
        await this.threads.declineInvitation(input.conversationId);
        return null;
      }),
      retryMessage: guard(async (input: ParsedInput<'retryMessage'>) => this.threads.retry(input.conversationId, input.messageId)),
      setTyping: guard(async (input: ParsedInput<'setTyping'>) => {
        await this.threads.setTyping(input.conversationId);
        return null;
      }),
      markRead: guard(async (input: ParsedInput<'markRead'>) => {
        this.threads.markRead(input.conversationId);
        return null;
      }),
      getHistory: guard(async (input: ParsedInput<'getHistory'>) => this.threads.page(input.conversationId, input.before, input.limit ?? 100)),
      searchHistory: guard(async (input: ParsedInput<'searchHistory'>) => {
        this.requireClient();
        return this.threads.search(input.query, input.limit ?? 50);
      }),
      getSettings: async () => this.deps.settings.get(),
      updateSettings: async (input: ParsedInput<'updateSettings'>) => {
        const settings = this.deps.settings.update(input);
        this.pushSettings(settings);
        return settings;
      },
      openSettings: async () => {
        this.deps.windows.openSettings();
        return null;
      },
      hideWindow: async (_input, context) => {
        this.deps.windows.hide(context.windowId);
        return null;
      },
    };
  }

  // --- power and idle (the platform bridge calls these) ---------------------------------------

  private presenceBeforeLock: SettableAvailability | undefined;

  /** Asleep or off the network: messages typed now wait in the outbox. */
  suspended(): void {
    if (this.client === undefined) return;
    this.setConnection({ state: 'offline', detail: errorDetail('asleepOrOffline', {}) });
  }

  /** Waking up: poll the event channel at once instead of waiting out a backoff (§9.11). */
  resumed(): void {
    if (this.client === undefined) return;
    this.setConnection({ state: 'reconnecting' });
    void this.client.reconnectNow();
  }

  /** A locked screen shows me Away; unlocking restores what I had chosen. */
  locked(): void {
    const current = this.me?.presence.availability;
    if (this.client === undefined || current === undefined || current === 'Away') return;
    this.presenceBeforeLock = isSettable(current) ? current : 'Online';
    void this.client.setMyPresence('Away').then(() => this.updateMyPresence({ availability: 'Away' }), () => undefined);
  }

  unlocked(): void {
    const previous = this.presenceBeforeLock;
    this.presenceBeforeLock = undefined;
    if (this.client === undefined || previous === undefined) return;
    void this.client.setMyPresence(previous).then(() => this.updateMyPresence({ availability: previous }), () => undefined);
  }

  /** No reportMyActivity while the OS says nobody is at the machine (§3.3). */
  userIdle(idle: boolean): void {
    this.client?.setActivityReporting(!idle);
  }

  snapshot(): Snapshot {
    const settingsNotice = this.deps.settings.notice?.();
    return {
      connection: this.connection,
      ...(this.me === undefined ? {} : { me: this.me }),
      ...this.people.list(),
      conversations: this.threads.store.all().map((t) => this.threads.store.summary(t)),
      unreadTotal: this.threads.store.unreadTotal(),
      missed: this.missed.list(),
      settings: this.deps.settings.get(),
      canRememberPassword: this.deps.vault.canRemember(),
      ...(settingsNotice === undefined ? {} : { settingsNotice }),
      locale: this.locale(),
    };
  }

  /** The language the app shows: the setting, or the first of the OS's languages we have. */
  locale(): AppLocale {
    return resolveLocale(this.deps.settings.get().language, this.deps.preferredLanguages?.() ?? []);
  }

  /** Every page hears the new settings, and the language they resolve to (pages ignore an unchanged one). */
  private pushSettings(settings: Settings): void {
    this.deps.push('settingsChanged', settings);
    this.deps.push('localeChanged', { locale: this.locale() });
  }

  async signIn(input: { readonly server?: string | undefined; readonly user: string; readonly password: string; readonly rememberMe: boolean; readonly trustHost?: string | undefined; readonly method?: SignInMethodName | undefined }): Promise<Me> {
    if (this.client !== undefined) await this.signOut();
    // The user said yes to "sign in to <host>?": remembered, so they are asked only once.
    if (input.trustHost !== undefined && !this.deps.settings.get().trustedDomains.includes(input.trustHost)) {
      this.deps.settings.update({ trustedDomains: [...this.deps.settings.get().trustedDomains, input.trustHost] });
      this.pushSettings(this.deps.settings.get());
    }
    const credentials: Credentials = { ...(input.server === undefined ? {} : { server: input.server }), user: input.user, password: input.password, trustedDomains: this.deps.settings.get().trustedDomains, ...(input.method === undefined || input.method === 'password' ? {} : { signInMethod: input.method }) };
    this.setConnection({ state: 'signing-in' });
    this.earlyMe = {};
    const client = this.attach(credentials);
    try {
      const me = await client.signIn();
      await client.makeMeAvailable();
      this.client = client;
      this.credentials = credentials;
      // Asked for in the same turn: presence and note go out as one batch (§8.1).
      const [presence, note] = await Promise.all([
        client.getMyPresence().catch((): PresenceInfo => ({ availability: 'Online' })),
        client.getMyNote().catch(() => ''),
      ]);
      // An event during the fetches is newer than what they returned.
      const presenceNow = { ...toPresence(presence), ...(note === '' ? {} : { note }), ...this.earlyMe };
      this.earlyMe = {};
      this.me = { uri: me.uri, name: me.name, presence: presenceNow };
      this.deps.push('sessionChanged', { me: this.me });
      this.setConnection({ state: 'connected' });
      // My picture does not hold up "connected": it fills in the card when it arrives.
      void this.loadMyPhoto(client);
    } catch (error) {
      const detail = toIpcFailure(error).detail;
      this.setConnection({ state: 'failed', ...(detail === undefined ? {} : { detail }) });
      await client.signOut().catch(() => undefined);
      throw error;
    }
    // The method is remembered with the account, so the sign-in page offers it first next time.
    this.pushSettings(this.deps.settings.update({ account: { server: input.server ?? '', user: input.user, ...(input.method === undefined ? {} : { method: input.method }) }, rememberMe: input.rememberMe }));
    if (input.rememberMe && input.password !== '') this.deps.vault.save(input.user, input.password);
    else this.deps.vault.clear(input.user);
    this.history.openFor(input.user);
    await this.threads.restore();
    void this.missed.refresh(client);
    await this.people.load(client);
    return this.me;
  }

  private async loadMyPhoto(client: UcwaClient): Promise<void> {
    const photo = photoDataUrl(await client.getMyPhoto().catch(() => undefined));
    if (photo === undefined || this.client !== client || this.me === undefined) return;
    this.me = { ...this.me, photo };
    this.deps.push('sessionChanged', { me: this.me });
  }

  async signOut(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.credentials = undefined;
    this.history.close();
    this.recovering = false;
    if (this.recoveryTimer !== undefined) clearTimeout(this.recoveryTimer);

    this.me = undefined;
    this.people.clear();
    this.threads.clear();
    this.missed.clear();
    if (client !== undefined) await client.signOut();
    this.deps.push('sessionChanged', {});
    this.setConnection({ state: 'signed-out' });
  }

  /**
   * Quitting: end the application on the server (its DELETE, so the session does not linger
   * there) and write what the history still holds — both at once, and never longer than `boundMs`
   * (a hung server must not keep the app from exiting).
   */
  async shutdown(boundMs: number): Promise<{ readonly signedOut: boolean; readonly unsavedMessages: number | undefined }> {
    const history = this.history.get();
    const work = Promise.all([this.signOut().then(() => true, () => false), history?.flush() ?? Promise.resolve(0)]);
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), boundMs)));
    const outcome = await Promise.race([work, bound]);
    clearTimeout(timer);
    if (outcome === 'late') return { signedOut: false, unsavedMessages: undefined };
    return { signedOut: outcome[0], unsavedMessages: outcome[1] };
  }

  private attach(credentials: Credentials): UcwaClient {
    const client = this.deps.createClient(credentials);
    client.on((event) => {
      // Events of a replaced client (before a recovery) are history.
      if (this.client === client || this.client === undefined) this.onEvent(event, client);
    });
    return client;
  }

  /** The server lost our application (expiry, restart): build a new one and carry on (§3.3). */
  private recover(attempt = 1): void {
    const credentials = this.credentials;
    if (credentials === undefined) return;
    this.recovering = true;
    this.threads.forgetConversations();
    const delay = attempt === 1 ? 0 : backoffDelay(attempt - 1, { baseMs: this.deps.reconnectBaseMs ?? 1_000, maxMs: this.deps.reconnectMaxMs ?? 60_000 });
    this.setConnection({ state: 'reconnecting', detail: errorDetail('reconnecting', {}), ...(delay > 0 ? { nextAttemptAt: this.now() + delay } : {}) });
    this.recoveryTimer = setTimeout(() => void this.tryRecover(credentials, attempt), delay);
    this.recoveryTimer.unref();
  }

  private async tryRecover(credentials: Credentials, attempt: number): Promise<void> {
    if (this.credentials !== credentials) return;
    const old = this.client;
    const client = this.attach(credentials);
    this.client = client;
    old?.signOut().catch(() => undefined);
    try {
      await client.signIn();
      await client.makeMeAvailable();
      if (this.credentials !== credentials) return;
      this.recovering = false;
      this.setConnection({ state: 'connected' });
      await this.people.load(client).catch(() => undefined);
    } catch (error) {
      if (this.credentials !== credentials) return;
      if (error instanceof UcwaError && error.code === 'wrong-credentials') {
        this.recovering = false;
        this.setConnection({ state: 'failed', detail: errorDetail('passwordNoLongerAccepted', {}) });
        return;
      }
      this.recover(attempt + 1);
    }
  }

  private onEvent(event: UcwaEvent, client: UcwaClient): void {
    if (this.threads.onEvent(event, client)) return;
    switch (event.type) {
      case 'connectionChanged':
        if (this.client !== client || this.recovering) return;
        if (event.state === 'reconnecting') this.setConnection({ state: 'reconnecting', ...(event.detail === undefined ? {} : { detail: event.detail }) });
        else if (event.state === 'connected') this.setConnection({ state: 'connected' });
        return;
      case 'applicationLost':
        if (this.client !== client || this.recovering) return;
        // 410 Gone: the docs say not to retry (§5.6) — stop and say why.
        if (event.gone) {
          client.setActivityReporting(false);
          this.setConnection({ state: 'failed', detail: errorDetail('sessionEndedByServer', {}) });
        }
        else this.recover();
        return;
      case 'presenceChanged':
        this.people.presenceChanged(event.uri, event.presence);
        return;
      case 'missedItemsChanged':
        if (this.client === client) void this.missed.refresh(client);
        return;
      case 'contactNoteChanged':
        this.people.noteChanged(event.uri, event.note);
        return;
      case 'myPresenceChanged':
        this.myPresenceEvent(toPresence(event.presence));
        return;
      case 'myNoteChanged':
        this.myPresenceEvent({ note: event.note });
        return;
      default:
        return;
    }
  }

  /** Applied at once, or — while signing in, before `me` exists — as soon as it does. */
  private myPresenceEvent(change: Partial<Presence>): void {
    if (this.me === undefined) this.earlyMe = { ...this.earlyMe, ...change };
    else this.updateMyPresence(change);
  }

  private updateMyPresence(change: Partial<Presence>): Presence {
    if (this.me === undefined) throw new IpcFailure('not-signed-in', errorDetail('signInFirst', {}));
    this.me = { ...this.me, presence: { ...this.me.presence, ...change } };
    this.deps.push('presenceChanged', { uri: this.me.uri, presence: this.me.presence, isMe: true });
    return this.me.presence;
  }

  private requireClient(): UcwaClient {
    if (this.client === undefined) throw new IpcFailure('not-signed-in', errorDetail('signInFirst', {}));
    return this.client;
  }

  private setConnection(info: ConnectionInfo): void {
    this.connection = info;
    this.deps.push('connectionChanged', info);
    if (info.state === 'connected') this.threads.deliveries.up();
  }
}

function isSettable(value: string): value is SettableAvailability {
  return (SETTABLE_AVAILABILITIES as readonly string[]).includes(value);
}

