// Events and resources are checked in place (no schema copy, for throughput): every shape rule a
// schema enforced still holds, and a bad one is skipped alone or refused with a typed error.
import { describe, expect, it } from 'vitest';
import { parseEventBatch } from '../../../src/main/ucwa/event-batch';
import { Resource, asRawResource } from '../../../src/main/ucwa/resource';

const BASE = new URL('https://pool.contoso.com/ucwa/oauth/v1/applications/1/events?ack=1');
const NEXT = { next: { href: '/events?ack=2' } };
const good = { link: { rel: 'message', href: '/m/1' }, type: 'added' };

describe('resource shape', () => {
  it('accepts a resource as it is (no copy) and refuses each malformed part', () => {
    const raw = { rel: 'contact', name: 'Ana', _links: { self: { href: '/p/1' }, many: [{ href: '/a' }, { href: '/b', title: 'B' }] }, _embedded: { x: {} } };
    expect(asRawResource(raw)).toBe(raw);
    for (const bad of [null, [], 'text', 7, { rel: 5 }, { _links: [] }, { _links: { self: { href: 1 } } }, { _links: { self: [{ href: '/a' }, { title: 'no href' }] } }, { _links: { self: { href: '/a', title: 3 } } }, { _embedded: [] }, { _embedded: 'x' }]) {
      expect(asRawResource(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(() => Resource.parse({ _links: { self: 'x' } }, BASE, 'contact')).toThrow(/malformed contact/);
    // An embedded item of the wrong shape is left out of the list, the rest kept.
    expect(new Resource({ _embedded: { contact: [{ name: 'A' }, { rel: 1 }, { name: 'C' }] } }, BASE).embeddedList('contact').map((c) => c.string('name'))).toEqual(['A', 'C']);
  });
});

describe('event batch shape', () => {
  it('refuses a batch that is not an object with links and a sender list', () => {
    for (const bad of [null, [], { sender: [] }, { _links: [], sender: [] }, { _links: NEXT, sender: {} }, { _links: {} }, { _links: { next: { href: 3 } } }]) {
      expect(() => parseEventBatch(bad, BASE), JSON.stringify(bad)).toThrow(expect.objectContaining({ code: 'malformed-response' }));
    }
  });

  it('skips each malformed sender or event alone', () => {
    const skipped: string[] = [];
    const batch = parseEventBatch(
      {
        _links: NEXT,
        sender: [
          { rel: 'conversation', href: '/c/1', events: [good, { ...good, type: 4 }, { ...good, link: { rel: 'message' } }, { ...good, link: { rel: 'm', href: '/x', title: 1 } }, { ...good, in: { rel: 'c' } }, { ...good, _embedded: [] }, { ...good, status: 1 }, 'junk'] },
          { rel: 'conversation', href: 5, events: [good] },
          { rel: 'conversation', href: '/c/2', events: 'no' },
          { rel: 'conversation', href: '/c/3', events: [{ ...good, reason: { code: 1 } }, { ...good, link: { rel: 'constructor', href: '/m/2' } }] },
        ],
      },
      BASE,
      (why) => skipped.push(why),
    );
    expect(skipped).toEqual(['event 1 of sender conversation is malformed', 'event 2 of sender conversation is malformed', 'event 3 of sender conversation is malformed', 'event 4 of sender conversation is malformed', 'event 5 of sender conversation is malformed', 'event 6 of sender conversation is malformed', 'event 7 of sender conversation is malformed', 'sender 1 is malformed', 'sender 2 is malformed']);
    expect(batch.events.map((e) => e.url.pathname)).toEqual(['/m/1', '/m/1', '/m/2']);
    // A reason of the wrong shape says nothing, and a rel named like an Object method finds no embedded copy.
    expect(batch.events[1]?.reason).toEqual({});
    expect(batch.events[2]?.resource).toBeUndefined();
  });
});
