// The UCWA client facade: sign-in (discovery, auth, application), the event channel, presence of
// the application, and messaging. Plain Node: it imports nothing from Electron.
import { AuthenticatedHttp } from './authenticated-http';
import type { SignInMethod, TokenFetcher } from './authenticated-http';
import { Discovery } from './discovery';
import { UcwaError, detailOf, isUcwaError } from './errors';
import { EventChannel } from './event-channel';
import type { MessageBody, PartyInfo, UcwaEvent, UcwaEventOf, UcwaEventType } from './events';
import { HttpTransport } from './http-transport';
import type { DispatcherSource } from './http-transport';
import type { LogSink, Logger } from './logger';
import { SecretRedactor, createLogger, silentSink } from './logger';
import { Messaging } from './messaging';
import { ConversationLogs } from './conversation-logs';
import type { MissedConversation, MissedMessage } from './conversation-logs';
import type { StartConversationInput } from './messaging';
import { EventDispatcher } from './event-dispatcher';
import { EventHub } from './event-hub';
import type { UcwaListener } from './event-hub';
import { People } from './people';
import type { ContactDetails, ContactInfo, GroupInfo, Photo, PresenceInfo, SearchResult, SettableAvailability } from './people-types';
import { PresenceSubscriber } from './presence-subscriber';
import type { Resource } from './resource';
import { ActivityReporter } from './activity-reporter';
import { createApplication } from './application-resource';
import { CredentialTrust } from './trust-policy';
import { errorDetail, type ErrorDetail } from '../../shared/error-detail';

export interface UcwaClientOptions {
  /** An autodiscover root URL or a host such as https://lyncweb.contoso.com; omitted: discovered from the domain. */
  readonly server?: string | undefined;
  readonly user: string;
  /** For the password grant (and for NTLM with explicit credentials, inside the token fetcher). */
  readonly password: string;
  /** The grant to sign in with; default password. Windows and passive need `tokenFetcher`. */
  readonly signInMethod?: SignInMethod | undefined;
  /** Runs the windows/passive token exchange (Electron's net in the app, NTLM in the CLI). */
  readonly tokenFetcher?: TokenFetcher | undefined;
  /** Stable per installation (§3.1). */
  readonly endpointId: string;
  /** Domains approved for credentials besides the sign-in and typed server's (settings, `--trust-domain`). */
  readonly trustedDomains?: readonly string[];
  readonly userAgent?: string;
  readonly culture?: string;
  /** How requests reach the network (trust store, proxy); see network-route.ts. Default: undici's global agent. */
  readonly dispatcher?: DispatcherSource | undefined;
  readonly logSink?: LogSink;
  readonly reportActivityIntervalMs?: number;
  readonly eventTimeoutSeconds?: number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  readonly invitationTimeoutMs?: number;
  readonly deliveryTimeoutMs?: number;
  /** Presence subscriptions: requested duration (10–30 min), how often to extend, URIs per request. */
  readonly subscriptionMinutes?: number;
  readonly subscriptionExtendMs?: number;
  readonly subscriptionChunkSize?: number;
}


export type { UcwaListener } from './event-hub';

export class UcwaClient {
  private readonly hub: EventHub;
  private readonly redactor = new SecretRedactor();
  private readonly logger: Logger;
  private readonly transport: HttpTransport;
  private readonly http: AuthenticatedHttp;
  private readonly trust: CredentialTrust;
  private readonly messaging: Messaging;
  private readonly people: People;
  private readonly logs: ConversationLogs;
  private readonly subscriber: PresenceSubscriber;
  private readonly dispatcher: EventDispatcher;
  private application: Resource | undefined;
  private channel: EventChannel | undefined;
  private readonly activity: ActivityReporter;
  private available = false;
  me: PartyInfo | undefined;

  constructor(private readonly options: UcwaClientOptions) {
    const sink = options.logSink ?? silentSink;
    this.logger = createLogger('ucwa', sink, this.redactor);
    this.hub = new EventHub(this.logger);
    this.transport = new HttpTransport(options.dispatcher, this.logger);
    this.trust = new CredentialTrust({ user: options.user.replace(/^sip:/i, ''), server: options.server, trustedDomains: options.trustedDomains });
    this.http = new AuthenticatedHttp(this.transport, { user: options.user.replace(/^sip:/i, ''), password: options.password }, this.redactor, this.logger, this.trust, Date.now, options.signInMethod ?? 'password', options.tokenFetcher);
    this.messaging = new Messaging(this.http, (e) => this.emit(e), () => this.communication()?.link('startMessaging')?.url, {
      invitationMs: options.invitationTimeoutMs ?? 60_000,
      deliveryMs: options.deliveryTimeoutMs ?? 60_000,
    });
    this.people = new People(this.http, () => this.application);
    this.logs = new ConversationLogs(this.http, () => this.communication(), this.logger);
    this.activity = new ActivityReporter(this.http, () => this.application?.embedded('me')?.link('reportMyActivity')?.url, options.reportActivityIntervalMs ?? 180_000, this.logger);
    this.subscriber = new PresenceSubscriber(this.http, () => this.application?.embedded('people'), {
      durationMinutes: options.subscriptionMinutes ?? 30,
      extendEveryMs: options.subscriptionExtendMs ?? 20 * 60_000,
      chunkSize: options.subscriptionChunkSize ?? 100,
    }, this.logger);
    this.dispatcher = new EventDispatcher(this.http, this.messaging, this.people, this.subscriber, (e) => this.emit(e), this.logger);
  }

  on(listener: UcwaListener): () => void {
    return this.hub.on(listener);
  }

  /** Resolves with the first event of a type that matches; rejects after `timeoutMs`. */
  waitFor<T extends UcwaEventType>(type: T, match: (event: UcwaEventOf<T>) => boolean = () => true, timeoutMs = 30_000): Promise<UcwaEventOf<T>> {
    return this.hub.waitFor(type, match, timeoutMs);
  }

  get stats(): { readonly requests: number; readonly authentications: number; readonly polls: number; readonly subscriptionExtensions: number; readonly subscriptionRecreations: number } {
    return {
      requests: this.transport.requestCount,
      authentications: this.http.authentications,
      polls: this.channel?.polls ?? 0,
      subscriptionExtensions: this.subscriber.extensions,
      subscriptionRecreations: this.subscriber.recreations,
    };
  }

  getMyPresence(): Promise<PresenceInfo> {
    return this.people.myPresence();
  }

  setMyPresence(availability: SettableAvailability): Promise<void> {
    return this.people.setMyPresence(availability);
  }

  getMyNote(): Promise<string> {
    return this.people.myNote();
  }

  setMyNote(message: string): Promise<void> {
    return this.people.setMyNote(message);
  }

  getMyPhoto(): Promise<Photo | undefined> {
    return this.people.myPhoto();
  }

  getContacts(): Promise<ContactInfo[]> {
    return this.people.contacts();
  }

  getGroups(): Promise<GroupInfo[]> {
    return this.people.groups();
  }

  /** Details of a contact already seen in a contact list, group or search. */
  getKnownContact(uri: string): ContactInfo | undefined {
    return this.people.known(uri);
  }

  getContactPresence(uri: string): Promise<PresenceInfo> {
    return this.people.contactPresence(uri);
  }

  getContactNote(uri: string): Promise<string | undefined> {
    return this.people.contactNote(uri);
  }

  /** Presence and note of many contacts, batched where the server allows (§8.1). */
  getContactDetails(uris: readonly string[]): Promise<ContactDetails[]> {
    return this.people.contactDetails(uris);
  }

  getContactLocation(uri: string): Promise<string | undefined> {
    return this.people.contactLocation(uri);
  }

  getContactPhoto(uri: string): Promise<Photo | undefined> {
    return this.people.contactPhoto(uri);
  }

  search(query: string, limit?: number): Promise<SearchResult> {
    return this.people.search(query, limit);
  }

  /** Live presence for these contacts: `presenceChanged` events follow, subscriptions are kept alive. */
  subscribePresence(uris: readonly string[]): Promise<void> {
    return this.subscriber.subscribe(uris);
  }

  subscribedUris(): string[] {
    return this.subscriber.subscribedUris();
  }

  /** The application's URL while signed in (diagnostics, tests that aim a fault at one user). */
  get applicationUrl(): URL | undefined {
    return this.application?.link('self')?.url;
  }

  get signedIn(): boolean {
    return this.application !== undefined;
  }

  /** Discovery, authentication, application creation and the event channel (§12 steps 1–6). */
  async signIn(): Promise<PartyInfo> {
    this.emit({ type: 'connectionChanged', state: 'connecting' });
    this.trust.unpin();
    try {
      const discovery = new Discovery(this.transport, this.http, this.logger, this.trust);
      const applicationsUrl = await discovery.discover({ user: this.options.user, ...(this.options.server === undefined ? {} : { server: this.options.server }) });
      this.setApplication(
        await createApplication(this.http, applicationsUrl, {
          UserAgent: this.options.userAgent ?? 'UcwaTray/0.1',
          EndpointId: this.options.endpointId,
          Culture: this.options.culture ?? 'en-US',
        }),
      );
    } catch (error) {
      this.emitConnection('disconnected', detailOf(error));
      throw error;
    }
    this.startChannel();
    this.emit({ type: 'connectionChanged', state: 'connected' });
    if (this.me === undefined) throw new UcwaError('malformed-response', 'The application has no `me` resource.');
    return this.me;
  }

  /** Leaves lurker mode so invitations arrive; HTML enabled explicitly (§4, §10.8–9). */
  async makeMeAvailable(signInAs = 'Online'): Promise<void> {
    const app = this.requireApplication();
    const link = app.embedded('me')?.link('makeMeAvailable');
    if (link !== undefined) {
      try {
        await this.http.postJson(link.url, { SupportedModalities: ['Messaging'], SupportedMessageFormats: ['Plain', 'Html'], signInAs });
      } catch (error) {
        if (!(isUcwaError(error, 'http') && error.status === 409 && error.subcode === 'AlreadyExists')) throw error;
      }
    }
    this.available = true;
    await this.refreshApplication();
    this.activity.start();
  }

  /** The app stops telling the server the user is active while the OS says the user is idle (§3.3). */
  setActivityReporting(enabled: boolean): void {
    this.activity.enabled = enabled;
  }

  startConversation(input: StartConversationInput): Promise<string> {
    return this.messaging.start(input);
  }

  sendMessage(conversationId: string, body: MessageBody): Promise<{ readonly operationId: string }> {
    return this.messaging.send(conversationId, body);
  }

  acceptInvitation(invitationId: string): Promise<string> {
    return this.messaging.accept(invitationId);
  }

  declineInvitation(invitationId: string): Promise<void> {
    return this.messaging.decline(invitationId);
  }

  setTyping(conversationId: string): Promise<void> {
    return this.messaging.setTyping(conversationId);
  }

  stopMessaging(conversationId: string): Promise<void> {
    return this.messaging.stop(conversationId);
  }

  leaveConversation(conversationId: string): Promise<void> {
    return this.messaging.leave(conversationId);
  }

  addParticipant(conversationId: string, to: string): Promise<void> {
    return this.messaging.addParticipant(conversationId, to);
  }

  /** Conversations missed while signed out (§8.2); empty where the server offers no conversation logs. */
  getMissedConversations(limit?: number): Promise<MissedConversation[]> {
    return this.logs.missed(limit);
  }

  getMissedTranscript(id: string, from: PartyInfo): Promise<MissedMessage[]> {
    return this.logs.transcript(id, from);
  }

  markMissedRead(id: string): Promise<void> {
    return this.logs.markRead(id);
  }

  getParticipants(conversationId: string): Promise<PartyInfo[]> {
    return this.messaging.participants(conversationId);
  }

  /** Resolves once every event batch received so far has been processed (tests, benchmarks). */
  async settled(): Promise<void> {
    await this.channel?.idle();
  }

  /** After sleep or a network change: poll the event channel now, then check the application still exists (§9.11). */
  async reconnectNow(): Promise<void> {
    this.channel?.pollNow();
    if (this.application === undefined) return;
    try {
      await this.refreshApplication();
      this.emit({ type: 'connectionChanged', state: 'connected' });
    } catch (error) {
      if (error instanceof UcwaError && error.code === 'application-gone') this.onChannelStopped(error);
      else this.emitConnection('reconnecting', detailOf(error));
    }
  }

  /** DELETE the application (best effort, short timeout) and forget the tokens (§3.3, §9.12). */
  async signOut(): Promise<void> {
    this.activity.stop();
    await this.channel?.stop();
    this.channel = undefined;
    await this.subscriber.unsubscribeAll();
    this.people.forget();
    const self = this.application?.link('self')?.url;
    this.application = undefined;
    this.messaging.dropAll('Signed out.');
    if (self !== undefined) {
      await this.http.send({ method: 'DELETE', url: self, headers: { Accept: 'application/json' }, timeoutMs: 5_000 }).catch((error: unknown) => {
        // Often the application is already gone (that is why we are leaving); nothing to act on.
        this.logger.info('sign-out DELETE failed', { reason: error instanceof Error ? error.message : String(error) });
      });
    }
    this.http.forgetTokens();
    this.trust.unpin();
    this.emit({ type: 'connectionChanged', state: 'disconnected', detail: errorDetail('signedOut', {}) });
  }

  private setApplication(app: Resource): void {
    this.application = app;
    // From now on every link we follow must stay on the origin the application was served from:
    // its relative hrefs resolve against it (§1.5), whatever its self link says.
    this.trust.pin(app.base.origin);
    const me = app.embedded('me');
    const uri = me?.string('uri');
    if (uri !== undefined) this.me = { uri, name: me?.string('name') ?? uri };
  }

  private async refreshApplication(): Promise<void> {
    const self = this.requireApplication().link('self')?.url;
    if (self !== undefined) this.setApplication(await this.http.getResource(self, 'application'));
  }

  private startChannel(): void {
    const events = this.requireApplication().link('events');
    if (events === undefined) throw new UcwaError('malformed-response', 'The application has no events link.');
    this.channel = new EventChannel(
      this.http,
      events.url,
      {
        onEvents: (list) => this.dispatcher.dispatch(list),
        onResync: () => this.onResync(),
        onResume: () => this.onResume(),
        onConnection: (state, detail) => this.emitConnection(state, detail),
        onStopped: (error) => this.onChannelStopped(error),
      },
      { timeoutSeconds: this.options.eventTimeoutSeconds ?? 180, backoffBaseMs: this.options.backoffBaseMs ?? 1_000, backoffMaxMs: this.options.backoffMaxMs ?? 30_000 },
      this.logger,
    );
    this.channel.start();
  }

  /** The server sent us back to the oldest unacknowledged batch: re-read what we cache (§5.6). */
  private async onResync(): Promise<void> {
    await this.refreshApplication().catch((error: unknown) => this.logger.warn('could not re-read the application after a resync', { reason: error instanceof Error ? error.message : String(error) }));
    await this.messaging.refreshAll();
    await this.subscriber.refreshAll();
    this.emit({ type: 'channelResynced' });
  }

  /** After a long silence the server dropped transient state: conversations are gone (§5.6). */
  private async onResume(): Promise<void> {
    this.messaging.dropAll('The server ended the conversation while we were away.');
    await this.refreshApplication().catch(() => undefined);
    if (this.available) await this.makeMeAvailable().catch(() => undefined);
    await this.subscriber.recreateAll().catch((error: unknown) => this.logger.warn('could not re-create presence subscriptions', { reason: error instanceof Error ? error.message : String(error) }));
    this.emit({ type: 'channelResumed' });
  }

  private onChannelStopped(error: UcwaError): void {
    this.messaging.dropAll(error.message);
    this.subscriber.clear();
    this.emit({ type: 'applicationLost', reason: error.message, ...(error.detail === undefined ? {} : { detail: error.detail }), gone: error.code === 'gone' });
    this.emitConnection('disconnected', error.detail);
  }

  private emitConnection(state: 'connected' | 'reconnecting' | 'disconnected', detail: ErrorDetail | undefined): void {
    this.emit({ type: 'connectionChanged', state, ...(detail === undefined ? {} : { detail }) });
  }

  private communication(): Resource | undefined {
    return this.application?.embedded('communication');
  }

  private requireApplication(): Resource {
    if (this.application === undefined) throw new UcwaError('not-signed-in', errorDetail('signInFirst', {}));
    return this.application;
  }

  private emit(event: UcwaEvent): void {
    this.hub.emit(event);
  }
}
