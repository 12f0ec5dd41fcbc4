// The contact list the windows see, on a scripted client: what a contact carries, people known only
// through a group, presence and notes (for listed people and for strangers), the first look fetched
// directly, which photos are kept, and forgetting it all.
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/shared/domain';
import type { EventName } from '../../../src/shared/ipc-contract';
import { CONTACTS_PER_PUSH, ContactBook } from '../../../src/main/session/contact-book';
import { contactsAsWindowSees } from '../../support/contact-pushes';
import { photoDataUrl, toPresence } from '../../../src/main/session/contact-details';
import { MAX_PHOTO_BYTES } from '../../../src/main/ucwa/index';
import type { ContactInfo, UcwaClient } from '../../../src/main/ucwa/index';
import { person as info, ScriptedPeople } from './support/scripted-people';

function book() {
  const pushes: { name: EventName; payload: unknown }[] = [];
  const client = new ScriptedPeople();
  const current: { client: UcwaClient | undefined } = { client };
  const contacts = new ContactBook((name, payload) => pushes.push({ name, payload }), () => current.client);
  const lastList = (): readonly Contact[] => contactsAsWindowSees(pushes);
  return { pushes, client, current, contacts, lastList };
}

async function settle(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(check()).toBe(true);
}

describe('the contact list', () => {
  it('carries what the directory says, adds people known only through a group, and subscribes to all', async () => {
    const { client, contacts } = book();
    client.contacts = [info('sip:Ben@contoso.com', 'Ben Osei', { title: 'Engineer', department: 'Engineering', company: 'Contoso' }), info('sip:carl@contoso.com', 'Carl Berg')];
    client.groups = [{ id: 'g', name: 'Team', kind: 'group', contactUris: ['sip:dana@contoso.com', 'sip:ben@contoso.com', 'sip:ghost@contoso.com'] }];
    client.known.set('sip:dana@contoso.com', info('sip:dana@contoso.com', 'Dana Kim'));
    client.known.set('sip:ben@contoso.com', info('sip:ben@contoso.com', 'Ben (from the group)'));
    await contacts.load(client);
    expect(contacts.get('SIP:BEN@contoso.com')).toEqual({ uri: 'sip:Ben@contoso.com', name: 'Ben Osei', title: 'Engineer', department: 'Engineering', company: 'Contoso', emails: [], phones: [], presence: { availability: 'Unknown' } });
    expect(Object.keys(contacts.get('sip:carl@contoso.com') ?? {}).sort()).toEqual(['emails', 'name', 'phones', 'presence', 'uri']);
    expect(contacts.get('sip:dana@contoso.com')?.name).toBe('Dana Kim');
    expect(contacts.get('sip:ghost@contoso.com')).toBeUndefined();
    expect(contacts.list().groups).toEqual([{ id: 'g', name: 'Team', kind: 'group', contactUris: ['sip:dana@contoso.com', 'sip:ben@contoso.com', 'sip:ghost@contoso.com'] }]);
    expect(client.subscribed).toEqual([['sip:ben@contoso.com', 'sip:carl@contoso.com', 'sip:dana@contoso.com']]);
    contacts.clear();
    expect(contacts.list()).toEqual({ groups: [], contacts: [] });
  });

  it('follows presence and notes of listed people; a stranger\'s presence is passed on as it is', async () => {
    const { client, contacts, pushes } = book();
    client.contacts = [info('sip:ben@contoso.com', 'Ben Osei')];
    await contacts.load(client);
    contacts.presenceChanged('sip:ben@contoso.com', { availability: 'Busy', activity: 'in-a-meeting', lastActive: new Date(5_000) });
    contacts.noteChanged('sip:ben@contoso.com', 'Back at 3');
    expect(contacts.get('sip:ben@contoso.com')?.presence).toEqual({ availability: 'Busy', activity: 'in-a-meeting', lastActive: 5_000, note: 'Back at 3' });
    contacts.presenceChanged('sip:lena@contoso.com', { availability: 'Away' });
    expect(pushes.at(-1)).toEqual({ name: 'presenceChanged', payload: { uri: 'sip:lena@contoso.com', presence: { availability: 'Away' }, isMe: false } });
    contacts.noteChanged('sip:lena@contoso.com', 'ignored');
    expect(pushes.filter((p) => (p.payload as { uri?: string }).uri === 'sip:lena@contoso.com')).toHaveLength(1);
    // A contact found again keeps the presence and photo already known.
    expect(contacts.contactFor(info('sip:ben@contoso.com', 'Ben O.')).presence.availability).toBe('Busy');
  });

  it('fetches the first look directly: presence and note where given, then the photos that are small images', async () => {
    const { client, contacts, lastList } = book();
    client.contacts = ['ben', 'carl', 'dana', 'lena', 'omar'].map((n) => info(`sip:${n}@contoso.com`, n));
    client.details = [
      { uri: 'sip:ben@contoso.com', presence: { availability: 'Online' }, note: 'Hi' },
      { uri: 'sip:carl@contoso.com', note: 'Only a note' },
      { uri: 'sip:dana@contoso.com', presence: { availability: 'Away', activity: 'away' } },
      { uri: 'sip:lena@contoso.com' },
    ];
    client.photos.set('sip:ben@contoso.com', { contentType: 'image/png', data: Buffer.from([1]) });
    client.photos.set('sip:carl@contoso.com', { contentType: 'IMAGE/JPEG; charset=binary', data: Buffer.from([2]) });
    client.photos.set('sip:dana@contoso.com', { contentType: 'image/svg+xml', data: Buffer.from('<svg/>') });
    client.photos.set('sip:lena@contoso.com', { contentType: 'image/webp', data: Buffer.alloc(MAX_PHOTO_BYTES + 1) });
    client.photos.set('sip:omar@contoso.com', { contentType: 'image/gif', data: Buffer.alloc(0) });
    await contacts.load(client);
    await settle(() => lastList().some((c) => c.photo !== undefined));
    const seen = Object.fromEntries(lastList().map((c) => [c.name, { presence: c.presence, photo: c.photo }]));
    expect(seen).toEqual({
      ben: { presence: { availability: 'Online', note: 'Hi' }, photo: 'data:image/png;base64,AQ==' },
      carl: { presence: { availability: 'Unknown', note: 'Only a note' }, photo: 'data:image/jpeg;base64,Ag==' },
      dana: { presence: { availability: 'Away', activity: 'away' }, photo: undefined },
      lena: { presence: { availability: 'Unknown' }, photo: undefined },
      omar: { presence: { availability: 'Unknown' }, photo: undefined },
    });
  });
});

describe('a long contact list', () => {
  const many = (n: number): ContactInfo[] => Array.from({ length: n }, (_, i) => info(`sip:p${i}@contoso.com`, `Person ${i}`));

  it('reaches the windows in parts with the event loop running between them, and nothing is lost or stale', async () => {
    const { client, contacts, pushes } = book();
    const count = 2 * CONTACTS_PER_PUSH + 500;
    client.contacts = many(count);
    client.groups = [{ id: 'g', name: 'All', kind: 'group', contactUris: client.contacts.map((c) => c.uri) }];
    // Between the first part and the second, the last person's presence changes: not yet sent to
    // the windows, so it must travel in its part.
    const last = `sip:p${count - 1}@contoso.com`;
    let ranBetween = -1;
    const loading = contacts.load(client);
    const between = (): void => {
      if (pushes.some((p) => p.name === 'contactsChanged')) {
        ranBetween = pushes.filter((p) => p.name === 'contactsUpdated').length;
        contacts.presenceChanged(last, { availability: 'Busy' });
      } else setImmediate(between);
    };
    setImmediate(between);
    await loading;
    const lists = pushes.filter((p) => p.name === 'contactsChanged' || p.name === 'contactsUpdated').map((p) => [p.name, (p.payload as { contacts: readonly Contact[] }).contacts.length]);
    expect(lists).toEqual([['contactsChanged', CONTACTS_PER_PUSH], ['contactsUpdated', CONTACTS_PER_PUSH], ['contactsUpdated', 500]]);
    expect(ranBetween).toBe(0);
    const seen = contactsAsWindowSees(pushes);
    expect(seen).toHaveLength(count);
    expect(seen.find((c) => c.uri === last)?.presence.availability).toBe('Busy');
    expect((pushes.find((p) => p.name === 'contactsChanged')?.payload as { groups: unknown[] }).groups).toHaveLength(1);
  });

  it('stops a push under way when the list is cleared (signed out)', async () => {
    const { client, contacts, pushes } = book();
    client.contacts = many(3 * CONTACTS_PER_PUSH);
    const loading = contacts.load(client);
    const clearOnFirst = (): void => {
      if (pushes.some((p) => p.name === 'contactsChanged')) contacts.clear();
      else setImmediate(clearOnFirst);
    };
    setImmediate(clearOnFirst);
    await loading;
    expect(pushes.filter((p) => p.name === 'contactsUpdated')).toEqual([]);
  });

  it('sends new photos as the contacts that changed, not the whole list again', async () => {
    const { client, contacts, pushes } = book();
    client.contacts = many(120);
    for (const c of client.contacts.slice(0, 3)) client.photos.set(c.uri, { contentType: 'image/png', data: Buffer.from([7]) });
    await contacts.load(client);
    await settle(() => contactsAsWindowSees(pushes).filter((c) => c.photo !== undefined).length === 3);
    expect(pushes.filter((p) => p.name === 'contactsChanged')).toHaveLength(1);
    const photoPush = pushes.find((p) => p.name === 'contactsUpdated')?.payload as { contacts: readonly Contact[] };
    expect(photoPush.contacts.map((c) => c.uri)).toEqual(['sip:p0@contoso.com', 'sip:p1@contoso.com', 'sip:p2@contoso.com']);
    expect(contacts.get('sip:p1@contoso.com')?.photo).toBe('data:image/png;base64,Bw==');
  });
});

describe('photos and presence for the windows', () => {
  it('accept the four image types at any size up to the limit', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp']) expect(photoDataUrl({ contentType: type, data: Buffer.alloc(MAX_PHOTO_BYTES) }), type).toMatch(new RegExp(`^data:${type};base64,`));
    expect(photoDataUrl({ contentType: '', data: Buffer.from([1]) })).toBeUndefined();
    expect(toPresence({ availability: 'Busy' })).toEqual({ availability: 'Busy' });
  });
});
