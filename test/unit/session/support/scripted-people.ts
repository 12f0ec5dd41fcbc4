// A UCWA client whose directory is a script, for the contact list: contacts, groups, the first look
// (presence and note) and photos are what the test set; a test may hold back the first look or a
// photo behind a gate (an answer still on its way) and open it when it chooses.
import { UcwaClient } from '../../../../src/main/ucwa/index';
import type { ContactDetails, ContactInfo, GroupInfo, Photo } from '../../../../src/main/ucwa/index';

export const person = (uri: string, name: string, extra: Partial<ContactInfo> = {}): ContactInfo => ({ uri, name, emails: [], phones: [], ...extra });

/** An answer held back until `open()`. */
export class Gate {
  readonly passed: Promise<void>;
  open: () => void = () => undefined;

  constructor() {
    this.passed = new Promise((resolve) => (this.open = resolve));
  }
}

export class ScriptedPeople extends UcwaClient {
  contacts: ContactInfo[] = [];
  groups: GroupInfo[] = [];
  known = new Map<string, ContactInfo>();
  details: ContactDetails[] = [];
  photos = new Map<string, Photo>();
  /** Holds back the answer to the first look while set. */
  detailsGate: Gate | undefined;
  /** Hold back the answer about one person's photo. */
  readonly photoGates = new Map<string, Gate>();
  /** Whose details and photos were asked for, in order. */
  readonly detailsAsked: string[][] = [];
  readonly photosAsked: string[] = [];

  constructor(name = 'people') {
    super({ server: 'https://127.0.0.1:1', user: 'ana@contoso.com', password: 'x', endpointId: name });
  }

  override async getContacts(): Promise<ContactInfo[]> {
    return this.contacts;
  }

  override async getGroups(): Promise<GroupInfo[]> {
    return this.groups;
  }

  override getKnownContact(uri: string): ContactInfo | undefined {
    return this.known.get(uri);
  }

  /** Whose presence was subscribed to, call by call. */
  readonly subscribed: string[][] = [];

  override async subscribePresence(uris: readonly string[]): Promise<void> {
    this.subscribed.push([...uris]);
  }

  override async getContactDetails(uris: readonly string[]): Promise<ContactDetails[]> {
    this.detailsAsked.push([...uris]);
    await this.detailsGate?.passed;
    return this.details.filter((d) => uris.includes(d.uri.toLowerCase()));
  }

  override async getContactPhoto(uri: string): Promise<Photo | undefined> {
    this.photosAsked.push(uri);
    await this.photoGates.get(uri)?.passed;
    return this.photos.get(uri);
  }
}
