// The edges of messaging that the mutation run found unwatched (docs/mutation-survivors.md, ucwa):
// a send that meets a 409 because the other side left (§6.9), a send while messaging connects,
// a refused re-invitation, decline/leave/participants, a deleted conversation, time stamps,
// outgoing copies without a direction, and the bookkeeping of pending operations.
import { describe, expect, it } from 'vitest';
import { incomingMessageBody, reasonOf } from '../../../src/main/ucwa/message-parsing';
import { participantFrom } from '../../../src/main/ucwa/conversation-record';
import { PendingOperations } from '../../../src/main/ucwa/pending-operations';
import { UcwaError } from '../../../src/main/ucwa/errors';
import { Resource } from '../../../src/main/ucwa/resource';
import { encodeDataUri } from '../../../src/main/ucwa/data-uri';
import { errorDetail } from '../../../src/shared/error-detail';
import { APP, abs } from './support/scripted-http';
import { messagingHarness } from './support/messaging-harness';

const CONV = `${APP}/communication/conversations/c9`;
const MESSAGING = `${CONV}/messaging`;
const INVITATION = `${APP}/communication/messagingInvitations/inv9`;


const conversation = (events: unknown[]): unknown => ({ rel: 'conversation', href: CONV, events });
const communication = (events: unknown[]): unknown => ({ rel: 'communication', href: `${APP}/communication`, events });
const messagingResource = (state: string, links: Record<string, string>): unknown => ({
  state,
  _links: { self: { href: MESSAGING }, ...Object.fromEntries(Object.entries(links).map(([rel, href]) => [rel, { href }])) },
  rel: 'messaging',
});
const messagingUpdated = (state: string, links: Record<string, string>): unknown =>
  conversation([{ link: { rel: 'messaging', href: MESSAGING }, type: 'updated', _embedded: { messaging: messagingResource(state, links) } }]);

const connectedLinks = { sendMessage: `${MESSAGING}/messages`, stopMessaging: `${MESSAGING}/stop` };
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('sending', () => {
  it('adds messaging again with the message riding along when a send meets 409 because the other side left (§6.9)', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('Connected', connectedLinks)]);
    // Re-read after the 409: the other side left, messaging is idle and can be added again.
    h.http.resources.set(MESSAGING, messagingResource('Disconnected', { addMessaging: `${MESSAGING}/addMessaging` }));
    h.http.onPost = (url) => (url.pathname.endsWith('/messages') ? { status: 409 } : { location: INVITATION });
    const sent = h.messaging.send('c9', { text: 'Still there?' });
    await tick();
    await tick();
    const invite = h.http.posts.find((p) => p.url.endsWith('/addMessaging'));
    expect(invite, 'messaging added again').toBeDefined();
    const body = JSON.parse(invite?.body ?? '{}') as { operationId: string; _links: { message: { href: string } } };
    expect(body._links.message.href).toBe(encodeDataUri('text/plain', 'Still there?'));
    await h.deliver([communication([{ link: { rel: 'messagingInvitation', href: INVITATION }, type: 'completed', status: 'Success' }])]);
    await expect(sent).resolves.toEqual({ operationId: body.operationId });
    expect(h.http.requests).toContain(`GET ${MESSAGING}`);
  });

  it('a send that meets a conversation just moved into a derived conference (404) goes there once the events say so (§6.8)', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('Connected', connectedLinks)]);
    const DERIVED = `${APP}/communication/conversations/c10`;
    h.http.onPost = (url) => (url.pathname.startsWith(CONV + '/') ? { status: 404 } : { location: `${DERIVED}/messaging/messages/m1` });
    const sent = h.messaging.send('c9', { text: 'To all of you' });
    await tick();
    expect(h.http.posts.map((p) => new URL(p.url).pathname)).toEqual([`${MESSAGING}/messages`]);
    // The events arrive: c9 continues as c10, whose messaging is up.
    await h.deliver([
      communication([{ link: { rel: 'conversation', href: CONV }, type: 'updated', reason: { code: 'Informational', subcode: 'DerivedConversation' }, _embedded: { conversation: { state: 'Disconnected', _links: { self: { href: CONV }, derivedConversation: { href: DERIVED } }, rel: 'conversation' } } }]),
      { rel: 'conversation', href: DERIVED, events: [{ link: { rel: 'messaging', href: `${DERIVED}/messaging` }, type: 'updated', _embedded: { messaging: { state: 'Connected', _links: { self: { href: `${DERIVED}/messaging` }, sendMessage: { href: `${DERIVED}/messaging/messages` } }, rel: 'messaging' } } }] },
    ]);
    await tick();
    const second = h.http.posts[1];
    expect(second === undefined ? undefined : new URL(second.url).pathname).toBe(`${DERIVED}/messaging/messages`);
    expect(second?.body).toBe('To all of you');
    const operationId = new URL(second?.url ?? 'x:/').searchParams.get('operationId');
    await h.deliver([{ rel: 'conversation', href: DERIVED, events: [{ link: { rel: 'message', href: `${DERIVED}/messaging/messages/m1` }, type: 'completed', status: 'Success' }] }]);
    await expect(sent).resolves.toEqual({ operationId });
    // Not once more anywhere else.
    expect(h.http.posts).toHaveLength(2);
  });

  it('passes a 409 on when messaging cannot be read again', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('Connected', connectedLinks)]);
    h.http.onPost = () => ({ status: 409 });
    await expect(h.messaging.send('c9', { text: 'Hello' })).rejects.toMatchObject({ code: 'http', status: 409 });
    expect(h.http.posts.map((p) => new URL(p.url).pathname)).toEqual([`${MESSAGING}/messages`]);
  });

  it('waits for messaging that is still connecting, then sends', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('Connecting', {})]);
    h.http.onPost = () => ({ location: `${MESSAGING}/messages/1` });
    const sent = h.messaging.send('c9', { text: 'Hi' });
    await tick();
    expect(h.http.posts).toHaveLength(0);
    await h.deliver([messagingUpdated('Connected', connectedLinks)]);
    await tick();
    expect(h.http.posts.map((p) => p.body)).toEqual(['Hi']);
    await h.deliver([conversation([{ link: { rel: 'message', href: `${MESSAGING}/messages/1` }, type: 'completed', status: 'Success' }])]);
    await expect(sent).resolves.toMatchObject({ operationId: expect.any(String) });
  });

  it('fails a send whose messaging never connects, in the invitation time, without posting', async () => {
    const h = messagingHarness(150);
    await h.deliver([messagingUpdated('Connecting', {})]);
    await expect(h.messaging.send('c9', { text: 'Hi' })).rejects.toMatchObject({ code: 'delivery-failed', message: 'Messaging did not connect in time.' });
    expect(h.http.posts).toHaveLength(0);
  });

  it('ends a conversation whose messaging cannot be added back (410) and says a new one is needed', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('Disconnected', { addMessaging: `${MESSAGING}/addMessaging` })]);
    h.http.onPost = () => ({ status: 410 });
    await expect(h.messaging.send('c9', { text: 'Back?' })).rejects.toMatchObject({ code: 'not-found', status: 410 });
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'conversationEnded', conversationId: 'c9' }));
  });

  it('keeps the conversation when adding messaging back fails for another reason (500)', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('Disconnected', { addMessaging: `${MESSAGING}/addMessaging` })]);
    h.http.onPost = () => ({ status: 500 });
    await expect(h.messaging.send('c9', { text: 'Back?' })).rejects.toMatchObject({ code: 'http', status: 500 });
    expect(h.events.some((e) => e.type === 'conversationEnded')).toBe(false);
    expect(h.messaging.conversationIds()).toContain('c9');
  });

  it('fails the pending sends of a conversation the server deleted as unconfirmed (posted, so perhaps arrived)', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('Connected', connectedLinks)]);
    h.http.onPost = () => ({ location: `${MESSAGING}/messages/7` });
    const sent = h.messaging.send('c9', { text: 'Bye?' });
    await tick();
    await h.deliver([communication([{ link: { rel: 'conversation', href: CONV }, type: 'deleted' }])]);
    await expect(sent).rejects.toMatchObject({ code: 'delivery-unconfirmed', detail: errorDetail('mayHaveArrived', {}) });
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'conversationEnded', conversationId: 'c9' }));
    expect(() => h.messaging.send('c9', { text: 'again' })).toThrow(expect.objectContaining({ code: 'not-found' }) as unknown as Error);
  });
});

describe('invitations and the conversation', () => {
  const incoming = {
    link: { rel: 'messagingInvitation', href: INVITATION },
    type: 'started',
    _embedded: {
      messagingInvitation: {
        direction: 'Incoming',
        state: 'Connecting',
        subject: '',
        _links: {
          self: { href: INVITATION },
          conversation: { href: CONV },
          from: { href: `${CONV}/participants/lene`, title: 'Lene Aaling' },
          accept: { href: `${INVITATION}/accept` },
          decline: { href: `${INVITATION}/decline` },
        },
        rel: 'messagingInvitation',
      },
    },
  };

  it('declines with the reason Local, on the invitation’s own decline link', async () => {
    const h = messagingHarness();
    await h.deliver([communication([incoming])]);
    await h.messaging.decline('inv9');
    expect(h.http.posts).toEqual([{ url: abs(`${INVITATION}/decline`).href, body: JSON.stringify({ reason: 'Local' }) }]);
  });

  it('refuses to decline an invitation that is no longer pending', async () => {
    const h = messagingHarness();
    await h.deliver([communication([incoming])]);
    await h.deliver([communication([{ link: { rel: 'messagingInvitation', href: INVITATION }, type: 'completed', status: 'Success' }])]);
    await expect(h.messaging.decline('inv9')).rejects.toMatchObject({ code: 'not-found' });
    expect(h.http.posts).toHaveLength(0);
  });

  it('reports a failed incoming invitation with the server’s reason', async () => {
    const h = messagingHarness();
    await h.deliver([communication([incoming])]);
    await h.deliver([communication([{ link: { rel: 'messagingInvitation', href: INVITATION }, type: 'completed', status: 'Failure', reason: { code: 'Gone', subcode: 'Cancelled' } }])]);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'invitationFailed', conversationId: 'c9', reason: { code: 'Gone', subcode: 'Cancelled', message: 'The invitation failed. (Cancelled)' } }));
  });

  it('leaves by deleting the conversation (§6.6)', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('Connected', connectedLinks)]);
    await h.messaging.leave('c9');
    expect(h.http.requests).toContain(`DELETE ${CONV}`);
  });

  it('reads the conversation for its participants link, and falls back to who it knows when there is none', async () => {
    const h = messagingHarness();
    await h.deliver([communication([incoming])]);
    h.http.resources.set(CONV, { state: 'Connected', _links: { self: { href: CONV } }, rel: 'conversation' });
    await expect(h.messaging.participants('c9')).resolves.toEqual([{ uri: 'sip:lene', name: 'Lene Aaling' }]);
    expect(h.http.requests).toContain(`GET ${CONV}`);
  });

  it('lists the participants from their own resource once the conversation links it', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('Connected', connectedLinks)]);
    h.http.resources.set(CONV, { state: 'Connected', _links: { self: { href: CONV }, participants: { href: `${CONV}/participants` } }, rel: 'conversation' });
    h.http.resources.set(`${CONV}/participants`, {
      _embedded: { participant: [{ uri: 'sip:carl@contoso.com', name: 'Carl', _links: { self: { href: `${CONV}/participants/carl` } }, rel: 'participant' }] },
      rel: 'participants',
    });
    await expect(h.messaging.participants('c9')).resolves.toEqual([{ uri: 'sip:carl@contoso.com', name: 'Carl' }]);
  });
});

describe('incoming message details', () => {
  const message = (href: string, extra: Record<string, unknown>): unknown =>
    conversation([{ link: { rel: 'message', href }, type: 'completed', status: 'Success', _embedded: { message: { ...extra, _links: { self: { href }, plainMessage: { href: encodeDataUri('text/plain', 'hej') } }, rel: 'message' } } }]);

  it('takes an ISO time stamp as well as the /Date(ms)/ form', async () => {
    const h = messagingHarness();
    await h.deliver([message(`${MESSAGING}/messages/a`, { direction: 'Incoming', timeStamp: '2026-11-30T08:15:00Z' })]);
    await h.deliver([message(`${MESSAGING}/messages/b`, { direction: 'Incoming', timeStamp: '/Date(1764490500000)/' })]);
    const times = h.events.filter((e) => e.type === 'messageReceived').map((e) => (e.type === 'messageReceived' ? e.time.toISOString() : ''));
    expect(times).toEqual(['2026-11-30T08:15:00.000Z', new Date(1764490500000).toISOString()]);
  });

  it('treats a copy without a direction that names an operation as our own, never as a message received', async () => {
    const h = messagingHarness();
    await h.deliver([message(`${MESSAGING}/messages/c`, { operationId: 'someone-elses-op' })]);
    expect(h.events.filter((e) => e.type === 'messageReceived')).toEqual([]);
  });
});

describe('parsing', () => {
  it('gives an HTML-only message its text content and keeps the HTML', () => {
    const resource = Resource.parse({ _links: { self: { href: '/m' }, htmlMessage: { href: encodeDataUri('text/html', '<p>Hi <b>there</b></p>') } }, rel: 'message' }, abs('/m'), 'message');
    expect(incomingMessageBody(resource)).toEqual({ text: 'Hi there', html: '<p>Hi <b>there</b></p>' });
  });

  it('words a failure with a code but no message from the fallback, and with a subcode names it', () => {
    expect(reasonOf({ code: 'Forbidden' }, 'The message was not delivered.')).toEqual({ code: 'Forbidden', message: 'The message was not delivered.' });
    expect(reasonOf({ code: 'Forbidden', subcode: 'Blocked' }, 'X.')).toEqual({ code: 'Forbidden', subcode: 'Blocked', message: 'X. (Blocked)' });
    expect(reasonOf({ code: 'Forbidden', message: 'No.' }, 'X.')).toEqual({ code: 'Forbidden', message: 'No.' });
  });

  it('names a participant without a name by their address', () => {
    expect(participantFrom(abs('/p/x'), undefined, Resource.parse({ uri: 'sip:dora@contoso.com', rel: 'participant' }, abs('/p/x'), 'participant'))).toEqual({ uri: 'sip:dora@contoso.com', name: 'dora@contoso.com' });
    expect(participantFrom(abs('/p/x'), 'Dora D', undefined)).toEqual({ uri: 'sip:x', name: 'Dora D' });
  });
});

describe('pending operations', () => {
  it('fails everyone waiting on rejectAll and forgets results nobody claimed', async () => {
    const ops = new PendingOperations<string>();
    const a = ops.expect('a', 5_000, () => new UcwaError('timeout', 'late'));
    const b = ops.expect('b', 5_000, () => new UcwaError('timeout', 'late'), 'conv');
    ops.resolve('early', 'kept');
    ops.rejectAll(new UcwaError('delivery-unconfirmed', 'gone'));
    await expect(a).rejects.toMatchObject({ code: 'delivery-unconfirmed' });
    await expect(b).rejects.toMatchObject({ code: 'delivery-unconfirmed' });
    const early = ops.expect('early', 50, () => new UcwaError('timeout', 'not kept'));
    await expect(early).rejects.toMatchObject({ code: 'timeout', message: 'not kept' });
  });

  it('keeps at most 500 early results, dropping the oldest first', async () => {
    const ops = new PendingOperations<number>();
    for (let i = 0; i <= 500; i += 1) ops.resolve(`k${i}`, i);
    await expect(ops.expect('k500', 50, () => new UcwaError('timeout', 'x'))).resolves.toBe(500);
    await expect(ops.expect('k1', 50, () => new UcwaError('timeout', 'x'))).resolves.toBe(1);
    await expect(ops.expect('k0', 50, () => new UcwaError('timeout', 'dropped'))).rejects.toMatchObject({ message: 'dropped' });
  });
});
