// The contact list at its edges: a list push cut short by signing out, presence and notes of people
// outside the list (and how many of them are remembered), photos kept, sent fifty at a time, dropped
// for people no longer listed, and never taken from a connection that has been replaced.
import { describe, expect, it } from 'vitest';
import type { Contact, Presence } from '../../../src/shared/domain';
import type { EventName } from '../../../src/shared/ipc-contract';
import { CONTACTS_PER_PUSH, ContactBook } from '../../../src/main/session/contact-book';
import type { UcwaClient } from '../../../src/main/ucwa/index';
import { contactsAsWindowSees } from '../../support/contact-pushes';
import { Gate, person, ScriptedPeople } from './support/scripted-people';

interface Pushed {
  readonly name: EventName;
  readonly payload: unknown;
}

function book(client = new ScriptedPeople()) {
  const pushes: Pushed[] = [];
  const current: { client: UcwaClient | undefined } = { client };
  /** Runs on each push, as it is pushed (a window reacting at once). */
  const onPush: { run: (p: Pushed) => void } = { run: () => undefined };
  const contacts = new ContactBook((name, payload) => {
    pushes.push({ name, payload });
    onPush.run({ name, payload });
  }, () => current.client);
  return { pushes, client, current, contacts, onPush };
}

const png = (byte: number) => ({ contentType: 'image/png', data: Buffer.from([byte]) });
const pngUrl = (byte: number): string => `data:image/png;base64,${Buffer.from([byte]).toString('base64')}`;
const contactsIn = (p: Pushed): readonly Contact[] => (p.payload as { contacts?: readonly Contact[] }).contacts ?? [];
const presencePushed = (pushes: readonly Pushed[], uri: string): Presence[] =>
  pushes.filter((p) => p.name === 'presenceChanged' && (p.payload as { uri: string }).uri === uri).map((p) => (p.payload as { presence: Presence }).presence);

describe('a list push cut short by signing out', () => {
  it('does not carry on when the next sign-in pushes its own list', async () => {
    const first = new ScriptedPeople('first');
    first.contacts = Array.from({ length: 3 * CONTACTS_PER_PUSH }, (_, i) => person(`sip:p${i}@contoso.com`, `Person ${i}`));
    const second = new ScriptedPeople('second');
    second.contacts = [person('sip:p1500@contoso.com', 'Person 1500'), person('sip:zoe@contoso.com', 'Zoe Park')];
    const { pushes, current, contacts, onPush } = book(first);
    let signedOutAt = -1;
    let loadingSecond: Promise<void> = Promise.resolve();
    // Signed out as soon as the first part reached the windows, and signed in again at once.
    onPush.run = (p) => {
      if (p.name !== 'contactsChanged' || signedOutAt >= 0) return;
      signedOutAt = pushes.length;
      current.client = second;
      contacts.clear();
      loadingSecond = contacts.load(second);
    };
    await contacts.load(first);
    await loadingSecond;
    const after = pushes.slice(signedOutAt).filter((p) => p.name === 'contactsChanged' || p.name === 'contactsUpdated');
    expect(after.map((p) => [p.name, contactsIn(p).map((c) => c.uri)])).toEqual([['contactsChanged', ['sip:p1500@contoso.com', 'sip:zoe@contoso.com']]]);
    expect(contactsAsWindowSees(pushes).map((c) => c.name)).toEqual(['Person 1500', 'Zoe Park']);
  });
});

describe('people outside the list', () => {
  it('have the note told earlier shown with their presence, whatever the case of their address', () => {
    const { contacts, pushes } = book();
    contacts.noteChanged('sip:lena@contoso.com', 'Back at 3');
    contacts.presenceChanged('sip:Lena@Contoso.com', { availability: 'Away' });
    expect(presencePushed(pushes, 'sip:Lena@Contoso.com')).toEqual([{ availability: 'Away', note: 'Back at 3' }]);
  });

  it('are each remembered: telling about one does not make the list forget another', () => {
    const { contacts, pushes } = book();
    contacts.noteChanged('sip:lena@contoso.com', 'Back at 3');
    contacts.noteChanged('sip:omar@contoso.com', 'On leave');
    contacts.presenceChanged('sip:lena@contoso.com', { availability: 'Away' });
    contacts.presenceChanged('sip:omar@contoso.com', { availability: 'Offline' });
    expect(presencePushed(pushes, 'sip:lena@contoso.com')).toEqual([{ availability: 'Away', note: 'Back at 3' }]);
    expect(presencePushed(pushes, 'sip:omar@contoso.com')).toEqual([{ availability: 'Offline', note: 'On leave' }]);
  });

  it('are remembered a thousand at most: the one first told about is forgotten when the 1,001st comes, the others keep their note', () => {
    const { contacts, pushes } = book();
    const uri = (i: number): string => `sip:s${i}@contoso.com`;
    for (let i = 0; i <= 1_000; i++) contacts.noteChanged(uri(i), `note ${i}`);
    // s1 is remembered (told again and again, it stays remembered with its note).
    contacts.presenceChanged(uri(1), { availability: 'Away' });
    contacts.presenceChanged(uri(1), { availability: 'Busy' });
    expect(presencePushed(pushes, uri(1))).toEqual([{ availability: 'Away', note: 'note 1' }, { availability: 'Busy', note: 'note 1' }]);
    contacts.presenceChanged(uri(1_000), { availability: 'Online' });
    expect(presencePushed(pushes, uri(1_000))).toEqual([{ availability: 'Online', note: 'note 1000' }]);
    // s0 was pushed out by s1000.
    contacts.presenceChanged(uri(0), { availability: 'Away' });
    expect(presencePushed(pushes, uri(0))).toEqual([{ availability: 'Away' }]);
  });
});

describe('photos', () => {
  it('are kept when a listed person is found again (a search) or the list is loaded again (a recovery)', async () => {
    const first = new ScriptedPeople('first');
    first.contacts = [person('sip:ben@contoso.com', 'Ben Osei')];
    first.photos.set('sip:ben@contoso.com', png(1));
    const { pushes, current, contacts } = book(first);
    await contacts.load(first);
    await expect.poll(() => contacts.get('sip:ben@contoso.com')?.photo).toBe(pngUrl(1));
    expect(contacts.contactFor(person('sip:ben@contoso.com', 'Ben O.'))).toMatchObject({ name: 'Ben O.', photo: pngUrl(1) });
    const second = new ScriptedPeople('second');
    second.contacts = [person('sip:ben@contoso.com', 'Ben Osei')];
    current.client = second;
    const before = pushes.length;
    await contacts.load(second);
    const list = pushes.slice(before).find((p) => p.name === 'contactsChanged');
    expect(list === undefined ? [] : contactsIn(list).map((c) => c.photo)).toEqual([pngUrl(1)]);
  });

  it('reach the windows fifty at a time', async () => {
    const { client, contacts, pushes } = book();
    client.contacts = Array.from({ length: 120 }, (_, i) => person(`sip:p${i}@contoso.com`, `Person ${i}`));
    for (const c of client.contacts) client.photos.set(c.uri, png(7));
    await contacts.load(client);
    await expect.poll(() => contactsAsWindowSees(pushes).filter((c) => c.photo !== undefined).length).toBe(120);
    expect(pushes.filter((p) => p.name === 'contactsUpdated').map((p) => contactsIn(p).length)).toEqual([50, 50, 20]);
  });

  it('of people no longer listed push nothing at all', async () => {
    const { client, contacts, pushes } = book();
    const gate = new Gate();
    client.contacts = [...Array.from({ length: 50 }, (_, i) => person(`sip:p${i}@contoso.com`, `Person ${i}`)), person('sip:quinn@contoso.com', 'Quinn Lee')];
    for (const c of client.contacts) {
      client.photos.set(c.uri, png(3));
      client.photoGates.set(c.uri, gate);
    }
    await contacts.load(client);
    await expect.poll(() => client.photosAsked.length).toBeGreaterThan(0);
    // The list is forgotten and loaded again with Quinn alone while the photos are on their way.
    contacts.clear();
    const cleared = pushes.length;
    client.contacts = [person('sip:quinn@contoso.com', 'Quinn Lee')];
    await contacts.load(client);
    gate.open();
    // Quinn's photo comes twice (the first fetch's and the second's); the first fifty are no one's.
    const withQuinn = (): number => pushes.filter((p) => p.name === 'contactsUpdated' && contactsIn(p).some((c) => c.uri === 'sip:quinn@contoso.com')).length;
    await expect.poll(withQuinn).toBe(2);
    expect(pushes.slice(cleared).filter((p) => p.name === 'contactsUpdated').map((p) => contactsIn(p).map((c) => c.uri))).toEqual([['sip:quinn@contoso.com'], ['sip:quinn@contoso.com']]);
  });

  it('from a connection replaced before they were shown are dropped: the new connection\'s are shown', async () => {
    const old = new ScriptedPeople('old');
    old.contacts = ['ben', 'carl', 'dana', 'eve', 'fay'].map((n) => person(`sip:${n}@contoso.com`, n));
    for (const c of old.contacts) old.photos.set(c.uri, png(1));
    // Ben's photo arrives at once, the others' only after the connection was replaced. Four are asked
    // for at a time: Fay's is asked for once Ben's has been taken in.
    const late = new Gate();
    for (const c of old.contacts.slice(1)) old.photoGates.set(c.uri, late);
    const { pushes, current, contacts } = book(old);
    await contacts.load(old);
    await expect.poll(() => old.photosAsked).toEqual(old.contacts.map((c) => c.uri));
    // A recovery: the new connection replaces the old one, the list stays until it is loaded again.
    const recovered = new ScriptedPeople('recovered');
    recovered.contacts = old.contacts;
    for (const c of recovered.contacts) recovered.photos.set(c.uri, png(2));
    current.client = recovered;
    late.open();
    await contacts.load(recovered);
    await expect.poll(() => contactsAsWindowSees(pushes).map((c) => c.photo)).toEqual(Array(5).fill(pngUrl(2)));
    const photosEverPushed = pushes.flatMap((p) => contactsIn(p).map((c) => c.photo)).filter((photo) => photo !== undefined);
    expect(photosEverPushed).not.toContain(pngUrl(1));
    expect(contacts.get('sip:ben@contoso.com')?.photo).toBe(pngUrl(2));
  });
});
