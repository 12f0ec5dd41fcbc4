// The dispatcher routes each event of a batch, in order, to the part of the client that owns it
// (protocol §9.7): me → own presence and note, people → contact presence, note and subscription
// expiry, everything else → messaging. Link-only contact updates are coalesced per contact and
// fetched together after the rest of the batch (§10.18, §8.1). One event that cannot be handled is
// logged and skipped alone: the rest of its batch still counts (a message after it is not lost).
import { describe, expect, it } from 'vitest';
import type { AuthenticatedHttp } from '../../../src/main/ucwa/authenticated-http';
import { UcwaError } from '../../../src/main/ucwa/errors';
import { parseEventBatch } from '../../../src/main/ucwa/event-batch';
import type { RawEvent } from '../../../src/main/ucwa/event-batch';
import { EventDispatcher, PEOPLE_UPDATES_PER_SLICE } from '../../../src/main/ucwa/event-dispatcher';
import type { UcwaEvent } from '../../../src/main/ucwa/events';
import { SecretRedactor, createLogger } from '../../../src/main/ucwa/logger';
import type { LogLevel } from '../../../src/main/ucwa/logger';
import type { Messaging } from '../../../src/main/ucwa/messaging';
import type { People } from '../../../src/main/ucwa/people';
import type { PresenceSubscriber } from '../../../src/main/ucwa/presence-subscriber';
import { Resource } from '../../../src/main/ucwa/resource';

const ORIGIN = 'https://pool.contoso.com';
const APP = `${ORIGIN}/ucwa/oauth/v1/applications/1`;
const url = (path: string): URL => new URL(`${APP}${path}`);

interface LogRecord {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields?: Record<string, unknown>;
}

function resource(path: string, body: Record<string, unknown>): Resource {
  return Resource.parse({ _links: { self: { href: url(path).pathname } }, ...body }, url(path), 'test resource');
}

function event(senderRel: string, rel: string, path: string, extra: Partial<RawEvent> = {}): RawEvent {
  return { sender: { rel: senderRel, url: url(`/${senderRel}`) }, rel, url: url(path), type: 'updated', ...extra };
}

/** A contact's presence update, link-only unless a resource is given; `in` names the contact (§5.3). */
function contactUpdate(rel: 'contactPresence' | 'contactNote', contact: string, embedded?: Record<string, unknown>): RawEvent {
  const path = `/people/${contact}/${rel === 'contactPresence' ? 'presence' : 'note'}`;
  return event('people', rel, path, { in: { rel: 'contact', url: url(`/people/${contact}`) }, ...(embedded === undefined ? {} : { resource: resource(path, embedded) }) });
}

interface Harness {
  readonly dispatcher: EventDispatcher;
  readonly emitted: UcwaEvent[];
  readonly logs: LogRecord[];
  /** Every GET the dispatcher (or the batch helper under it) asked, as `path what`. */
  readonly gets: string[];
  /** Every event messaging was handed, with what the dispatcher resolved as its resource. */
  readonly handled: RawEvent[];
  readonly expiryWarnings: URL[];
  readonly hrefsAsked: URL[];
}

interface HarnessOptions {
  /** Answers of GET by path; a missing path answers 404, an Error is thrown as is. */
  readonly answers?: Readonly<Record<string, Record<string, unknown> | Error>>;
  readonly batchUrl?: URL;
  readonly handle?: (event: RawEvent, resolve: (e: RawEvent) => Promise<Resource | undefined>) => Promise<void>;
  readonly uriForHref?: (href: URL) => string;
  readonly onEmit?: (event: UcwaEvent) => void;
}

function harness(options: HarnessOptions = {}): Harness {
  const emitted: UcwaEvent[] = [];
  const logs: LogRecord[] = [];
  const gets: string[] = [];
  const handled: RawEvent[] = [];
  const expiryWarnings: URL[] = [];
  const hrefsAsked: URL[] = [];
  const http = {
    getResource: async (target: URL, what: string): Promise<Resource> => {
      gets.push(`${target.pathname} ${what}`);
      const answer = options.answers?.[target.pathname.slice(new URL(APP).pathname.length)];
      if (answer instanceof Error) throw answer;
      if (answer === undefined) throw new UcwaError('not-found', `${target.pathname} is gone.`);
      return Resource.parse(answer, target, what);
    },
    send: async () => {
      throw new UcwaError('http', 'no batch in this test');
    },
  } as unknown as AuthenticatedHttp;
  const messaging = {
    handle: async (e: RawEvent, resolve: (e: RawEvent) => Promise<Resource | undefined>) => {
      handled.push(e);
      await options.handle?.(e, resolve);
    },
  } as unknown as Messaging;
  const people = {
    batchUrl: () => options.batchUrl,
    uriForHref: (href: URL) => {
      hrefsAsked.push(href);
      return options.uriForHref?.(href) ?? `sip:${href.pathname.split('/').pop() ?? ''}@contoso.com`;
    },
  } as unknown as People;
  const subscriber = { onExpiryWarning: async (target: URL) => void expiryWarnings.push(target) } as unknown as PresenceSubscriber;
  const logger = createLogger('test', (level, _scope, message, fields) => void logs.push({ level, message, ...(fields === undefined ? {} : { fields }) }), new SecretRedactor());
  const emit = (e: UcwaEvent): void => {
    emitted.push(e);
    options.onEmit?.(e);
  };
  return { dispatcher: new EventDispatcher(http, messaging, people, subscriber, emit, logger), emitted, logs, gets, handled, expiryWarnings, hrefsAsked };
}

describe('EventDispatcher', () => {
  it('skips an event whose handler throws and handles the rest of the batch', async () => {
    const handled: string[] = [];
    const h = harness({
      handle: async (e) => {
        if (e.url.pathname.endsWith('/1')) throw new RangeError('Invalid code point 1114112');
        handled.push(e.url.pathname);
      },
    });
    const conversation = '/ucwa/oauth/v1/applications/1/communication/conversations/c1';
    const batch = parseEventBatch(
      {
        _links: { next: { href: '/events?ack=2' } },
        sender: [{ rel: 'conversation', href: conversation, events: [1, 2, 3].map((n) => ({ link: { rel: 'message', href: `${conversation}/messaging/messages/${n}` }, type: 'completed', status: 'Success' })) }],
      },
      new URL(`${ORIGIN}/events?ack=1`),
    );
    await h.dispatcher.dispatch(batch.events);
    expect(handled).toEqual([`${conversation}/messaging/messages/2`, `${conversation}/messaging/messages/3`]);
    expect(h.logs).toContainEqual({ level: 'warn', message: 'skipped an event that could not be handled', fields: { sender: 'conversation', rel: 'message', type: 'completed', reason: 'Invalid code point 1114112' } });
  });

  it('says why when a handler throws something that is not an Error', async () => {
    const h = harness({
      handle: async () => {
        throw 'not an error object';
      },
    });
    await h.dispatcher.dispatch([event('conversation', 'message', '/communication/conversations/c1/messaging/messages/1')]);
    expect(h.logs).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ reason: 'not an error object' }) }));
  });

  it('hands every event but the people and me ones to messaging, in the order of the batch', async () => {
    const h = harness();
    const events = [event('communication', 'conversation', '/communication/conversations/c1', { type: 'added' }), event('conversation', 'messaging', '/communication/conversations/c1/messaging'), event('conversation', 'message', '/communication/conversations/c1/messaging/messages/1', { type: 'completed' })];
    await h.dispatcher.dispatch(events);
    expect(h.handled).toEqual(events);
    expect(h.emitted).toEqual([]);
    await h.dispatcher.dispatch([]);
    expect(h.handled).toHaveLength(3);
  });

  it('gives messaging a resolver: the embedded copy when there is one, else a GET of the target', async () => {
    const resolved: (Resource | undefined)[] = [];
    const h = harness({
      answers: { '/communication/conversations/c1/messaging': { state: 'Connected' } },
      handle: async (e, resolve) => void resolved.push(await resolve(e)),
    });
    const embedded = resource('/communication/conversations/c1', { state: 'Conferenced' });
    await h.dispatcher.dispatch([event('communication', 'conversation', '/communication/conversations/c1', { resource: embedded })]);
    await h.dispatcher.dispatch([event('conversation', 'messaging', '/communication/conversations/c1/messaging')]);
    expect(resolved[0]).toBe(embedded);
    expect(resolved[1]?.string('state')).toBe('Connected');
    expect(h.gets).toEqual(['/ucwa/oauth/v1/applications/1/communication/conversations/c1/messaging messaging']);
  });

  it('answers undefined for a target that cannot be fetched: a 404 (a finished operation) is information, anything else a warning', async () => {
    const h = harness({ answers: { '/communication/conversations/c1/messaging': new UcwaError('http', 'HTTP 500 from the pool') } });
    const gone = event('conversation', 'message', '/communication/conversations/c1/messaging/messages/9', { type: 'completed' });
    const failing = event('conversation', 'messaging', '/communication/conversations/c1/messaging');
    expect(await h.dispatcher.resourceOf(gone)).toBeUndefined();
    expect(await h.dispatcher.resourceOf(failing)).toBeUndefined();
    expect(h.logs).toEqual([
      { level: 'info', message: 'could not fetch an event target', fields: { rel: 'message', reason: '/ucwa/oauth/v1/applications/1/communication/conversations/c1/messaging/messages/9 is gone.' } },
      { level: 'warn', message: 'could not fetch an event target', fields: { rel: 'messaging', reason: 'HTTP 500 from the pool' } },
    ]);
  });

  it('tells my presence and my note from their embedded copies, and that "me" changed', async () => {
    const h = harness();
    await h.dispatcher.dispatch([
      event('me', 'me', '/me'),
      event('me', 'presence', '/me/presence', { resource: resource('/me/presence', { availability: 'Busy', activity: 'InAMeeting' }) }),
      event('me', 'note', '/me/note', { resource: resource('/me/note', { message: 'Back at 3' }) }),
      event('me', 'note', '/me/note', { resource: resource('/me/note', {}) }),
    ]);
    expect(h.emitted).toEqual([{ type: 'meChanged' }, { type: 'myPresenceChanged', presence: { availability: 'Busy', activity: 'InAMeeting' } }, { type: 'myNoteChanged', note: 'Back at 3' }, { type: 'myNoteChanged', note: '' }]);
    expect(h.handled).toEqual([]);
    expect(h.gets).toEqual([]);
  });

  it('fetches a link-only update of my presence or note, and tells nothing when it cannot be fetched', async () => {
    const h = harness({ answers: { '/me/presence': { availability: 'Away' }, '/me/note': { message: 'Out today' } } });
    await h.dispatcher.dispatch([event('me', 'presence', '/me/presence')]);
    await h.dispatcher.dispatch([event('me', 'note', '/me/note')]);
    expect(h.emitted).toEqual([{ type: 'myPresenceChanged', presence: { availability: 'Away' } }, { type: 'myNoteChanged', note: 'Out today' }]);
    expect(h.gets).toEqual(['/ucwa/oauth/v1/applications/1/me/presence presence', '/ucwa/oauth/v1/applications/1/me/note note']);
    const failing = harness();
    await failing.dispatcher.dispatch([event('me', 'presence', '/me/presence'), event('me', 'note', '/me/note')]);
    expect(failing.emitted).toEqual([]);
    expect(failing.gets).toHaveLength(2);
  });

  it('tells nothing for a deleted presence or note of mine, or a "me" event of another kind', async () => {
    const h = harness();
    await h.dispatcher.dispatch([
      event('me', 'presence', '/me/presence', { type: 'deleted', resource: resource('/me/presence', { availability: 'Online' }) }),
      event('me', 'location', '/me/location', { resource: resource('/me/location', { location: 'Berlin' }) }),
    ]);
    await h.dispatcher.dispatch([event('me', 'me', '/me', { type: 'deleted' })]);
    expect(h.emitted).toEqual([{ type: 'meChanged' }]);
    expect(h.gets).toEqual([]);
  });

  it('passes a subscription expiry warning to the subscriber and nothing else of "people" to messaging', async () => {
    const h = harness();
    await h.dispatcher.dispatch([event('people', 'presenceSubscription', '/people/presenceSubscriptions/7')]);
    await h.dispatcher.dispatch([event('people', 'presenceSubscription', '/people/presenceSubscriptions/8', { type: 'deleted' }), event('people', 'contact', '/people/ana', { type: 'added' }), event('people', 'contact', '/people/bob')]);
    expect(h.expiryWarnings.map((u) => u.pathname)).toEqual(['/ucwa/oauth/v1/applications/1/people/presenceSubscriptions/7']);
    expect(h.handled).toEqual([]);
    expect(h.emitted).toEqual([]);
  });

  it('tells a contact presence or note update, even alone in its batch, for the contact the event is in', async () => {
    const h = harness({ answers: { '/people/ana/presence': { availability: 'Online', deviceType: 'Mobile' }, '/people/ana/note': { message: 'On leave' } } });
    await h.dispatcher.dispatch([contactUpdate('contactPresence', 'ana')]);
    await h.dispatcher.dispatch([contactUpdate('contactNote', 'ana')]);
    await h.dispatcher.dispatch([contactUpdate('contactNote', 'bob', {})]);
    expect(h.emitted).toEqual([
      { type: 'presenceChanged', uri: 'sip:ana@contoso.com', presence: { availability: 'Online', deviceType: 'Mobile' } },
      { type: 'contactNoteChanged', uri: 'sip:ana@contoso.com', note: 'On leave' },
      { type: 'contactNoteChanged', uri: 'sip:bob@contoso.com', note: '' },
    ]);
    expect(h.hrefsAsked.map((u) => u.pathname.split('/').pop())).toEqual(['ana', 'ana', 'bob']);
    expect(h.gets).toEqual(['/ucwa/oauth/v1/applications/1/people/ana/presence contact presence or note', '/ucwa/oauth/v1/applications/1/people/ana/note contact presence or note']);
  });

  it('routes by sender, not by rel: a contact presence or note named by another sender is for messaging', async () => {
    const h = harness();
    const events = [event('communication', 'contactPresence', '/people/ana/presence', { resource: resource('/people/ana/presence', { availability: 'Online' }) }), event('conversation', 'contactNote', '/people/ana/note', { resource: resource('/people/ana/note', { message: 'x' }) })];
    await h.dispatcher.dispatch(events);
    expect(h.handled).toEqual(events);
    expect(h.emitted).toEqual([]);
  });

  it('names the contact from the event\'s own url when the server does not say which contact it is in', async () => {
    const h = harness();
    const update = event('people', 'contactPresence', '/people/carl/presence', { resource: resource('/people/carl/presence', { availability: 'Away' }) });
    await h.dispatcher.dispatch([update]);
    expect(h.hrefsAsked).toEqual([update.url]);
  });

  it('applies contact updates after the rest of the batch, once per contact (the last one), whatever the case of their urls', async () => {
    const order: string[] = [];
    const h = harness({
      answers: { '/people/ana/presence': { availability: 'Busy' } },
      handle: async (e) => void order.push(e.rel),
      onEmit: (e) => void order.push(e.type),
    });
    const first = contactUpdate('contactPresence', 'ana', { availability: 'Online' });
    const upper = { ...contactUpdate('contactPresence', 'ana', { availability: 'Away' }), url: url('/people/ANA/presence') };
    await h.dispatcher.dispatch([first, event('conversation', 'message', '/communication/conversations/c1/messaging/messages/1', { type: 'completed' }), upper, contactUpdate('contactNote', 'ana', { message: 'one' }), contactUpdate('contactNote', 'ana', { message: 'two' })]);
    expect(order).toEqual(['message', 'presenceChanged', 'contactNoteChanged']);
    expect(h.emitted).toEqual([
      { type: 'presenceChanged', uri: 'sip:ana@contoso.com', presence: { availability: 'Away' } },
      { type: 'contactNoteChanged', uri: 'sip:ana@contoso.com', note: 'two' },
    ]);
    expect(h.gets).toEqual([]);
  });

  it('does not take a contact update that is not "updated" for one', async () => {
    const h = harness();
    await h.dispatcher.dispatch([contactUpdate('contactPresence', 'ana', { availability: 'Online' }), { ...contactUpdate('contactNote', 'bob', { message: 'x' }), type: 'deleted' }, { ...contactUpdate('contactPresence', 'carl', { availability: 'Online' }), type: 'added' }]);
    expect(h.emitted).toEqual([{ type: 'presenceChanged', uri: 'sip:ana@contoso.com', presence: { availability: 'Online' } }]);
    expect(h.handled).toEqual([]);
  });

  it('fetches only the link-only updates, and skips with a warning the ones that cannot be fetched', async () => {
    const h = harness({ answers: { '/people/bob/presence': { availability: 'Online' } } });
    await h.dispatcher.dispatch([contactUpdate('contactPresence', 'ana', { availability: 'Away' }), contactUpdate('contactPresence', 'bob'), contactUpdate('contactPresence', 'gone'), contactUpdate('contactNote', 'carl', { message: 'hi' })]);
    expect(h.gets.sort()).toEqual(['/ucwa/oauth/v1/applications/1/people/bob/presence contact presence or note', '/ucwa/oauth/v1/applications/1/people/gone/presence contact presence or note']);
    expect(h.emitted.map((e) => ('uri' in e ? e.uri : e.type))).toEqual(['sip:ana@contoso.com', 'sip:bob@contoso.com', 'sip:carl@contoso.com']);
    expect(h.logs).toContainEqual({ level: 'warn', message: 'could not fetch a contact update', fields: { rel: 'contactPresence', url: '/ucwa/oauth/v1/applications/1/people/gone/presence' } });
  });

  it('logs and drops the contact updates of a batch that fail as a whole, after the rest of the batch was handled', async () => {
    const h = harness({
      uriForHref: () => {
        throw new Error('no such contact');
      },
    });
    await h.dispatcher.dispatch([event('conversation', 'message', '/communication/conversations/c1/messaging/messages/1', { type: 'completed' }), contactUpdate('contactPresence', 'ana', { availability: 'Online' })]);
    expect(h.handled).toHaveLength(1);
    expect(h.emitted).toEqual([]);
    expect(h.logs).toContainEqual({ level: 'warn', message: 'could not apply contact updates', fields: { reason: 'no such contact' } });
  });

  it('lets the event loop run between slices of a large round of contact updates', async () => {
    const count = 2 * PEOPLE_UPDATES_PER_SLICE + 1;
    const updates = Array.from({ length: count }, (_, i) => contactUpdate('contactPresence', `c${i}`, { availability: 'Online' }));
    const h = harness();
    const seenByOtherWork: number[] = [];
    const look = (): void => {
      seenByOtherWork.push(h.emitted.length);
      if (h.emitted.length < count) setImmediate(look);
    };
    setImmediate(look);
    await h.dispatcher.dispatch(updates);
    expect(h.emitted).toHaveLength(count);
    // Other work ran after the first slice and after the second: not before the first update
    // (a wasted turn) and never in the middle of a slice.
    expect(seenByOtherWork.filter((n) => n < count)).toEqual([PEOPLE_UPDATES_PER_SLICE, 2 * PEOPLE_UPDATES_PER_SLICE]);
  });
});
