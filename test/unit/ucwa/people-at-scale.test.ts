// Presence for thousands of contacts: each update finds its contact by href through an index (not
// a scan of every contact), and a batch of updates is applied in slices that let the event loop run.
import { describe, expect, it } from 'vitest';
import type { AuthenticatedHttp } from '../../../src/main/ucwa/authenticated-http';
import { parseEventBatch } from '../../../src/main/ucwa/event-batch';
import { EventDispatcher, PEOPLE_UPDATES_PER_SLICE } from '../../../src/main/ucwa/event-dispatcher';
import type { UcwaEvent } from '../../../src/main/ucwa/events';
import { SecretRedactor, createLogger, silentSink } from '../../../src/main/ucwa/logger';
import type { Messaging } from '../../../src/main/ucwa/messaging';
import { People } from '../../../src/main/ucwa/people';
import type { PresenceSubscriber } from '../../../src/main/ucwa/presence-subscriber';
import { Resource } from '../../../src/main/ucwa/resource';

const APP = '/ucwa/oauth/v1/applications/1';
const BASE = new URL(`https://pool.contoso.com${APP}`);

/** People whose contact list has been loaded, without a server: `contacts()` answered from memory. */
async function loadedPeople(count: number): Promise<People> {
  const list = new Resource({ _embedded: { contact: Array.from({ length: count }, (_, i) => ({ uri: `sip:Person${i}@contoso.com`, name: `Person ${i}`, _links: { self: { href: `${APP}/people/P${i}-x` }, contactPresence: { href: `${APP}/people/P${i}-x/presence` } } })) } }, BASE);
  const http = { getResource: async () => list, getCollection: async () => list } as unknown as AuthenticatedHttp;
  const application = new Resource({ _embedded: { people: { _links: { myContacts: { href: `${APP}/people/contacts` } } } } }, BASE);
  const people = new People(http, () => application);
  await people.contacts();
  return people;
}

describe('people at scale', () => {
  it('resolves a presence, note or contact href to the address the list gave, in any case', async () => {
    const people = await loadedPeople(5);
    // The href's last segment is not the address: only the index can know who it is.
    expect(people.uriForHref(new URL(`https://pool.contoso.com${APP}/people/p3-X/presence`))).toBe('sip:Person3@contoso.com');
    expect(people.uriForHref(new URL(`https://pool.contoso.com${APP}/people/P4-x/note`))).toBe('sip:Person4@contoso.com');
    expect(people.uriForHref(new URL(`https://pool.contoso.com${APP}/people/P0-x`))).toBe('sip:Person0@contoso.com');
    expect(people.uriForHref(new URL(`https://pool.contoso.com${APP}/people/sip:stranger@contoso.com/presence`))).toBe('sip:stranger@contoso.com');
    people.forget();
    expect(people.uriForHref(new URL(`https://pool.contoso.com${APP}/people/P3-x/presence`))).toBe('sip:p3-x');
  });

  it('applies a batch of embedded presence updates in slices, letting other work run in between', async () => {
    const count = 5 * PEOPLE_UPDATES_PER_SLICE;
    const people = await loadedPeople(count);
    const emitted: string[] = [];
    let otherWorkRanAfter: number | undefined;
    const emit = (event: UcwaEvent): void => {
      if (event.type === 'presenceChanged') emitted.push(event.uri);
    };
    const dispatcher = new EventDispatcher({} as AuthenticatedHttp, {} as Messaging, people, {} as PresenceSubscriber, emit, createLogger('test', silentSink, new SecretRedactor()));
    const batch = parseEventBatch(
      {
        _links: { next: { href: `${APP}/events?ack=2` } },
        sender: [{ rel: 'people', href: `${APP}/people`, events: Array.from({ length: count }, (_, i) => ({ link: { rel: 'contactPresence', href: `${APP}/people/P${i}-x/presence` }, type: 'updated', _embedded: { contactPresence: { availability: 'Busy' } } })) }],
      },
      new URL(`${APP}/events?ack=1`, BASE),
    );
    setImmediate(() => (otherWorkRanAfter = emitted.length));
    await dispatcher.dispatch(batch.events);
    expect(emitted).toHaveLength(count);
    expect(emitted[count - 1]).toBe(`sip:Person${count - 1}@contoso.com`);
    expect(otherWorkRanAfter).toBe(PEOPLE_UPDATES_PER_SLICE);
  });
});
