// Presence, contacts, groups, search and photos against the simulator (issue: presence and contacts).
import { describe, expect, it } from 'vitest';
import type { UcwaEvent } from '../../../src/main/ucwa/index';
import { clientFor, startSim, twoUsers } from '../../support/simulator';

describe('own presence and note', () => {
  it('reads and sets availability and the personal note; events keep the model current', async () => {
    const sim = await startSim({ mediumPriorityMs: 50 });
    const { ana } = await twoUsers(sim);
    expect((await ana.getMyPresence()).availability).toBe('Online');
    const changed = ana.waitFor('myPresenceChanged', (e) => e.presence.availability === 'Busy');
    await ana.setMyPresence('Busy');
    await changed;
    expect((await ana.getMyPresence()).availability).toBe('Busy');
    const noted = ana.waitFor('myNoteChanged', (e) => e.note === 'In Lisbon this week');
    await ana.setMyNote('In Lisbon this week');
    await noted;
    expect(await ana.getMyNote()).toBe('In Lisbon this week');
    const photo = await ana.getMyPhoto();
    expect(photo?.contentType).toBe('image/png');
    expect(photo?.data.subarray(1, 4).toString()).toBe('PNG');
  });

  it('before makeMeAvailable, presence is not offered', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    await expect(ana.getMyPresence()).rejects.toThrow(/make me available/);
  });
});

describe('contacts and groups', () => {
  it('lists groups (pinned, default, groups, distribution groups) with members, and contact details', async () => {
    const sim = await startSim();
    const { ana } = await twoUsers(sim);
    const groups = await ana.getGroups();
    expect(groups.map((g) => [g.kind, g.name])).toEqual([
      ['pinned', 'Favorites'],
      ['default', 'Other Contacts'],
      ['group', 'Team'],
      ['distribution', 'All Staff'],
    ]);
    expect(groups.find((g) => g.kind === 'group')?.contactUris).toEqual(['sip:ben@contoso.com', 'sip:carl@contoso.com', 'sip:dana@contoso.com']);
    const contacts = await ana.getContacts();
    const ben = contacts.find((c) => c.uri === 'sip:ben@contoso.com');
    expect(ben).toMatchObject({ name: 'Ben Osei', title: 'Engineer', department: 'Engineering', emails: ['ben@contoso.com'] });
    expect(ben?.phones[0]?.type).toBe('work');
    expect((await ana.getContactPresence('sip:ben@contoso.com')).availability).toBe('Online');
    expect((await ana.getContactPresence('sip:carl@contoso.com')).availability).toBe('Offline');
    expect(await ana.getContactNote('sip:echo@contoso.com')).toBe('I repeat everything you say');
  });

  it('photos are fetched once and cached; a missing or failing photo is simply none', async () => {
    const sim = await startSim();
    const { ana } = await twoUsers(sim);
    await ana.getContacts();
    sim.control.failPhoto('ben@contoso.com');
    const photoRequests = (): number => sim.control.requests().filter((r) => r.path.endsWith('/photo')).length;
    const echo = await ana.getContactPhoto('sip:echo@contoso.com');
    expect(echo?.contentType).toBe('image/png');
    await ana.getContactPhoto('sip:echo@contoso.com');
    expect(photoRequests()).toBe(1);
    expect(await ana.getContactPhoto('sip:lena@contoso.com')).toBeUndefined();
    expect(await ana.getContactPhoto('sip:ben@contoso.com')).toBeUndefined();
    expect(sim.control.requests().filter((r) => r.path.endsWith('/photo')).map((r) => r.status).sort()).toEqual([200, 404, 500]);
  });
});

describe('live presence', () => {
  it('a contact\'s presence change arrives as an event, and an unknown availability becomes Unknown', async () => {
    const sim = await startSim({ mediumPriorityMs: 50 });
    const { ana, ben } = await twoUsers(sim);
    const contacts = await ana.getContacts();
    const events: UcwaEvent[] = [];
    ana.on((e) => events.push(e));
    await ana.subscribePresence(contacts.map((c) => c.uri));
    await expect.poll(() => events.filter((e) => e.type === 'presenceChanged').length).toBeGreaterThanOrEqual(contacts.length);

    const benBusy = ana.waitFor('presenceChanged', (e) => e.uri === 'sip:ben@contoso.com' && e.presence.availability === 'Busy');
    await ben.setMyPresence('Busy');
    await benBusy;

    const lenaAway = ana.waitFor('presenceChanged', (e) => e.uri === 'sip:lena@contoso.com' && e.presence.availability === 'Away');
    sim.control.setPresence({ uri: 'lena@contoso.com', availability: 'Away' });
    await lenaAway;

    const odd = ana.waitFor('presenceChanged', (e) => e.uri === 'sip:lena@contoso.com' && e.presence.availability === 'Unknown');
    sim.control.setPresence({ uri: 'lena@contoso.com', availability: 'OnTheMoon' });
    await odd;

    // A note change is its own event (contactNote updated), with no presence event for it.
    const presenceEvents = events.filter((e) => e.type === 'presenceChanged').length;
    const note = ana.waitFor('contactNoteChanged', (e) => e.uri === 'sip:ben@contoso.com' && e.note === 'Out for lunch');
    await ben.setMyNote('Out for lunch');
    await note;
    expect(events.filter((e) => e.type === 'presenceChanged').length).toBe(presenceEvents);

    // Ben signs out: he goes Offline for Ana.
    const offline = ana.waitFor('presenceChanged', (e) => e.uri === 'sip:ben@contoso.com' && e.presence.availability === 'Offline');
    await ben.signOut();
    await offline;
  });

  it('subscriptions are extended before they expire, so presence keeps flowing', async () => {
    // A subscription "minute" of 40 ms: 30 minutes last 1.2 s; the client extends every 400 ms.
    const sim = await startSim({ subscriptionMinuteMs: 40, mediumPriorityMs: 20 });
    const ana = clientFor(sim, 'ana@contoso.com', { subscriptionExtendMs: 400 });
    await ana.signIn();
    await ana.makeMeAvailable();
    await ana.getContacts();
    await ana.subscribePresence(['sip:lena@contoso.com']);
    // Three extensions take 1.2 s; the subscription would have expired after the first 1.2 s without them.
    await expect.poll(() => ana.stats.subscriptionExtensions, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    expect(ana.stats.subscriptionRecreations).toBe(0);
    const busy = ana.waitFor('presenceChanged', (e) => e.uri === 'sip:lena@contoso.com' && e.presence.availability === 'Busy', 2_000);
    sim.control.setPresence({ uri: 'lena@contoso.com', availability: 'Busy' });
    await busy;
  });

  it('an expired subscription (404) is re-created', async () => {
    const sim = await startSim({ mediumPriorityMs: 20 });
    const ana = clientFor(sim, 'ana@contoso.com', { subscriptionExtendMs: 300 });
    await ana.signIn();
    await ana.makeMeAvailable();
    await ana.getContacts();
    await ana.subscribePresence(['sip:lena@contoso.com']);
    expect(sim.control.expireSubscriptions('ana@contoso.com')).toBe(1);
    await expect.poll(() => ana.stats.subscriptionRecreations, { timeout: 3_000 }).toBe(1);
    expect(sim.control.requests().filter((r) => r.path.includes('/presenceSubscriptions/') && r.status === 404)).toHaveLength(1);
    const away = ana.waitFor('presenceChanged', (e) => e.uri === 'sip:lena@contoso.com' && e.presence.availability === 'Away', 2_000);
    sim.control.setPresence({ uri: 'lena@contoso.com', availability: 'Away' });
    await away;
  });
});

describe('configured contact lists, location and sign-out', () => {
  it('uses the contact groups configured for a user, reads contact location, and drops subscriptions on sign-out', async () => {
    const users = [
      { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz', password: 'demo' },
      { uri: 'sip:ben@contoso.com', name: 'Ben Osei', password: 'demo' },
    ];
    const sim = await startSim({
      directory: { domain: 'contoso.com', users, scripted: [{ uri: 'sip:lena@contoso.com', name: 'Lena Adler', behavior: 'silent' }], contactLists: { 'sip:ana@contoso.com': [{ id: 'vip', name: 'VIP', kind: 'group', members: ['sip:lena@contoso.com'] }] } },
    });
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    await ana.makeMeAvailable();
    expect((await ana.getGroups()).map((g) => [g.name, g.contactUris])).toEqual([['VIP', ['sip:lena@contoso.com']]]);
    sim.control.setPresence({ uri: 'lena@contoso.com', availability: 'Online', location: 'Lisbon office' });
    expect(await ana.getContactLocation('sip:lena@contoso.com')).toBe('Lisbon office');
    await ana.subscribePresence(['sip:lena@contoso.com']);
    await ana.signOut();
    expect(sim.control.requests().filter((r) => r.method === 'DELETE' && r.path.includes('/presenceSubscriptions/')).map((r) => r.status)).toEqual([204]);
  });
});

describe('directory search', () => {
  it('finds people by name, address or phone; results can be messaged and show presence', async () => {
    const sim = await startSim({ generatedContacts: 50 });
    const { ana } = await twoUsers(sim);
    const result = await ana.search('osei', 10);
    expect(result.contacts.map((c) => c.uri)).toEqual(['sip:ben@contoso.com']);
    expect(result.moreResultsAvailable).toBe(false);
    const many = await ana.search('person', 5);
    expect(many.contacts).toHaveLength(5);
    expect(many.moreResultsAvailable).toBe(true);
    expect((await ana.getContactPresence('sip:ben@contoso.com')).availability).toBe('Online');
    await expect(ana.search('x'.repeat(300))).rejects.toThrow(/query/);
  });
});
