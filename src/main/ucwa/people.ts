// Own presence, note and photo; contacts, groups, contact presence and photos; directory search
// (protocol §7). Photos are fetched once, cached and size-bounded; a photo that fails is "none".
import type { AuthenticatedHttp } from './authenticated-http';
import { UcwaError, isUcwaError } from './errors';
import { headerValue } from './http-transport';
import type { ContactDetails, ContactInfo, GroupInfo, GroupKind, Photo, PresenceInfo, SearchResult, SettableAvailability } from './people-types';
import { toAvailability } from './people-types';
import { Resource, asRawResource, parseUcwaDate } from './resource';
import { getMany } from './batch';
import { mapInSlices } from './slices';
import { errorDetail } from '../../shared/error-detail';

export const MAX_PHOTO_BYTES = 256 * 1024;
const GROUP_LISTS_AT_ONCE = 6;
const GROUP_KINDS: Readonly<Record<string, GroupKind>> = { pinnedGroup: 'pinned', defaultGroup: 'default', group: 'group', distributionGroup: 'distribution' };

interface MeRound {
  readonly urls: URL[];
  readonly answers: Promise<(Resource | undefined)[]>;
}

export class People {
  private readonly contactsByUri = new Map<string, Resource>();
  /** A contact's own path (lower-case) → its address: presence events name the contact by href (§7.3). */
  private readonly uriByPath = new Map<string, string>();
  private readonly photos = new Map<string, Promise<Photo | undefined>>();
  private meRound: MeRound | undefined;

  constructor(
    private readonly http: AuthenticatedHttp,
    private readonly application: () => Resource | undefined,
  ) {}

  async myPresence(): Promise<PresenceInfo> {
    return presenceFrom(await this.meResource('presence'));
  }

  /** Only PreferredAvailability values are settable; `activity` is not (§7.1, §10.34). */
  async setMyPresence(availability: SettableAvailability): Promise<void> {
    await this.http.postJson(this.meLink('presence'), { availability });
  }

  async myNote(): Promise<string> {
    return (await this.meResource('note')).string('message') ?? '';
  }

  async setMyNote(message: string): Promise<void> {
    await this.http.postJson(this.meLink('note'), { message });
  }

  async myPhoto(): Promise<Photo | undefined> {
    return this.fetchPhoto(this.meLink('photo'));
  }

  async contacts(): Promise<ContactInfo[]> {
    // Several MB at 10,000 contacts: parsed in slices that yield (json-in-slices.ts).
    const list = await this.http.getCollection(this.peopleLink('myContacts'), 'contacts', 'contact');
    return mapInSlices(await embeddedContacts(list), (c) => this.remember(c));
  }

  /** Groups with their members' addresses; pinned and default groups are single objects, the rest arrays (§10.15). */
  async groups(): Promise<GroupInfo[]> {
    const groups = await this.http.getResource(this.peopleLink('myGroups'), 'groups');
    const listed = Object.entries(GROUP_KINDS).flatMap(([rel, kind]) => groups.embeddedList(rel).map((group) => ({ rel, kind, group })));
    // Member lists are independent: fetched a few at once, not one after another (§8.5 caps
    // outstanding requests); the order stays the groups'.
    const members = await mapConcurrently(listed, GROUP_LISTS_AT_ONCE, async ({ group }) => {
      const link = group.link('groupContacts') ?? group.link('expandDistributionGroup');
      return link === undefined ? [] : embeddedContacts(await this.http.getCollection(link.url, 'group contacts', 'contact'));
    });
    const out: GroupInfo[] = [];
    for (const [i, { rel, kind, group }] of listed.entries()) {
      const contactUris = await mapInSlices(members[i] ?? [], (c) => this.remember(c).uri);
      out.push({ id: group.string('id') ?? group.string('name') ?? rel, name: group.string('name') ?? rel, kind, contactUris });
    }
    return out;
  }

  async contactPresence(uri: string): Promise<PresenceInfo> {
    const link = this.contactResource(uri).link('contactPresence');
    if (link === undefined) throw new UcwaError('not-found', errorDetail('noPresence', { uri }));
    return presenceFrom(await this.http.getResource(link.url, 'contact presence'));
  }

  async contactNote(uri: string): Promise<string | undefined> {
    const link = this.contactResource(uri).link('contactNote');
    if (link === undefined) return undefined;
    return (await this.http.getResource(link.url, 'contact note')).string('message');
  }

  /** Presence and note of many contacts, batched where the application allows (§8.1). */
  async contactDetails(uris: readonly string[]): Promise<ContactDetails[]> {
    const wanted = uris.flatMap((uri) => {
      const resource = this.findContact(uri);
      const presence = resource?.link('contactPresence')?.url;
      const note = resource?.link('contactNote')?.url;
      return presence === undefined ? [] : [{ uri, presence, note }];
    });
    const urls = wanted.flatMap((w) => (w.note === undefined ? [w.presence] : [w.presence, w.note]));
    const resources = await getMany(this.http, this.batchUrl(), urls, 'contact presence or note');
    let at = 0;
    return wanted.map((w) => {
      const presence = resources[at++];
      const message = w.note === undefined ? undefined : resources[at++]?.string('message');
      return { uri: w.uri, ...(presence === undefined ? {} : { presence: presenceFrom(presence) }), ...(message === undefined ? {} : { note: message }) };
    });
  }

  /** The application's batch link, where the server offers batching (§8.1). */
  batchUrl(): URL | undefined {
    return this.application()?.link('batch')?.url;
  }

  async contactLocation(uri: string): Promise<string | undefined> {
    const link = this.contactResource(uri).link('contactLocation');
    if (link === undefined) return undefined;
    return (await this.http.getResource(link.url, 'contact location')).string('location');
  }

  /** Fetched once per contact and cached; undefined when there is none or it failed to load. */
  contactPhoto(uri: string): Promise<Photo | undefined> {
    const key = uri.toLowerCase();
    let photo = this.photos.get(key);
    if (photo === undefined) {
      const link = this.contactsByUri.get(key)?.link('contactPhoto');
      photo = link === undefined ? Promise.resolve(undefined) : this.fetchPhoto(link.url);
      this.photos.set(key, photo);
    }
    return photo;
  }

  async search(query: string, limit = 20): Promise<SearchResult> {
    const url = new URL(this.peopleLink('search'));
    url.searchParams.set('query', query);
    url.searchParams.set('limit', String(Math.max(1, Math.min(100, limit))));
    const result = await this.http.getResource(url, 'search');
    return { contacts: result.embeddedList('contact').map((c) => this.remember(c)), moreResultsAvailable: result.property('moreResultsAvailable') === true };
  }

  /** A contact seen in any list, group or search result so far. */
  known(uri: string): ContactInfo | undefined {
    const resource = this.contactsByUri.get(uri.toLowerCase());
    return resource === undefined ? undefined : contactFrom(resource);
  }

  /** The address behind a contact or contactPresence href, from what we loaded, else the href itself. */
  uriForHref(href: URL): string {
    const path = href.pathname.replace(/\/(presence|note|location|photo)$/i, '').toLowerCase();
    const known = this.uriByPath.get(path);
    if (known !== undefined) return known;
    const last = decodeURIComponent(path.split('/').pop() ?? '');
    return last.startsWith('sip:') ? last : `sip:${last}`;
  }

  forget(): void {
    this.contactsByUri.clear();
    this.uriByPath.clear();
  }

  private async fetchPhoto(url: URL): Promise<Photo | undefined> {
    try {
      const res = await this.http.send({ method: 'GET', url, headers: { Accept: 'image/jpeg, image/png;q=0.9, image/*;q=0.8' }, binary: true, maxBytes: MAX_PHOTO_BYTES });
      const type = headerValue(res.headers['content-type'])?.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!type.startsWith('image/') || res.bytes === undefined || res.bytes.length === 0) return undefined;
      return { contentType: type, data: res.bytes };
    } catch (error) {
      // 404 (no photo), 403 (photos disabled), 5xx, too large: the contact simply has no picture (§7.1).
      if (isUcwaError(error)) return undefined;
      throw error;
    }
  }

  /**
   * My presence and note asked for in the same turn (as at sign-in) go out together, in one batch
   * where the server offers batching (§8.1); one that fails there is asked for alone, for its error.
   */
  private async meResource(rel: 'presence' | 'note'): Promise<Resource> {
    const url = this.meLink(rel);
    let round = this.meRound;
    if (round === undefined) {
      const urls: URL[] = [];
      const fresh: MeRound = { urls, answers: Promise.resolve().then(() => {
        this.meRound = undefined;
        return getMany(this.http, this.batchUrl(), urls, 'my presence or note');
      }) };
      this.meRound = round = fresh;
    }
    const index = round.urls.push(url) - 1;
    return (await round.answers)[index] ?? (await this.http.getResource(url, rel));
  }

  private remember(contact: Resource): ContactInfo {
    const info = contactFrom(contact);
    this.contactsByUri.set(info.uri.toLowerCase(), contact);
    const self = contact.link('self')?.url.pathname.toLowerCase();
    if (self !== undefined) this.uriByPath.set(self, info.uri);
    return info;
  }

  /** By address, in any case, with or without `sip:`. */
  private findContact(uri: string): Resource | undefined {
    const key = uri.toLowerCase();
    return this.contactsByUri.get(key) ?? this.contactsByUri.get(`sip:${key}`);
  }

  private contactResource(uri: string): Resource {
    const resource = this.findContact(uri);
    if (resource === undefined) throw new UcwaError('not-found', errorDetail('contactNotLoaded', { uri }));
    return resource;
  }

  private meLink(rel: string): URL {
    const link = this.application()?.embedded('me')?.link(rel);
    if (link === undefined) throw new UcwaError('not-found', `The server offers no ${rel} for me now (make me available first).`);
    return link.url;
  }

  private peopleLink(rel: string): URL {
    const link = this.application()?.embedded('people')?.link(rel);
    if (link === undefined) throw new UcwaError('not-found', `The server offers no ${rel}.`);
    return link.url;
  }
}

export function presenceFrom(resource: Resource): PresenceInfo {
  const activity = resource.string('activity');
  const deviceType = resource.string('deviceType');
  const lastActive = parseUcwaDate(resource.property('lastActive'));
  return { availability: toAvailability(resource.property('availability')), ...(activity === undefined ? {} : { activity }), ...(deviceType === undefined ? {} : { deviceType }), ...(lastActive === undefined ? {} : { lastActive }) };
}

export function contactFrom(c: Resource): ContactInfo {
  const uri = c.string('uri') ?? '';
  const phones: { type: string; number: string }[] = [];
  for (const kind of ['work', 'mobile', 'home', 'other']) {
    const number = c.string(`${kind}PhoneNumber`);
    if (number !== undefined && number !== '') phones.push({ type: kind, number: number.replace(/^tel:/i, '') });
  }
  const optional = (name: string): Record<string, string> => {
    const value = c.string(name);
    return value === undefined || value === '' ? {} : { [name]: value };
  };
  return {
    uri,
    name: c.string('name') ?? uri.replace(/^sip:/i, ''),
    ...optional('title'),
    ...optional('department'),
    ...optional('company'),
    ...optional('office'),
    ...optional('type'),
    emails: c.strings('emailAddresses'),
    phones,
  };
}

/** `work` for every item, at most `limit` at a time; results in the items' order; the first failure rejects. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * A list's embedded contacts, each checked in slices that yield (embeddedList checks all 10,000
 * in one go); the same check, and a malformed one is left out alone, as embeddedList leaves it out.
 */
async function embeddedContacts(list: Resource): Promise<Resource[]> {
  const embedded = list.raw._embedded?.['contact'];
  const items: readonly unknown[] = embedded === undefined ? [] : Array.isArray(embedded) ? embedded : [embedded];
  const checked = await mapInSlices(items, (item) => {
    const raw = asRawResource(item);
    return raw === undefined ? undefined : new Resource(raw, list.base);
  });
  return checked.filter((c): c is Resource => c !== undefined);
}
