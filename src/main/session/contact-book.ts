// The signed-in user's contact list as the windows see it: groups, contacts with presence, note
// and photo. Loaded after sign-in (and again after a recovery), kept current by presence events.
import type { Contact, ContactGroup, Presence } from '../../shared/domain';
import type { ContactInfo, PresenceInfo, UcwaClient } from '../ucwa/index';
import { fetchContactDetails, toPresence } from './contact-details';
import { mapInSlices, yieldToEventLoop } from '../ucwa/slices';
import type { Push } from './ports';

/** A photo push per this many photos, not one per photo. */
const PHOTOS_PER_PUSH = 50;
/**
 * Contacts per push of the whole list: every push is copied to each window (structured clone),
 * about 4 ms per 1,000 contacts; 10,000 in one push froze the main process for 40-100 ms.
 */
export const CONTACTS_PER_PUSH = 1_000;

export class ContactBook {
  private readonly contacts = new Map<string, Contact>();
  /** Presence told by events about people not (yet) in the list: applied when they are added. */
  private readonly early = new Map<string, Partial<Presence>>();
  private groupList: ContactGroup[] = [];
  /** Bumped by each push of the whole list: a longer one still under way stops where it is. */
  private listPushes = 0;

  constructor(
    private readonly push: Push,
    /** The client whose answers still count (a replaced one's do not). */
    private readonly currentClient: () => UcwaClient | undefined,
  ) {}

  get(uri: string): Contact | undefined {
    return this.contacts.get(uri.toLowerCase());
  }

  list(): { readonly groups: readonly ContactGroup[]; readonly contacts: readonly Contact[] } {
    return { groups: this.groupList, contacts: [...this.contacts.values()] };
  }

  clear(): void {
    this.listPushes++;
    this.contacts.clear();
    this.early.clear();
    this.groupList = [];
  }

  /** Contacts and groups, presence subscriptions, then (in the background) each contact's details. */
  async load(client: UcwaClient): Promise<void> {
    const [contacts, groups] = await Promise.all([client.getContacts(), client.getGroups()]);
    // Thousands of contacts: in slices that let the tray and windows breathe.
    await mapInSlices(contacts, (contact) => this.contacts.set(contact.uri.toLowerCase(), this.contactFor(contact)));
    await mapInSlices(groups.flatMap((g) => g.contactUris), (uri) => {
      if (this.contacts.has(uri.toLowerCase())) return;
      const known = client.getKnownContact(uri);
      if (known !== undefined) this.contacts.set(uri.toLowerCase(), this.contactFor(known));
    });
    this.groupList = groups.map((g) => ({ id: g.id, name: g.name, kind: g.kind, contactUris: g.contactUris }));
    await this.pushList();
    await client.subscribePresence([...this.contacts.keys()]);
    void this.loadDetails(client);
  }

  /** A subscription's presence event. */
  presenceChanged(uri: string, info: PresenceInfo): void {
    // Someone not (or no longer) in the list still has open chats that show their presence.
    if (this.get(uri) === undefined) {
      this.remember(uri, toPresence(info));
      this.push('presenceChanged', { uri, presence: { ...this.early.get(uri.toLowerCase()), ...toPresence(info) }, isMe: false });
    } else this.patchPresence(uri, toPresence(info));
  }

  /** A subscription's note event (contactNote updated, §5.4). */
  noteChanged(uri: string, note: string): void {
    if (this.get(uri) === undefined) this.remember(uri, { note });
    else this.patchPresence(uri, { note });
  }

  private remember(uri: string, change: Partial<Presence>): void {
    const key = uri.toLowerCase();
    // Bounded: people outside the list come and go with chats and searches.
    if (!this.early.has(key) && this.early.size >= 1_000) this.early.delete(this.early.keys().next().value as string);
    this.early.set(key, { ...this.early.get(key), ...change });
  }

  /** A person found in the directory, with what we already know of them. */
  contactFor(info: ContactInfo): Contact {
    const existing = this.get(info.uri);
    return {
      uri: info.uri,
      name: info.name,
      ...(info.title === undefined ? {} : { title: info.title }),
      ...(info.department === undefined ? {} : { department: info.department }),
      ...(info.company === undefined ? {} : { company: info.company }),
      emails: info.emails,
      phones: info.phones,
      presence: existing?.presence ?? { availability: 'Unknown', ...this.early.get(info.uri.toLowerCase()) },
      ...(existing?.photo === undefined ? {} : { photo: existing.photo }),
    };
  }

  private async loadDetails(client: UcwaClient): Promise<void> {
    // Photos are stored when they are pushed, not before: otherwise getContacts would show photos
    // that the open windows have not been sent yet (until the last photo of the batch arrived).
    const pending = new Map<string, string>();
    const flush = (): void => {
      const changed: Contact[] = [];
      for (const [uri, photo] of pending) {
        const contact = this.get(uri);
        if (contact === undefined) continue;
        const next = { ...contact, photo };
        this.contacts.set(uri.toLowerCase(), next);
        changed.push(next);
      }
      pending.clear();
      if (changed.length > 0) this.push('contactsUpdated', { contacts: changed });
    };
    const addPhoto = (uri: string, photo: string): void => {
      pending.set(uri, photo);
      if (pending.size === PHOTOS_PER_PUSH) flush();
    };
    const current = (): boolean => this.currentClient() === client;
    await fetchContactDetails(client, [...this.contacts.keys()], (uri, change) => this.patchPresence(uri, change), addPhoto, current);
    if (pending.size > 0 && current()) flush();
  }

  private patchPresence(uri: string, change: Partial<Presence>): void {
    const contact = this.get(uri);
    if (contact === undefined) return;
    const presence = { ...contact.presence, ...change };
    this.contacts.set(uri.toLowerCase(), { ...contact, presence });
    this.push('presenceChanged', { uri: contact.uri, presence, isMe: false });
  }

  /**
   * The whole list to the windows: groups and the first contacts replace what they have, the rest
   * follows in parts between which the event loop runs. Each part is read when it is sent, so a
   * presence change meanwhile is either in its part or pushed after it, never lost.
   */
  private async pushList(): Promise<void> {
    const push = ++this.listPushes;
    const keys = [...this.contacts.keys()];
    const part = (from: number): Contact[] => keys.slice(from, from + CONTACTS_PER_PUSH).flatMap((key) => this.contacts.get(key) ?? []);
    this.push('contactsChanged', { groups: this.groupList, contacts: part(0) });
    for (let from = CONTACTS_PER_PUSH; from < keys.length; from += CONTACTS_PER_PUSH) {
      await yieldToEventLoop();
      if (push !== this.listPushes) return;
      this.push('contactsUpdated', { contacts: part(from) });
    }
  }
}
