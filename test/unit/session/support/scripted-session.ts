// A UCWA client whose server is a script: sign-in succeeds (or throws what the test chose), my
// presence, note, photo, contacts and missed conversations are what the test set, what the session
// asks of it is logged, and `fire` tells the session an event as the real client would.
import { UcwaClient } from '../../../../src/main/ucwa/index';
import type { UcwaClientOptions } from '../../../../src/main/ucwa/index';
import type { ContactDetails, ContactInfo, GroupInfo, MissedConversation, PartyInfo, Photo, PresenceInfo, SearchResult, SettableAvailability, StartConversationInput, UcwaEvent, UcwaListener } from '../../../../src/main/ucwa/index';

export class ScriptedSession extends UcwaClient {
  readonly log: string[] = [];
  note = '';
  photo: Photo | undefined;
  presence: PresenceInfo = { availability: 'Busy' };
  contacts: ContactInfo[] = [];
  missed: MissedConversation[] = [];
  /** How often the session read the missed conversations. */
  missedReads = 0;
  /** What the session set as my presence and note, in order. */
  readonly set: string[] = [];
  /** Whom conversations were started with (a message riding along). */
  readonly started: string[] = [];
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
    return this.presence;
  }

  override async setMyPresence(availability: SettableAvailability): Promise<void> {
    this.set.push(`presence ${availability}`);
  }

  override async setMyNote(note: string): Promise<void> {
    this.set.push(`note ${note}`);
  }

  override async getMyNote(): Promise<string> {
    return this.note;
  }

  override async getMyPhoto(): Promise<Photo | undefined> {
    return this.photo;
  }

  override async getContacts(): Promise<ContactInfo[]> {
    return this.contacts;
  }

  override getKnownContact(): ContactInfo | undefined {
    return undefined;
  }

  override async search(): Promise<SearchResult> {
    return { contacts: [], moreResultsAvailable: false };
  }

  override async getContactPresence(): Promise<PresenceInfo> {
    return { availability: 'Online' };
  }

  override async getContactNote(): Promise<string | undefined> {
    return undefined;
  }

  override async getContactLocation(): Promise<string | undefined> {
    return undefined;
  }

  override async getContactPhoto(): Promise<Photo | undefined> {
    return undefined;
  }

  override async getMissedConversations(): Promise<MissedConversation[]> {
    this.missedReads++;
    return this.missed;
  }

  override async startConversation(input: StartConversationInput): Promise<string> {
    this.started.push(input.to);
    return `conversation with ${input.to}`;
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

export type ScriptedClientOptions = Pick<UcwaClientOptions, 'server' | 'user' | 'password' | 'trustedDomains' | 'signInMethod'>;

/**
 * A `createClient` for the session that makes scripted clients: `prepare` sets each one up as it is
 * made (the first sign-in's is index 0, each recovery's the next), `clients` and `created` keep them
 * and the options they were made with.
 */
export function scriptedClients(prepare: (client: ScriptedSession, index: number) => void = () => undefined) {
  const clients: ScriptedSession[] = [];
  const created: ScriptedClientOptions[] = [];
  const createClient = (options: ScriptedClientOptions): ScriptedSession => {
    created.push(options);
    const client = new ScriptedSession(options.user);
    prepare(client, clients.length);
    clients.push(client);
    return client;
  };
  return { clients, created, createClient };
}
