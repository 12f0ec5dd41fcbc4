// The first look at the contact list, fetched directly: what it changes for each person (nothing when
// the server says nothing, never a note it does not mention), the photo types the windows show, and
// an answer from a connection replaced meanwhile, which is dropped.
import { describe, expect, it } from 'vitest';
import type { Presence } from '../../../src/shared/domain';
import type { EventName } from '../../../src/shared/ipc-contract';
import { ContactBook } from '../../../src/main/session/contact-book';
import { photoDataUrl } from '../../../src/main/session/contact-details';
import type { UcwaClient } from '../../../src/main/ucwa/index';
import { contactsAsWindowSees } from '../../support/contact-pushes';
import { Gate, person, ScriptedPeople } from './support/scripted-people';

function book(client: ScriptedPeople) {
  const pushes: { name: EventName; payload: unknown }[] = [];
  const current: { client: UcwaClient | undefined } = { client };
  const contacts = new ContactBook((name, payload) => pushes.push({ name, payload }), () => current.client);
  const presencePushed = (uri: string): Presence[] =>
    pushes.filter((p) => p.name === 'presenceChanged' && (p.payload as { uri: string }).uri === uri).map((p) => (p.payload as { presence: Presence }).presence);
  return { pushes, current, contacts, presencePushed };
}

describe('the first look', () => {
  it('pushes nothing for a person the server says nothing about', async () => {
    const client = new ScriptedPeople();
    client.contacts = [person('sip:lena@contoso.com', 'Lena Vogel'), person('sip:ben@contoso.com', 'Ben Osei')];
    // Lena's answer comes first and is empty; Ben's follows it.
    client.details = [{ uri: 'sip:lena@contoso.com' }, { uri: 'sip:ben@contoso.com', presence: { availability: 'Online' } }];
    const { contacts, presencePushed } = book(client);
    await contacts.load(client);
    await expect.poll(() => presencePushed('sip:ben@contoso.com')).toEqual([{ availability: 'Online' }]);
    expect(presencePushed('sip:lena@contoso.com')).toEqual([]);
  });

  it('keeps a note told before it when it gives presence alone', async () => {
    const client = new ScriptedPeople();
    client.contacts = [person('sip:ben@contoso.com', 'Ben Osei')];
    client.details = [{ uri: 'sip:ben@contoso.com', presence: { availability: 'Online' } }];
    const { contacts, pushes } = book(client);
    // Ben's note event came before the list was loaded.
    contacts.noteChanged('sip:ben@contoso.com', 'Back at 3');
    await contacts.load(client);
    await expect.poll(() => contacts.get('sip:ben@contoso.com')?.presence.availability).toBe('Online');
    expect(contacts.get('sip:ben@contoso.com')?.presence).toStrictEqual({ availability: 'Online', note: 'Back at 3' });
    expect(contactsAsWindowSees(pushes)[0]?.presence).toStrictEqual({ availability: 'Online', note: 'Back at 3' });
  });

  it('from a connection replaced before it arrived is dropped: the new connection\'s is shown', async () => {
    const old = new ScriptedPeople('old');
    old.contacts = [person('sip:ben@contoso.com', 'Ben Osei')];
    old.details = [{ uri: 'sip:ben@contoso.com', presence: { availability: 'Busy' }, note: 'Stale' }];
    old.detailsGate = new Gate();
    const { contacts, current, presencePushed } = book(old);
    await contacts.load(old);
    await expect.poll(() => old.detailsAsked).toEqual([['sip:ben@contoso.com']]);
    // A recovery: the new connection replaces the old one, the list stays until it is loaded again.
    const recovered = new ScriptedPeople('recovered');
    recovered.contacts = old.contacts;
    recovered.details = [{ uri: 'sip:ben@contoso.com', presence: { availability: 'Online' }, note: 'Fresh' }];
    current.client = recovered;
    old.detailsGate.open();
    await contacts.load(recovered);
    await expect.poll(() => contacts.get('sip:ben@contoso.com')?.presence).toEqual({ availability: 'Online', note: 'Fresh' });
    expect(presencePushed('sip:ben@contoso.com')).toEqual([{ availability: 'Online', note: 'Fresh' }]);
    expect(old.photosAsked).toEqual([]);
  });
});

describe('photos the windows show', () => {
  it('are PNG, JPEG, GIF and WebP images, each of them', async () => {
    const types = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
    const client = new ScriptedPeople();
    client.contacts = types.map((_, i) => person(`sip:p${i}@contoso.com`, `Person ${i}`));
    types.forEach((type, i) => client.photos.set(`sip:p${i}@contoso.com`, { contentType: type, data: Buffer.from([i + 1]) }));
    const { contacts, pushes } = book(client);
    await contacts.load(client);
    // The photos reach the windows together (fewer than a push holds).
    await expect.poll(() => contactsAsWindowSees(pushes).some((c) => c.photo !== undefined)).toBe(true);
    expect(contactsAsWindowSees(pushes).map((c) => c.photo)).toEqual(['data:image/png;base64,AQ==', 'data:image/jpeg;base64,Ag==', 'data:image/gif;base64,Aw==', 'data:image/webp;base64,BA==']);
    expect(photoDataUrl({ contentType: 'Image/WebP ; q=1', data: Buffer.from([4]) })).toBe('data:image/webp;base64,BA==');
  });
});
