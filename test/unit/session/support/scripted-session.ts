// A UCWA client whose server is a script: sign-in succeeds (or throws what the test chose), my
// presence, note and photo are what the test set, and `fire` tells the session an event as the
// real client would. For tests of the session service and what is built on it.
import { UcwaClient } from '../../../../src/main/ucwa/index';
import type { ContactDetails, ContactInfo, GroupInfo, PartyInfo, Photo, PresenceInfo, UcwaEvent, UcwaListener } from '../../../../src/main/ucwa/index';

export class ScriptedSession extends UcwaClient {
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
