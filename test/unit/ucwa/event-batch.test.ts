import { describe, expect, it } from 'vitest';
import { parseEventBatch } from '../../../src/main/ucwa/event-batch';
import { UcwaError } from '../../../src/main/ucwa/errors';
import { parseUcwaDate } from '../../../src/main/ucwa/resource';

const base = new URL('https://pool.contoso.com/ucwa/oauth/v1/applications/3017/events?ack=7');
const app = '/ucwa/oauth/v1/applications/3017';

describe('parseEventBatch', () => {
  it('keeps sender and event order, with a sender repeated to preserve order', () => {
    const batch = parseEventBatch(
      {
        _links: { self: { href: `${app}/events?ack=7` }, next: { href: `${app}/events?ack=8` } },
        sender: [
          { rel: 'conversation', href: `${app}/communication/conversations/c1`, events: [{ link: { rel: 'message', href: `${app}/communication/conversations/c1/messaging/messages/1` }, type: 'completed', status: 'Success' }] },
          { rel: 'communication', href: `${app}/communication`, events: [{ link: { rel: 'conversation', href: `${app}/communication/conversations/c2` }, type: 'added' }] },
          { rel: 'conversation', href: `${app}/communication/conversations/c1`, events: [{ link: { rel: 'message', href: `${app}/communication/conversations/c1/messaging/messages/2` }, type: 'completed', status: 'Success' }] },
        ],
      },
      base,
    );
    expect(batch.next?.href).toBe('https://pool.contoso.com/ucwa/oauth/v1/applications/3017/events?ack=8');
    expect(batch.events.map((e) => `${e.sender.rel}:${e.url.pathname.split('/').pop()}`)).toEqual(['conversation:1', 'communication:c2', 'conversation:2']);
  });

  it('resolves relative hrefs against the pool origin and keeps embedded resources by link rel', () => {
    const batch = parseEventBatch(
      {
        _links: { next: { href: `${app}/events?ack=8` } },
        sender: [
          {
            rel: 'conversation',
            href: `${app}/communication/conversations/c1`,
            events: [
              {
                link: { rel: 'localParticipant', href: `${app}/communication/conversations/c1/participants/ana@contoso.com` },
                type: 'added',
                _embedded: { localParticipant: { name: 'Ana', uri: 'sip:ana@contoso.com', rel: 'participant', _links: { self: { href: 'participants/ana@contoso.com' } } } },
              },
              { link: { rel: 'participant', href: `${app}/communication/conversations/c1/participants/ben@contoso.com`, title: 'Ben Osei' }, in: { rel: 'typingParticipants', href: `${app}/communication/conversations/c1/messaging/typingParticipants` }, type: 'added' },
            ],
          },
        ],
      },
      base,
    );
    const [local, typing] = batch.events;
    expect(local?.url.origin).toBe('https://pool.contoso.com');
    expect(local?.resource?.string('name')).toBe('Ana');
    expect(local?.resource?.rel).toBe('participant');
    expect(typing?.resource).toBeUndefined();
    expect(typing?.title).toBe('Ben Osei');
    expect(typing?.in?.rel).toBe('typingParticipants');
  });

  it('reads resync and resume links and an empty, timer-released batch', () => {
    expect(parseEventBatch({ _links: { resync: { href: `${app}/events?ack=3` } } }, base).resync?.searchParams.get('ack')).toBe('3');
    const resumed = parseEventBatch({ _links: { resume: { href: `${app}/events?ack=9` } }, sender: [] }, base);
    expect(resumed.resume?.searchParams.get('ack')).toBe('9');
    expect(resumed.events).toHaveLength(0);
  });

  it('carries failure reasons', () => {
    const batch = parseEventBatch(
      { _links: { next: { href: 'x' } }, sender: [{ rel: 'communication', href: 'c', events: [{ link: { rel: 'messagingInvitation', href: 'i' }, type: 'completed', status: 'Failure', reason: { code: 'RemoteFailure', subcode: 'Declined', message: 'No' } }] }] },
      base,
    );
    expect(batch.events[0]?.reason).toEqual({ code: 'RemoteFailure', subcode: 'Declined', message: 'No' });
  });

  it('rejects malformed batches with a typed error', () => {
    expect(() => parseEventBatch('<html>', base)).toThrow(UcwaError);
    expect(() => parseEventBatch({ _links: {} }, base)).toThrow(/no next, resync or resume/);
  });

  it('skips a malformed sender or event alone and keeps the rest of the batch', () => {
    const skipped: string[] = [];
    const batch = parseEventBatch(
      {
        _links: { next: { href: `${app}/events?ack=8` } },
        sender: [
          { rel: 'me' },
          {
            rel: 'conversation',
            href: `${app}/communication/conversations/c1`,
            events: [
              { link: { rel: 'message' }, type: 'completed' },
              'not an event',
              { link: { rel: 'message', href: `${app}/communication/conversations/c1/messaging/messages/3` }, type: 'completed', status: 'Failure', reason: 'no object' },
              { link: { rel: 'message', href: `${app}/communication/conversations/c1/messaging/messages/4` }, type: 'completed', status: 'Success' },
            ],
          },
        ],
      },
      base,
      (why) => skipped.push(why),
    );
    expect(batch.next?.searchParams.get('ack')).toBe('8');
    expect(batch.events.map((e) => e.url.pathname.split('/').pop())).toEqual(['3', '4']);
    expect(batch.events[0]?.reason).toEqual({});
    expect(skipped).toHaveLength(3);
  });
});

describe('parseEventBatch: what a server may leave out or get wrong', () => {
  const conversation = `${app}/communication/conversations/c1`;
  const message = (n: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ link: { rel: 'message', href: `${conversation}/messaging/messages/${n}` }, type: 'completed', ...extra });
  const parse = (sender: unknown): { batch: ReturnType<typeof parseEventBatch>; skipped: string[] } => {
    const skipped: string[] = [];
    const batch = parseEventBatch({ _links: { next: { href: `${app}/events?ack=8` } }, ...(sender === undefined ? {} : { sender }) }, base, (why) => skipped.push(why));
    return { batch, skipped };
  };

  it('says what is wrong with a batch it cannot read at all', () => {
    for (const value of ['<html>', null, [], { sender: [] }, { _links: [] }, { _links: {}, sender: {} }]) {
      expect(() => parseEventBatch(value, base)).toThrow(/^The server sent a malformed event batch\.$/);
    }
  });

  it('takes a batch without senders, and a sender without events, as nothing to report', () => {
    expect(parse(undefined)).toEqual({ batch: { next: new URL(`${base.origin}${app}/events?ack=8`), events: [] }, skipped: [] });
    expect(parse([{ rel: 'me', href: `${app}/me` }, { rel: 'conversation', href: conversation, events: [message(1)] }]).skipped).toEqual([]);
  });

  it('skips a null sender, a null link and a null `in` alone', () => {
    const { batch, skipped } = parse([null, { rel: 'conversation', href: conversation, events: [{ link: null, type: 'completed' }, message(2, { in: null }), message(3)] }]);
    expect(batch.events.map((e) => e.url.pathname.split('/').pop())).toEqual(['3']);
    expect(skipped).toEqual(['sender 0 is malformed', 'event 0 of sender conversation is malformed', 'event 1 of sender conversation is malformed']);
  });

  it('skips a sender, a link or an `in` without its rel alone', () => {
    const { batch, skipped } = parse([
      { href: conversation, events: [message(1)] },
      { rel: 'conversation', href: conversation, events: [{ link: { href: `${conversation}/messaging/messages/2` }, type: 'completed' }, message(3, { in: { href: conversation } }), message(4)] },
    ]);
    expect(batch.events.map((e) => e.url.pathname.split('/').pop())).toEqual(['4']);
    expect(skipped).toEqual(['sender 0 is malformed', 'event 0 of sender conversation is malformed', 'event 1 of sender conversation is malformed']);
  });

  it('takes the embedded copy named by the link rel, or the only one embedded, and none when it cannot tell', () => {
    const { batch } = parse([
      {
        rel: 'conversation',
        href: conversation,
        events: [
          message(1, { _embedded: { message: { direction: 'Incoming' }, participant: { name: 'Ana' } } }),
          message(2, { _embedded: { anything: { direction: 'Outgoing' } } }),
          message(3, { _embedded: { one: { direction: 'Incoming' }, two: { direction: 'Outgoing' } } }),
          message(4),
        ],
      },
    ]);
    expect(batch.events.map((e) => e.resource?.string('direction'))).toEqual(['Incoming', 'Outgoing', undefined, undefined]);
    expect(batch.events.map((e) => 'resource' in e)).toEqual([true, true, false, false]);
  });

  it('carries only the parts of a reason the server sent, and no reason when it sent none', () => {
    const { batch } = parse([{ rel: 'conversation', href: conversation, events: [message(1, { status: 'Failure', reason: { message: 'Declined' } }), message(2, { status: 'Failure', reason: { code: 'Forbidden', subcode: 'X' } }), message(3, { status: 'Success' })] }]);
    expect(batch.events[0]?.reason).toStrictEqual({ message: 'Declined' });
    expect(batch.events[1]?.reason).toStrictEqual({ code: 'Forbidden', subcode: 'X' });
    expect(batch.events[2]).not.toHaveProperty('reason');
  });
});

describe('parseUcwaDate', () => {
  it('reads the ASP.NET AJAX form, raw or JSON-unescaped', () => {
    expect(parseUcwaDate('/Date(1732442415337)/')?.toISOString()).toBe('2024-11-24T10:00:15.337Z');
    expect(parseUcwaDate('\\/Date(1732442415337)\\/')?.getTime()).toBe(1732442415337);
    expect(parseUcwaDate('/Date(1732442415337+0100)/')?.getTime()).toBe(1732442415337);
  });
  it('accepts ISO and refuses junk', () => {
    expect(parseUcwaDate('2024-11-24T10:00:15Z')?.getTime()).toBe(Date.UTC(2024, 10, 24, 10, 0, 15));
    expect(parseUcwaDate('soon')).toBeUndefined();
    expect(parseUcwaDate(42)).toBeUndefined();
  });
});
