// The contact list shows presence, notes and photos right after sign-in, without waiting for the
// server's aggregated subscription events, and follows note changes that come with presence.
import { describe, expect, it } from 'vitest';
import type { Contact, Me } from '../../../src/shared/domain';
import type { EventName } from '../../../src/shared/ipc-contract';
import { photoDataUrl } from '../../../src/main/session/contact-details';
import { headlessSession } from '../../../src/main/session/headless-session';
import { UcwaClient } from '../../../src/main/ucwa/index';
import { contactsAsWindowSees } from '../../support/contact-pushes';
import { clientFor, startSim } from '../../support/simulator';

describe('contact details', () => {
  it('fills presence, note and photo at sign-in, then follows changes', async () => {
    // Subscription events would take a minute: what shows up sooner was fetched directly.
    const sim = await startSim({ mediumPriorityMs: 60_000 });
    const carl = clientFor(sim, 'carl@contoso.com');
    await carl.signIn();
    await carl.makeMeAvailable('Busy');
    await carl.setMyNote('At the design review');
    const pushes: { name: EventName; payload: unknown }[] = [];
    const session = headlessSession({ createClient: (o) => new UcwaClient({ ...o, endpointId: 'details' }), push: (name, payload) => pushes.push({ name, payload }) });
    const me = (await session.handlers().signIn({ server: sim.url, user: 'ana@contoso.com', password: 'demo', rememberMe: false }, { windowId: 1 })) as Me;
    expect(me.presence.note).toBeUndefined();
    // My picture follows "connected" instead of holding it up.
    await expect.poll(() => session.snapshot().me?.photo, { timeout: 5_000 }).toMatch(/^data:image\/png;base64,/);
    const contact = async (uri: string): Promise<Contact | undefined> => (await session.handlers().getContacts({}, { windowId: 1 })).contacts.find((c) => c.uri === uri);
    await expect.poll(async () => (await contact('sip:carl@contoso.com'))?.presence, { timeout: 5_000 }).toMatchObject({ availability: 'Busy', note: 'At the design review' });
    await expect.poll(async () => (await contact('sip:carl@contoso.com'))?.photo, { timeout: 5_000 }).toMatch(/^data:image\//);
    expect(contactsAsWindowSees(pushes).find((c) => c.uri === 'sip:carl@contoso.com')?.photo).toMatch(/^data:image\//);
    await session.signOut();
  });

  it('makes data URLs only of small images', () => {
    expect(photoDataUrl({ contentType: 'image/png', data: Buffer.from([1, 2, 3]) })).toBe('data:image/png;base64,AQID');
    expect(photoDataUrl({ contentType: 'image/jpeg; charset=binary', data: Buffer.from([1]) })).toBe('data:image/jpeg;base64,AQ==');
    expect(photoDataUrl({ contentType: 'image/svg+xml', data: Buffer.from('<svg onload=alert(1)>') })).toBeUndefined();
    expect(photoDataUrl({ contentType: 'text/html', data: Buffer.from('<b>') })).toBeUndefined();
    expect(photoDataUrl({ contentType: 'image/png', data: Buffer.alloc(600 * 1024) })).toBeUndefined();
    expect(photoDataUrl(undefined)).toBeUndefined();
  });
});
