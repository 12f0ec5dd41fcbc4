// Photos reach the contact list in batches, pushed to the windows as they are stored: a window that
// asks for the contacts never sees a photo that the open windows were not sent.
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/shared/domain';
import { headlessSession } from '../../../src/main/session/headless-session';
import { UcwaClient } from '../../../src/main/ucwa/index';
import { contactsAsWindowSees, type Pushed } from '../../support/contact-pushes';
import { startSim } from '../../support/simulator';

describe('contact photos', () => {
  it('a photo in getContacts has been pushed, even while a slow photo is still loading', async () => {
    const sim = await startSim();
    // Dana's photo takes a while; the others come at once.
    sim.control.delayNext({ count: 1, ms: 1_500, method: 'GET', path: 'dana*/photo$' });
    const pushes: Pushed[] = [];
    const windowSees = (uri: string): Contact | undefined => contactsAsWindowSees(pushes).find((c) => c.uri === uri);
    const session = headlessSession({
      createClient: (o) => new UcwaClient({ ...o, endpointId: 'photos' }),
      push: (name, payload) => void pushes.push({ name, payload }),
    });
    await session.handlers().signIn({ server: sim.url, user: 'ana@contoso.com', password: 'demo', rememberMe: false }, { windowId: 1 });
    const photoOf = async (uri: string): Promise<string | undefined> => (await session.handlers().getContacts({}, { windowId: 1 })).contacts.find((c) => c.uri === uri)?.photo;
    await expect.poll(() => photoOf('sip:carl@contoso.com'), { timeout: 5_000 }).toMatch(/^data:image\//);
    expect(windowSees('sip:carl@contoso.com')?.photo).toMatch(/^data:image\//);
    await expect.poll(() => photoOf('sip:dana@contoso.com'), { timeout: 5_000 }).toMatch(/^data:image\//);
    expect(windowSees('sip:dana@contoso.com')?.photo).toMatch(/^data:image\//);
    await session.signOut();
  });
});
