// The edges of people (protocol §7) that the mutation run found unwatched (docs/mutation-survivors.md,
// ucwa-people), against a loopback pool through the real HTTP stack: addresses typed without "sip:",
// the whole presence of a contact, details of contacts with and without a note, answers that are
// not JSON named for what was asked, hrefs of contacts whose address begins like a sub-resource,
// contacts without a name, groups (distribution groups, groups without an id, one member), my note
// when none is set, a server that withholds search, and the photo size cap.
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthenticatedHttp } from '../../../src/main/ucwa/authenticated-http';
import { People } from '../../../src/main/ucwa/people';
import { Resource } from '../../../src/main/ucwa/resource';
import { APP, startLocalPool } from './support/local-pool';
import type { Answer, LocalPool } from './support/local-pool';

const PEOPLE = `${APP}/people`;
const ME = `${APP}/me`;

let pool: LocalPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

interface ContactSpec {
  readonly uri?: string;
  readonly name?: string;
  /** The contact's own path segment (hrefs are lower-cased, §7.4). */
  readonly id: string;
  /** Sub-resources it links to; default presence, note, location and photo. */
  readonly links?: readonly ('presence' | 'note' | 'location' | 'photo')[];
}

const REL = { presence: 'contactPresence', note: 'contactNote', location: 'contactLocation', photo: 'contactPhoto' } as const;

function contact(spec: ContactSpec): unknown {
  const self = `${PEOPLE}/${spec.id}`;
  const links = Object.fromEntries((spec.links ?? ['presence', 'note', 'location', 'photo']).map((l) => [REL[l], { href: `${self}/${l}` }]));
  return { ...(spec.uri === undefined ? {} : { uri: spec.uri }), ...(spec.name === undefined ? {} : { name: spec.name }), _links: { self: { href: self }, ...links }, rel: 'contact' };
}

const BEN: ContactSpec = { uri: 'sip:Ben.Osei@contoso.com', name: 'Ben Osei', id: 'ben.osei@contoso.com' };
const CARL: ContactSpec = { uri: 'sip:carl@contoso.com', name: 'Carl Berg', id: 'carl@contoso.com', links: ['presence'] };

/** A pool whose application offers me, people (contacts, groups, search unless left out) and the given answers. */
async function signedIn(contacts: readonly ContactSpec[], options: { search?: boolean } = {}): Promise<{ pool: LocalPool; people: People }> {
  const started = await startLocalPool();
  pool = started;
  const peopleLinks = { self: { href: PEOPLE }, myContacts: { href: `${PEOPLE}/contacts` }, myGroups: { href: `${PEOPLE}/groups` }, ...(options.search === false ? {} : { search: { href: `${PEOPLE}/search` } }) };
  const application = Resource.parse(
    {
      _links: { self: { href: APP } },
      _embedded: {
        me: { _links: { self: { href: ME }, presence: { href: `${ME}/presence` }, note: { href: `${ME}/note` }, photo: { href: `${ME}/photo` } }, rel: 'me' },
        people: { _links: peopleLinks, rel: 'people' },
      },
      rel: 'application',
    },
    started.url(APP),
    'application',
  );
  started.answers.set(`GET ${PEOPLE}/contacts`, { body: { _embedded: { contact: contacts.map(contact) }, rel: 'myContacts' } });
  const people = new People(started.http, () => application);
  await people.contacts();
  return { pool: started, people };
}

const presence = (availability: string, more: Record<string, unknown> = {}): Answer => ({ body: { availability, ...more, rel: 'contactPresence' } });

describe('contacts and their presence', () => {
  it('finds a contact by its address typed without "sip:" and in any case', async () => {
    const { pool, people } = await signedIn([BEN]);
    pool.answers.set(`GET ${PEOPLE}/ben.osei@contoso.com/presence`, presence('Busy'));
    expect((await people.contactPresence('ben.osei@contoso.com')).availability).toBe('Busy');
    expect((await people.contactPresence('Ben.Osei@Contoso.com')).availability).toBe('Busy');
    expect(await people.contactDetails(['ben.osei@contoso.com'])).toEqual([{ uri: 'ben.osei@contoso.com', presence: { availability: 'Busy' } }]);
  });

  it("reports a contact's activity, device and when it was last active (§7.2)", async () => {
    const { pool, people } = await signedIn([BEN]);
    pool.answers.set(`GET ${PEOPLE}/ben.osei@contoso.com/presence`, presence('Away', { activity: 'in-a-meeting', deviceType: 'Mobile', lastActive: '/Date(1732442415337)/' }));
    expect(await people.contactPresence('sip:ben.osei@contoso.com')).toEqual({ availability: 'Away', activity: 'in-a-meeting', deviceType: 'Mobile', lastActive: new Date(1732442415337) });
  });

  it('gives each contact its own presence and note, whether or not the contact before it has a note', async () => {
    const { pool, people } = await signedIn([CARL, BEN]);
    pool.answers.set(`GET ${PEOPLE}/carl@contoso.com/presence`, presence('Offline'));
    pool.answers.set(`GET ${PEOPLE}/ben.osei@contoso.com/presence`, presence('Busy'));
    pool.answers.set(`GET ${PEOPLE}/ben.osei@contoso.com/note`, { body: { message: 'Out for lunch', type: 'Personal', rel: 'contactNote' } });
    expect(await people.contactDetails(['sip:carl@contoso.com', 'sip:ben.osei@contoso.com'])).toEqual([
      { uri: 'sip:carl@contoso.com', presence: { availability: 'Offline' } },
      { uri: 'sip:ben.osei@contoso.com', presence: { availability: 'Busy' }, note: 'Out for lunch' },
    ]);
  });

  it('names what was asked for when the answer is not JSON', async () => {
    const { pool, people } = await signedIn([BEN]);
    for (const part of ['presence', 'note', 'location']) pool.answers.set(`GET ${PEOPLE}/ben.osei@contoso.com/${part}`, { body: '{"availability":' });
    pool.answers.set(`GET ${PEOPLE}/search`, { body: '{"_embedded":' });
    await expect(people.contactPresence('sip:ben.osei@contoso.com')).rejects.toThrow('The server sent malformed JSON for the contact presence.');
    await expect(people.contactNote('sip:ben.osei@contoso.com')).rejects.toThrow('The server sent malformed JSON for the contact note.');
    await expect(people.contactLocation('sip:ben.osei@contoso.com')).rejects.toThrow('The server sent malformed JSON for the contact location.');
    await expect(people.search('ben')).rejects.toThrow('The server sent malformed JSON for the search.');
  });

  it('knows a contact by href even when its address begins like a sub-resource (notes@, locations@)', async () => {
    const notes: ContactSpec = { uri: 'sip:Notes@contoso.com', name: 'Shared notes', id: 'notes@contoso.com' };
    const rooms: ContactSpec = { uri: 'sip:Locations.Lisbon@contoso.com', name: 'Lisbon rooms', id: 'locations.lisbon@contoso.com' };
    const { pool, people } = await signedIn([notes, rooms]);
    expect(people.uriForHref(pool.url(`${PEOPLE}/notes@contoso.com/presence`))).toBe('sip:Notes@contoso.com');
    expect(people.uriForHref(pool.url(`${PEOPLE}/locations.lisbon@contoso.com/note`))).toBe('sip:Locations.Lisbon@contoso.com');
  });

  it('shows a contact without a name by its address without "sip:", and invents no address for one without', async () => {
    const { people } = await signedIn([
      { uri: 'sip:lena@contoso.com', id: 'lena@contoso.com' },
      { name: 'Reception', id: 'reception' },
    ]);
    expect(people.known('sip:lena@contoso.com')?.name).toBe('lena@contoso.com');
    expect(people.known('')).toMatchObject({ uri: '', name: 'Reception' });
  });
});

describe('groups, my note, search', () => {
  it('lists members of distribution groups (expandDistributionGroup), keys a group without an id by its name, and takes a single embedded member', async () => {
    const { pool, people } = await signedIn([BEN, CARL]);
    const group = (name: string, id: string | undefined, link: string, href: string): unknown => ({ ...(id === undefined ? {} : { id }), name, _links: { self: { href: `${PEOPLE}/groups/${name}` }, [link]: { href } }, rel: 'group' });
    pool.answers.set(`GET ${PEOPLE}/groups`, {
      body: {
        _embedded: {
          pinnedGroup: group('Favorites', 'pinned1', 'groupContacts', `${PEOPLE}/groups/favorites/contacts`),
          group: [group('Team', undefined, 'groupContacts', `${PEOPLE}/groups/team/contacts`), group('Lab', undefined, 'groupContacts', `${PEOPLE}/groups/lab/contacts`)],
          distributionGroup: [group('All Staff', 'dg1', 'expandDistributionGroup', `${PEOPLE}/groups/dg1/expand`)],
        },
        rel: 'myGroups',
      },
    });
    // One member: embedded as a single object, not an array.
    pool.answers.set(`GET ${PEOPLE}/groups/favorites/contacts`, { body: { _embedded: { contact: contact(BEN) }, rel: 'groupContacts' } });
    pool.answers.set(`GET ${PEOPLE}/groups/team/contacts`, { body: { _embedded: { contact: [contact(BEN), contact(CARL)] }, rel: 'groupContacts' } });
    pool.answers.set(`GET ${PEOPLE}/groups/lab/contacts`, { body: { rel: 'groupContacts' } });
    pool.answers.set(`GET ${PEOPLE}/groups/dg1/expand`, { body: { _embedded: { contact: [contact(CARL)] }, rel: 'distributionGroup' } });
    expect(await people.groups()).toEqual([
      { id: 'pinned1', name: 'Favorites', kind: 'pinned', contactUris: ['sip:Ben.Osei@contoso.com'] },
      { id: 'Team', name: 'Team', kind: 'group', contactUris: ['sip:Ben.Osei@contoso.com', 'sip:carl@contoso.com'] },
      { id: 'Lab', name: 'Lab', kind: 'group', contactUris: [] },
      { id: 'dg1', name: 'All Staff', kind: 'distribution', contactUris: ['sip:carl@contoso.com'] },
    ]);
  });

  it('my note is empty when the server has none to give', async () => {
    const { pool, people } = await signedIn([]);
    pool.answers.set(`GET ${ME}/note`, { body: { type: 'Personal', _links: { self: { href: `${ME}/note` } }, rel: 'note' } });
    expect(await people.myNote()).toBe('');
  });

  it('says so when the server offers no search (a missing link means not allowed, §0)', async () => {
    const { people } = await signedIn([], { search: false });
    await expect(people.search('ben')).rejects.toThrow(/^The server offers no search\.$/);
  });
});

describe('photos', () => {
  it('shows a photo of up to 256 KiB and treats a larger one as none', async () => {
    const { pool, people } = await signedIn([BEN]);
    pool.answers.set(`GET ${ME}/photo`, { type: 'image/jpeg', body: Buffer.alloc(256 * 1024, 1) });
    pool.answers.set(`GET ${PEOPLE}/ben.osei@contoso.com/photo`, { type: 'image/jpeg', body: Buffer.alloc(256 * 1024 + 1, 1) });
    expect((await people.myPhoto())?.data.length).toBe(256 * 1024);
    expect(await people.contactPhoto('sip:ben.osei@contoso.com')).toBeUndefined();
    expect(pool.requests.filter((r) => r.path.endsWith('/photo'))).toHaveLength(2);
  });

  it('only a failed answer means "no photo": a fault of the client itself is reported', async () => {
    const fault = new TypeError('headers is not iterable');
    const http = { send: () => Promise.reject(fault) } as unknown as AuthenticatedHttp;
    const application = Resource.parse({ _links: { self: { href: APP } }, _embedded: { me: { _links: { self: { href: ME }, photo: { href: `${ME}/photo` } }, rel: 'me' } }, rel: 'application' }, new URL(`https://pool.contoso.com${APP}`), 'application');
    await expect(new People(http, () => application).myPhoto()).rejects.toBe(fault);
  });
});
