// The contact card a window asks the session for: a stranger found in the directory by address, a
// person nobody knows, someone the client or my list already knows (no needless search or photo
// fetch, the list's note and photo as fallback), and empty answers that must not show as fields.
import { describe, expect, it } from 'vitest';
import type { ContactCard } from '../../../src/shared/domain';
import { InMemorySettings } from '../../../src/main/session/in-memory-settings';
import { SessionService } from '../../../src/main/session/session-service';
import type { ContactDetails, ContactInfo, Photo, PresenceInfo, UcwaClient } from '../../../src/main/ucwa/index';
import { scriptedClients } from './support/scripted-session';

/** What the server says of people: the contact list, the client's cache, the directory, and one person's fresh details. */
interface People {
  /** My contact list, with the presence and note the list loads for them. */
  readonly listed?: readonly ContactInfo[];
  readonly listedDetails?: readonly ContactDetails[];
  /** People the client already knows (a group's members, earlier searches). */
  readonly known?: readonly ContactInfo[];
  /** What a directory search answers, in its order. */
  readonly directory?: readonly ContactInfo[];
  readonly presence?: PresenceInfo;
  /** The fresh note; an Error when it cannot be read. */
  readonly note?: string | Error;
  readonly location?: string;
  readonly photo?: Photo;
}

const png: Photo = { contentType: 'image/png', data: Buffer.from([7]) };
const pngUrl = 'data:image/png;base64,Bw==';
const person = (uri: string, name: string, extra: Partial<ContactInfo> = {}): ContactInfo => ({ uri, name, emails: [], phones: [], ...extra });

async function signedIn(people: People) {
  /** What the session asked the server, in order. */
  const asked: string[] = [];
  const { createClient } = scriptedClients((scripted) => {
    scripted.contacts = [...(people.listed ?? [])];
    // Seen as the real client, whose methods take the address or query asked for.
    const c: UcwaClient = scripted;
    c.getContactDetails = async () => [...(people.listedDetails ?? [])];
    c.getKnownContact = (uri) => people.known?.find((k) => k.uri.toLowerCase() === uri.toLowerCase());
    c.search = async (query) => {
      asked.push(`search ${query}`);
      return { contacts: [...(people.directory ?? [])], moreResultsAvailable: false };
    };
    c.getContactPresence = async () => people.presence ?? { availability: 'Online' };
    c.getContactNote = async () => {
      if (people.note instanceof Error) throw people.note;
      return people.note;
    };
    c.getContactLocation = async () => people.location;
    c.getContactPhoto = async (uri) => {
      asked.push(`photo ${uri}`);
      return people.photo;
    };
  });
  const session = new SessionService({
    createClient,
    settings: new InMemorySettings(),
    vault: { canRemember: () => true, save: () => true, load: () => undefined, clear: () => undefined },
    windows: { openChat: () => undefined, openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
    notify: { incomingMessage: () => undefined },
    demo: { start: async () => ({ server: 'https://demo', user: 'demo@contoso.com', password: 'demo' }) },
    push: () => undefined,
  });
  await session.signIn({ user: 'ana@contoso.com', password: 'x', rememberMe: false });
  const card = (uri: string): Promise<ContactCard> => session.handlers().getContactCard({ uri }, { windowId: 1 });
  const listed = async (uri: string) => (await session.handlers().getContacts({}, { windowId: 1 })).contacts.find((c) => c.uri === uri);
  return { asked, card, listed };
}

describe('the contact card of someone not in my list', () => {
  it('finds them in the directory by address, whatever its case, and shows all it says with their presence, note, location and photo', async () => {
    const lena = person('sip:Lena@Contoso.com', 'Lena Holm', {
      title: 'Buyer',
      department: 'Purchasing',
      company: 'Contoso',
      office: 'B2 104',
      emails: ['lena@contoso.com'],
      phones: [{ type: 'work', number: '+47 1234' }],
    });
    const { asked, card } = await signedIn({
      // A search by address also answers people whose name or address merely starts the same way.
      directory: [person('sip:lenart@contoso.com', 'Lenart Berg', { title: 'Driver' }), lena],
      presence: { availability: 'Away' },
      note: 'Back at 3',
      location: 'Oslo',
      photo: png,
    });
    expect(await card('lena@contoso.com')).toStrictEqual({
      uri: 'sip:Lena@Contoso.com',
      name: 'Lena Holm',
      title: 'Buyer',
      department: 'Purchasing',
      company: 'Contoso',
      office: 'B2 104',
      emails: ['lena@contoso.com'],
      phones: [{ type: 'work', number: '+47 1234' }],
      presence: { availability: 'Away', note: 'Back at 3', location: 'Oslo' },
      photo: pngUrl,
    });
    // The directory is searched by the bare address, and the photo asked for once.
    expect(asked).toEqual(['search lena@contoso.com', 'photo sip:lena@contoso.com']);
  });

  it('someone the directory does not know gets a card with just their address, nothing made up', async () => {
    const { asked, card } = await signedIn({ directory: [person('sip:eve@contoso.com', 'Eve Stone', { emails: ['eve@contoso.com'] })] });
    // "sip:" inside the address (a host named gossip, with a port) is not the scheme: it is still added.
    expect(await card('nobody@gossip:5061')).toStrictEqual({
      uri: 'sip:nobody@gossip:5061',
      name: 'nobody@gossip:5061',
      emails: [],
      phones: [],
      presence: { availability: 'Online' },
    });
    expect(asked).toEqual(['search nobody@gossip:5061', 'photo sip:nobody@gossip:5061']);
  });

  it('empty answers (title, department, company, a cleared note, no location) show as no field at all', async () => {
    const { card } = await signedIn({
      directory: [person('sip:lena@contoso.com', 'Lena Holm', { title: '', department: '', company: '', office: '' })],
      note: '',
      location: '',
    });
    expect(await card('lena@contoso.com')).toStrictEqual({ uri: 'sip:lena@contoso.com', name: 'Lena Holm', emails: [], phones: [], presence: { availability: 'Online' } });
  });

  it('someone the client already knows is not searched for in the directory', async () => {
    const { asked, card } = await signedIn({ known: [person('sip:dana@contoso.com', 'Dana Kim', { department: 'Sales' })] });
    const shown = await card('dana@contoso.com');
    expect([shown.name, shown.department]).toEqual(['Dana Kim', 'Sales']);
    expect(asked).toEqual(['photo sip:dana@contoso.com']);
  });
});

describe('the contact card of someone in my list', () => {
  const ben = person('sip:ben@contoso.com', 'Ben Osei', { title: 'Engineer', department: 'Engineering', company: 'Contoso', emails: ['ben@contoso.com'] });

  async function withBen(note: string | Error | undefined) {
    const people = await signedIn({ listed: [ben], listedDetails: [{ uri: 'sip:ben@contoso.com', note: 'In Oslo' }], photo: png, ...(note === undefined ? {} : { note }) });
    // The list fills in Ben's note and photo in the background.
    await expect.poll(async () => [(await people.listed(ben.uri))?.presence.note, (await people.listed(ben.uri))?.photo]).toEqual(['In Oslo', pngUrl]);
    return people;
  }

  it('shows what the list knows when the directory answers nothing, with the list photo, not fetched again', async () => {
    const { asked, card } = await withBen(new Error('note unreadable'));
    const photosBefore = asked.filter((a) => a.startsWith('photo')).length;
    expect(await card('ben@contoso.com')).toStrictEqual({
      uri: 'sip:ben@contoso.com',
      name: 'Ben Osei',
      title: 'Engineer',
      department: 'Engineering',
      company: 'Contoso',
      emails: ['ben@contoso.com'],
      phones: [],
      // The fresh note could not be read: the one the list has is shown.
      presence: { availability: 'Online', note: 'In Oslo' },
      photo: pngUrl,
    });
    expect(asked.filter((a) => a.startsWith('photo')).length).toBe(photosBefore);
  });

  it('the note read fresh replaces the list one, also when it was cleared', async () => {
    const changed = await withBen('Back at 3');
    expect((await changed.card('ben@contoso.com')).presence).toStrictEqual({ availability: 'Online', note: 'Back at 3' });
    const cleared = await withBen('');
    expect((await cleared.card('ben@contoso.com')).presence).toStrictEqual({ availability: 'Online' });
  });
});
