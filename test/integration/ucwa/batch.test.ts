// Batched presence and notes against the simulator's batch endpoint (protocol §8.1).
import { describe, expect, it } from 'vitest';
import { clientFor, startSim } from '../../support/simulator';

describe('batch requests', () => {
  it('fetches the presence and notes of many contacts in a few batch POSTs', async () => {
    const sim = await startSim({ generatedContacts: 120 });
    const carl = clientFor(sim, 'carl@contoso.com');
    await carl.signIn();
    await carl.makeMeAvailable('Busy');
    await carl.setMyNote('In the lab');
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    const contacts = await ana.getContacts();
    const before = sim.control.requests().length;
    const details = await ana.getContactDetails(contacts.map((c) => c.uri));
    const requests = sim.control.requests().slice(before);
    expect(details).toHaveLength(contacts.length);
    expect(details.find((d) => d.uri === 'sip:carl@contoso.com')).toMatchObject({ presence: { availability: 'Busy' }, note: 'In the lab' });
    // Presence and note for each contact: two requests each, 90 to a batch, and not one on its own.
    const batches = requests.filter((r) => r.method === 'POST' && r.path.endsWith('/batch'));
    expect(batches.length).toBe(Math.ceil((contacts.length * 2) / 90));
    expect(requests.filter((r) => r.method === 'GET')).toEqual([]);
  });

  it('falls back to one GET each when the server refuses the batch', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    const contacts = await ana.getContacts();
    sim.control.failNext({ count: 1, status: 500, method: 'POST', path: '/batch$' });
    const details = await ana.getContactDetails(contacts.map((c) => c.uri));
    expect(details).toHaveLength(contacts.length);
    expect(details.every((d) => d.presence !== undefined)).toBe(true);
  });

  it('refuses more than 100 parts as a whole, and events or photos inside a batch per part', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    const token = await (await fetch(`${sim.url}/WebTicket/oauthtoken`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=ana@contoso.com&password=demo' })).json() as { access_token: string };
    const appsBefore = sim.control.requests().filter((r) => r.path.includes('/applications/')).map((r) => r.path)[0] ?? '';
    const appBase = /\/ucwa\/oauth\/v1\/applications\/[^/]+/.exec(appsBefore)?.[0] ?? '';
    const part = (path: string): string => `--b\r\nContent-Type: application/http; msgtype=request\r\n\r\nGET ${path} HTTP/1.1\r\nAccept: application/json\r\n\r\n`;
    const post = (parts: string[]) =>
      fetch(`${sim.url}${appBase}/batch`, { method: 'POST', headers: { Authorization: `Bearer ${token.access_token}`, 'Content-Type': 'multipart/batching;boundary=b', Accept: 'multipart/batching' }, body: `${parts.join('')}--b--\r\n` });
    const tooMany = await post(Array.from({ length: 101 }, () => part(`${appBase}/me`)));
    expect(tooMany.status).toBe(429);
    const mixed = await post([part(`${appBase}/me`), part(`${appBase}/events?ack=1`), part(`${appBase}/people/ben@contoso.com/photo`)]);
    expect(mixed.status).toBe(200);
    const text = await mixed.text();
    expect([...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1])).toEqual(['200', '400', '400']);
  });
});
