// The messaging commands as the server and the user see them (§6): what is posted, with which body
// and headers, which events follow, and how each promise ends — starting, timing out, sending,
// joining a group chat's IM, adding people, dropping and re-reading everything.
import { describe, expect, it, vi } from 'vitest';
import { encodeDataUri } from '../../../src/main/ucwa/data-uri';
import { UcwaError } from '../../../src/main/ucwa/errors';
import type { UcwaEvent, UcwaEventOf, UcwaEventType } from '../../../src/main/ucwa/events';
import { errorDetail } from '../../../src/shared/error-detail';
import { C, COMMUNICATION, INVITATIONS, M, communication, links, messagingResource, messagingUpdated, sendable } from './support/event-builders';
import { messagingHarness, type MessagingHarness } from './support/messaging-harness';
import { ORIGIN, abs } from './support/scripted-http';

const ADD_MESSAGING = (id: string): string => `${M(id)}/messagingInvitations`;
const invitationHref = (inv: string): string => `${INVITATIONS}/${inv}`;
const messageHref = (id: string, n: string): string => `${M(id)}/messages/${n}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const conversationResource = (id: string, rels: Record<string, string> = {}): unknown => ({ state: 'Connected', _links: links({ self: C(id), ...rels }), rel: 'conversation' });
const conversationAdded = (id: string, rels: Record<string, string> = {}): unknown =>
  communication([{ link: { rel: 'conversation', href: C(id) }, type: 'added', _embedded: { conversation: conversationResource(id, rels) } }]);
const conversationDeleted = (id: string): unknown => communication([{ link: { rel: 'conversation', href: C(id) }, type: 'deleted' }]);
const idle = (id: string): Record<string, string> => ({ addMessaging: ADD_MESSAGING(id) });
const messageCompletedAt = (href: string): unknown => ({ rel: 'conversation', href: href.replace(/\/messaging\/.*$/, ''), events: [{ link: { rel: 'message', href }, type: 'completed', status: 'Success' }] });
const messageCompleted = (id: string, n: string): unknown => messageCompletedAt(messageHref(id, n));

const outgoingCopy = (inv: string, rels: Record<string, string>): unknown => ({ direction: 'Outgoing', state: 'Connecting', _links: links({ self: invitationHref(inv), ...rels }), rel: 'messagingInvitation' });
const invitationEvent = (inv: string, type: string, extra: Record<string, unknown> = {}, rel = 'messagingInvitation'): unknown => communication([{ link: { rel, href: invitationHref(inv) }, type, ...extra }]);
const invitationCompleted = (inv: string, status = 'Success', rel = 'messagingInvitation'): unknown => invitationEvent(inv, 'completed', { status }, rel);
/** Someone invites us: a one-to-one chat, or a group chat (an onlineMeetingInvitation, §6.5). */
const incomingInvitation = (inv: string, convId: string, options: { readonly group?: boolean; readonly messagingLink?: boolean } = {}): unknown => {
  const rel = options.group === true ? 'onlineMeetingInvitation' : 'messagingInvitation';
  return invitationEvent(
    inv,
    'started',
    {
      _embedded: {
        [rel]: {
          direction: 'Incoming',
          state: 'Connecting',
          _links: links({ self: invitationHref(inv), conversation: C(convId), accept: `${invitationHref(inv)}/accept`, decline: `${invitationHref(inv)}/decline`, ...(options.messagingLink === true ? { messaging: M(convId) } : {}) }),
          _embedded: { from: { name: 'Lene Aaling', uri: 'sip:lene@contoso.com', rel: 'participant' } },
          rel,
        },
      },
    },
    rel,
  );
};

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const pathOf = (href: string): string => new URL(href).pathname;
const postedPaths = (h: MessagingHarness): string[] => h.http.posts.map((p) => pathOf(p.url));
const bodyOf = (post: { body: string | undefined } | undefined): Record<string, unknown> => JSON.parse(post?.body ?? '{}') as Record<string, unknown>;

function eventsOf<T extends UcwaEventType>(h: MessagingHarness, type: T): UcwaEventOf<T>[] {
  return h.events.filter((e: UcwaEvent): e is UcwaEventOf<T> => e.type === type);
}

/** How a promise ends, or that it has not within `ms`: what the caller sees by then. */
async function outcomeWithin(promise: Promise<unknown>, ms: number): Promise<unknown> {
  const settled = promise.then(
    (value: unknown) => ({ resolved: value }),
    (error: unknown) => error,
  );
  return Promise.race([settled, new Promise((resolve) => setTimeout(() => resolve('still waiting'), ms))]);
}

function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

describe('starting a conversation (§6.2)', () => {
  it('invites with an empty subject, Normal importance and a session context of its own when only the address is given', async () => {
    const h = messagingHarness();
    h.http.onPost = () => ({ location: invitationHref('out1') });
    const started = failureOf(h.messaging.start({ to: 'lene@contoso.com', operationId: 'op-1' }));
    await tick();
    const body = bodyOf(h.http.posts[0]);
    expect(body).toEqual({ to: 'sip:lene@contoso.com', subject: '', importance: 'Normal', operationId: 'op-1', sessionContext: expect.stringMatching(UUID) });
    await h.deliver([invitationCompleted('out1', 'Failure')]);
    await started;
  });

  it('continues an earlier thread, with its subject and the first message riding along as a data URI', async () => {
    const h = messagingHarness();
    h.http.onPost = () => ({ location: invitationHref(`out${h.http.posts.length}`) });
    const plain = failureOf(h.messaging.start({ to: 'lene@contoso.com', subject: 'Lunch', threadId: 'T-7', message: { text: 'Hi Lene' } }));
    const html = failureOf(h.messaging.start({ to: 'ben@contoso.com', message: { text: 'Hi Ben', html: '<b>Hi</b> Ben' } }));
    await tick();
    expect(bodyOf(h.http.posts[0])).toMatchObject({ subject: 'Lunch', threadId: 'T-7', _links: { message: { href: encodeDataUri('text/plain', 'Hi Lene') } } });
    expect(bodyOf(h.http.posts[1])).toMatchObject({ subject: '', _links: { message: { href: encodeDataUri('text/html', '<b>Hi</b> Ben') } } });
    expect(bodyOf(h.http.posts[1])).not.toHaveProperty('threadId');
    await h.deliver([invitationCompleted('out1', 'Failure'), invitationCompleted('out2', 'Failure')]);
    await Promise.all([plain, html]);
  });

  it('fails when the server declines, even with messaging up in its conversation: only our own timeout is rescued that way', async () => {
    const h = messagingHarness();
    h.http.onPost = () => ({ location: invitationHref('out1') });
    const started = h.messaging.start({ to: 'lene@contoso.com', message: { text: 'Hi' } });
    await tick();
    await h.deliver([invitationEvent('out1', 'started', { _embedded: { messagingInvitation: outgoingCopy('out1', { conversation: C('c1'), cancel: `${invitationHref('out1')}/cancel` }) } })]);
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    await h.deliver([invitationEvent('out1', 'completed', { status: 'Failure', reason: { code: 'RemoteFailure', subcode: 'Declined', message: 'Lene declined.' } })]);
    await expect(started).rejects.toMatchObject({ code: 'invitation-failed', subcode: 'Declined' });
  });
});

describe('an invitation nobody answers in time (§6.2)', () => {
  it('resolves with its conversation when messaging there connected though the outcome never came, and cancels nothing', async () => {
    const h = messagingHarness(150);
    // Someone else's invitation, listed before ours.
    await h.deliver([incomingInvitation('in1', 'c9')]);
    h.http.onPost = (url) => (url.pathname.endsWith('/cancel') ? { status: 204 } : { location: invitationHref('out1') });
    const started = h.messaging.start({ to: 'lene@contoso.com', message: { text: 'Hi' } });
    await tick();
    // The started event could not be read; a later copy names the conversation. The completion is
    // aggregated away (§5.4), but messaging in that conversation connects.
    await h.deliver([invitationEvent('out1', 'started')]);
    await h.deliver([invitationEvent('out1', 'updated', { _embedded: { messagingInvitation: outgoingCopy('out1', { conversation: C('c1'), cancel: `${invitationHref('out1')}/cancel` }) } })]);
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    await expect(started).resolves.toBe('c1');
    expect(postedPaths(h)).toEqual([INVITATIONS]);
  });

  it('cancels its own invitation, not someone else’s', async () => {
    const h = messagingHarness(150);
    await h.deliver([incomingInvitation('in1', 'c9')]);
    h.http.onPost = (url) => (url.pathname.endsWith('/cancel') ? { status: 204 } : { location: invitationHref('out1') });
    const started = h.messaging.start({ to: 'lene@contoso.com' });
    await tick();
    await h.deliver([invitationEvent('out1', 'started', { _embedded: { messagingInvitation: outgoingCopy('out1', { conversation: C('c1'), cancel: `${invitationHref('out1')}/cancel` }) } })]);
    await expect(started).rejects.toMatchObject({ code: 'invitation-failed', subcode: 'Timeout' });
    expect(postedPaths(h)).toEqual([INVITATIONS, `${invitationHref('out1')}/cancel`]);
  });
});

describe('sending (§6.3)', () => {
  it('posts plain text as text/plain, and HTML as text/html only where Html was negotiated, asking for JSON answers', async () => {
    const h = messagingHarness();
    h.http.onPost = (url) => ({ location: `${url.pathname}/${h.http.posts.length}` });
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'), ['Plain', 'Html'])]);
    await h.deliver([messagingUpdated('c2', 'Connected', sendable('c2'), ['Plain'])]);
    const sent = [h.messaging.send('c1', { text: 'Hi there', html: '<b>Hi</b> there' }), h.messaging.send('c1', { text: 'Only text' }), h.messaging.send('c2', { text: 'Hi there', html: '<b>Hi</b> there' })];
    await expect.poll(() => h.http.sent.length).toBe(3);
    const byPath = h.http.sent.map((r) => [r.url.pathname, r.headers, r.body]).sort((a, b) => String(a[2]).localeCompare(String(b[2])));
    expect(byPath).toEqual([
      [`${M('c1')}/messages`, { Accept: 'application/json', 'Content-Type': 'text/html; charset=UTF-8' }, '<b>Hi</b> there'],
      [`${M('c2')}/messages`, { Accept: 'application/json', 'Content-Type': 'text/plain; charset=UTF-8' }, 'Hi there'],
      [`${M('c1')}/messages`, { Accept: 'application/json', 'Content-Type': 'text/plain; charset=UTF-8' }, 'Only text'],
    ]);
    // Each 201 named `<sendMessage>/<n>`, n counting the posts.
    await h.deliver(h.http.posts.map((p, i) => messageCompletedAt(`${pathOf(p.url)}/${i + 1}`)));
    await Promise.all(sent);
  });

  it('refuses to send into a conversation it does not know, naming it', () => {
    const h = messagingHarness();
    expect(() => h.messaging.send('c404', { text: 'Hi' })).toThrow(expect.objectContaining({ code: 'not-found', message: 'There is no conversation c404.' }) as unknown as Error);
  });

  it('does not post a message queued behind another when the conversation ends first: nothing was sent', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    h.http.onPost = () => ({ location: messageHref('c1', '1'), before: () => held });
    const first = failureOf(h.messaging.send('c1', { text: 'one' }));
    const second = failureOf(h.messaging.send('c1', { text: 'two' }));
    await tick();
    await h.deliver([conversationDeleted('c1')]);
    release();
    expect(await second).toMatchObject({ code: 'not-found', detail: errorDetail('conversationEnded', {}) });
    expect(await first).toMatchObject({ code: 'delivery-unconfirmed' });
    expect(h.http.posts.map((p) => p.body)).toEqual(['one']);
  });

  it('passes a 409 on when messaging, read again, is still there but offers no way to add it back', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    h.http.resources.set(M('c1'), messagingResource('c1', 'Connected', sendable('c1')));
    h.http.onPost = () => ({ status: 409 });
    const before = h.http.requests.length;
    await expect(h.messaging.send('c1', { text: 'Hello' })).rejects.toMatchObject({ code: 'http', status: 409 });
    expect(h.http.requests.slice(before)).toEqual([`POST ${M('c1')}/messages`, `GET ${M('c1')}`]);
  });

  it('fails at once on a refusal other than 409 or 404: no re-reading, no adding messaging back, no waiting for a derived conversation', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    // Were it read again, messaging could be added back: it must not be, for a 500.
    h.http.resources.set(M('c1'), messagingResource('c1', 'Disconnected', idle('c1')));
    h.http.onPost = () => ({ status: 500 });
    const before = h.http.requests.length;
    expect(await outcomeWithin(h.messaging.send('c1', { text: 'Hello' }), 1_000)).toMatchObject({ code: 'http', status: 500 });
    expect(h.http.requests.slice(before)).toEqual([`POST ${M('c1')}/messages`]);
  });

  it('ends a conversation whose messaging cannot be added back (404), failing what was still awaiting delivery there', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    h.http.onPost = (url) => (url.pathname === `${M('c1')}/messages` ? { location: messageHref('c1', '1') } : { status: 404 });
    const first = failureOf(h.messaging.send('c1', { text: 'one' }));
    await tick();
    await h.deliver([messagingUpdated('c1', 'Disconnected', idle('c1'))]);
    await expect(h.messaging.send('c1', { text: 'two' })).rejects.toMatchObject({ code: 'not-found', status: 404, detail: errorDetail('conversationCannotContinue', {}) });
    expect(eventsOf(h, 'conversationEnded')).toEqual([{ type: 'conversationEnded', conversationId: 'c1' }]);
    const error = await first;
    expect(error).toMatchObject({ code: 'delivery-unconfirmed', detail: errorDetail('mayHaveArrived', {}) });
    expect((error as Error).cause).toEqual(new Error('The conversation cannot be continued.'));
  });

  it('keeps the conversation when adding messaging back meets a server error (500): the send fails, the chat goes on', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('c1', 'Disconnected', idle('c1'))]);
    h.http.onPost = () => ({ status: 500 });
    await expect(h.messaging.send('c1', { text: 'two' })).rejects.toMatchObject({ code: 'http', status: 500 });
    expect(eventsOf(h, 'conversationEnded')).toEqual([]);
    expect(h.messaging.conversationIds()).toContain('c1');
  });
});

describe('a group chat’s IM, added after joining the meeting (§6.5)', () => {
  async function joined(h: MessagingHarness, inv: string, messagingLink: boolean): Promise<void> {
    await h.deliver([incomingInvitation(inv, 'c1', { group: true, messagingLink })]);
    await h.messaging.accept(inv);
    await h.deliver([invitationCompleted(inv, 'Success', 'onlineMeetingInvitation')]);
  }
  const addsIm = (h: MessagingHarness): void => {
    h.http.onPost = (url) => (url.pathname.endsWith('/accept') ? { status: 204 } : url.pathname === ADD_MESSAGING('c1') ? { location: invitationHref(`add${h.http.posts.length}`) } : { location: messageHref('c1', String(h.http.posts.length)) });
  };

  it('reads the conversation and its messaging to find where to add IM, and adds it with nothing but an operationId', async () => {
    const h = messagingHarness();
    addsIm(h);
    h.http.resources.set(C('c1'), conversationResource('c1', { messaging: M('c1') }));
    h.http.resources.set(M('c1'), messagingResource('c1', 'Disconnected', idle('c1')));
    await joined(h, 'g1', false);
    await expect.poll(() => h.http.requests).toEqual([`POST ${invitationHref('g1')}/accept`, `GET ${C('c1')}`, `GET ${M('c1')}`, `POST ${ADD_MESSAGING('c1')}`]);
    expect(bodyOf(h.http.posts[1])).toEqual({ operationId: expect.stringMatching(UUID) });
    await h.deliver([invitationCompleted('add2')]);
  });

  it('reads only the messaging the invitation linked', async () => {
    const h = messagingHarness();
    addsIm(h);
    h.http.resources.set(M('c1'), messagingResource('c1', 'Disconnected', idle('c1')));
    await joined(h, 'g1', true);
    await expect.poll(() => h.http.requests).toEqual([`POST ${invitationHref('g1')}/accept`, `GET ${M('c1')}`, `POST ${ADD_MESSAGING('c1')}`]);
    await h.deliver([invitationCompleted('add2')]);
  });

  it('adds nothing when IM is already up', async () => {
    const h = messagingHarness();
    addsIm(h);
    await h.deliver([incomingInvitation('g1', 'c1', { group: true, messagingLink: true })]);
    await h.messaging.accept('g1');
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    await h.deliver([invitationCompleted('g1', 'Success', 'onlineMeetingInvitation')]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(h.http.requests).toEqual([`POST ${invitationHref('g1')}/accept`]);
  });

  it('holds a message written while IM is being added back to a meeting it was in, instead of adding IM twice', async () => {
    const h = messagingHarness();
    addsIm(h);
    // IM was up in this meeting, went idle, and we are invited into it again.
    await h.deliver([incomingInvitation('g1', 'c1', { group: true, messagingLink: true })]);
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    await h.deliver([messagingUpdated('c1', 'Disconnected', idle('c1'))]);
    await joined(h, 'g2', true);
    await expect.poll(() => postedPaths(h)).toEqual([`${invitationHref('g2')}/accept`, ADD_MESSAGING('c1')]);
    const sent = h.messaging.send('c1', { text: 'Back' });
    await tick();
    await tick();
    expect(postedPaths(h)).toEqual([`${invitationHref('g2')}/accept`, ADD_MESSAGING('c1')]);
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    await expect.poll(() => postedPaths(h)).toEqual([`${invitationHref('g2')}/accept`, ADD_MESSAGING('c1'), `${M('c1')}/messages`]);
    // Messaging is up before the invitation's outcome arrives (§6.2): the next message goes at once.
    const next = h.messaging.send('c1', { text: 'And more' });
    await expect.poll(() => h.http.posts.map((p) => p.body)).toContain('And more');
    await h.deliver([invitationCompleted('add2'), messageCompleted('c1', '3'), messageCompleted('c1', '4')]);
    await expect(sent).resolves.toMatchObject({ operationId: expect.any(String) });
    await expect(next).resolves.toMatchObject({ operationId: expect.any(String) });
    // Where to add IM was known: messaging was not read again.
    expect(h.http.requests).not.toContain(`GET ${M('c1')}`);
  });

  it('once IM was added to the meeting and went idle, a message adds it again at once, riding along (§6.7)', async () => {
    const h = messagingHarness(300);
    addsIm(h);
    h.http.resources.set(M('c1'), messagingResource('c1', 'Disconnected', idle('c1')));
    await joined(h, 'g1', true);
    await expect.poll(() => postedPaths(h)).toEqual([`${invitationHref('g1')}/accept`, ADD_MESSAGING('c1')]);
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1')), invitationCompleted('add2')]);
    await h.deliver([messagingUpdated('c1', 'Disconnected', idle('c1'))]);
    const sent = h.messaging.send('c1', { text: 'Still here?' });
    await expect.poll(() => h.http.posts.length).toBe(3);
    expect(bodyOf(h.http.posts[2])).toMatchObject({ _links: { message: { href: encodeDataUri('text/plain', 'Still here?') } } });
    await h.deliver([invitationCompleted('add3')]);
    await expect(sent).resolves.toMatchObject({ operationId: expect.any(String) });
  });
});

describe('adding someone (§6.8)', () => {
  const ADD = (id: string): string => `${COMMUNICATION}/participantInvitations?conversation=${id}`;
  const PINV = `${COMMUNICATION}/participantInvitations/pi1`;

  it('reads the conversation for its addParticipant link when none is known, and invites the SIP address with an operationId', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('in1', 'c1')]);
    h.http.resources.set(C('c1'), conversationResource('c1', { addParticipant: ADD('c1') }));
    h.http.onPost = () => ({ location: PINV });
    await h.messaging.addParticipant('c1', 'carl@contoso.com');
    expect(h.http.requests).toEqual([`GET ${C('c1')}`, `POST ${abs(ADD('c1')).pathname}`]);
    expect(h.http.posts[0]?.url).toBe(abs(ADD('c1')).href);
    expect(bodyOf(h.http.posts[0])).toEqual({ to: 'sip:carl@contoso.com', operationId: expect.stringMatching(UUID) });
  });

  it('fails with not-found when the conversation offers no way to add people', async () => {
    vi.useFakeTimers();
    try {
      const h = messagingHarness();
      await h.deliver([incomingInvitation('in1', 'c1')]);
      h.http.resources.set(C('c1'), conversationResource('c1'));
      const added = failureOf(h.messaging.addParticipant('c1', 'carl@contoso.com'));
      // The conversation may have just moved into a conference: a while is given to hear of it.
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await added).toMatchObject({ code: 'not-found', detail: errorDetail('cannotAddParticipants', {}) });
      expect(h.http.posts).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('adds someone to the conference that replaced a vanished conversation, once the events say so', async () => {
    const h = messagingHarness();
    await h.deliver([conversationAdded('c1', { addParticipant: ADD('c1') })]);
    h.http.onPost = (url) => (url.search.includes('c1') ? { status: 404 } : { location: PINV });
    const added = h.messaging.addParticipant('c1', 'carl@contoso.com');
    await tick();
    expect(h.http.posts.map((p) => p.url)).toEqual([abs(ADD('c1')).href]);
    await h.deliver([conversationAdded('c2', { addParticipant: ADD('c2') })]);
    await h.deliver([communication([{ link: { rel: 'conversation', href: C('c1') }, type: 'updated', _embedded: { conversation: { state: 'Disconnected', _links: links({ self: C('c1'), derivedConversation: C('c2') }), rel: 'conversation' } } }])]);
    await added;
    expect(h.http.posts.map((p) => p.url)).toEqual([abs(ADD('c1')).href, abs(ADD('c2')).href]);
    expect(bodyOf(h.http.posts[1])).toMatchObject({ to: 'sip:carl@contoso.com' });
  });

  it('fails at once when the server refuses the add for another reason', async () => {
    const h = messagingHarness();
    await h.deliver([conversationAdded('c1', { addParticipant: ADD('c1') })]);
    h.http.onPost = () => ({ status: 500 });
    expect(await outcomeWithin(h.messaging.addParticipant('c1', 'carl@contoso.com'), 1_000)).toMatchObject({ code: 'http', status: 500 });
  });

  it('reports a failure that beat the 201 once the 201 names it, worded by its subcode', async () => {
    const h = messagingHarness();
    await h.deliver([conversationAdded('c1', { addParticipant: ADD('c1') })]);
    h.http.onPost = () => ({
      location: PINV,
      before: () => h.deliver([communication([{ link: { rel: 'participantInvitation', href: PINV }, type: 'completed', status: 'Failure', reason: { code: 'RemoteFailure', subcode: 'Declined' } }])]),
    });
    await h.messaging.addParticipant('c1', 'Carl@contoso.com');
    expect(eventsOf(h, 'participantAddFailed')).toEqual([
      { type: 'participantAddFailed', conversationId: 'c1', participant: { uri: 'sip:Carl@contoso.com', name: 'Carl@contoso.com' }, reason: { code: 'RemoteFailure', subcode: 'Declined', message: 'They could not be added (Declined).' } },
    ]);
  });
});

describe('participants and leaving', () => {
  it('lists the participants from the link the conversation already gave, without reading the conversation again', async () => {
    const h = messagingHarness();
    await h.deliver([conversationAdded('c1', { participants: `${C('c1')}/participants` })]);
    h.http.resources.set(`${C('c1')}/participants`, {
      _embedded: {
        participant: [
          { uri: 'sip:lene@contoso.com', name: 'Lene Aaling', _links: links({ self: `${C('c1')}/participants/lene@contoso.com` }), rel: 'participant' },
          // No uri of its own: named by its href.
          { name: 'Carl', _links: links({ self: `${C('c1')}/participants/carl@contoso.com` }), rel: 'participant' },
        ],
      },
      rel: 'participants',
    });
    await expect(h.messaging.participants('c1')).resolves.toEqual([
      { uri: 'sip:lene@contoso.com', name: 'Lene Aaling' },
      { uri: 'sip:carl@contoso.com', name: 'Carl' },
    ]);
    expect(h.http.requests).toEqual([`GET ${C('c1')}/participants`]);
  });

  it('leaves by deleting the conversation, asking for JSON answers like every request (§6.7)', async () => {
    const h = messagingHarness();
    await h.deliver([conversationAdded('c1')]);
    await h.messaging.leave('c1');
    expect(h.http.sent).toEqual([{ method: 'DELETE', url: new URL(C('c1'), ORIGIN), headers: { Accept: 'application/json' } }]);
  });
});

describe('dropping and re-reading everything (§3.3, §5.6)', () => {
  it('when the application is gone, fails pending starts and sends as possibly arrived, and ends every conversation', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    await h.deliver([conversationAdded('c2')]);
    h.http.onPost = (url) => (url.pathname === INVITATIONS ? { location: invitationHref('out1') } : { location: messageHref('c1', '1') });
    const starting = failureOf(h.messaging.start({ to: 'lene@contoso.com', message: { text: 'Hi' } }));
    const sending = failureOf(h.messaging.send('c1', { text: 'Hi' }));
    await tick();
    await tick();
    h.messaging.dropAll('The application was deleted.');
    for (const error of await Promise.all([starting, sending])) {
      expect(error).toMatchObject({ code: 'delivery-unconfirmed', detail: errorDetail('mayHaveArrived', {}) });
      expect((error as Error).cause).toEqual(new Error('The application was deleted.'));
    }
    expect(eventsOf(h, 'conversationEnded')).toEqual([
      { type: 'conversationEnded', conversationId: 'c1' },
      { type: 'conversationEnded', conversationId: 'c2' },
    ]);
    expect(h.messaging.conversationIds()).toEqual([]);
  });

  it('after a resync ends a conversation the server no longer has, failing its pending send, and keeps one that merely could not be read', async () => {
    const h = messagingHarness();
    await h.deliver([conversationAdded('c1', { messaging: M('c1') }), conversationAdded('c2', { messaging: M('c2') }), conversationAdded('c3', { messaging: M('c3') })]);
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    h.http.onPost = () => ({ location: messageHref('c1', '1') });
    const pending = failureOf(h.messaging.send('c1', { text: 'Hi' }));
    await tick();
    // c1 is gone (404); c2 cannot be read just now (500); c3 is there.
    h.http.beforeGet = (url) => (url.pathname === C('c2') ? Promise.reject(new UcwaError('http', '500 from c2', { status: 500 })) : Promise.resolve());
    h.http.resources.set(M('c2'), messagingResource('c2', 'Connected', sendable('c2')));
    h.http.resources.set(C('c3'), conversationResource('c3', { messaging: M('c3') }));
    h.http.resources.set(M('c3'), messagingResource('c3', 'Connected', sendable('c3')));
    await h.messaging.refreshAll();
    expect(eventsOf(h, 'conversationEnded')).toEqual([{ type: 'conversationEnded', conversationId: 'c1' }]);
    expect(h.messaging.conversationIds()).toEqual(['c2', 'c3']);
    expect(h.http.requests.filter((r) => r.startsWith('GET'))).toEqual([`GET ${C('c1')}`, `GET ${C('c2')}`, `GET ${C('c3')}`, `GET ${M('c3')}`]);
    const error = await pending;
    expect(error).toMatchObject({ code: 'delivery-unconfirmed' });
    expect((error as Error).cause).toEqual(new Error('The conversation ended.'));
  });

  it('after a resync lets a send waiting for messaging go once messaging is found connected, and not before', async () => {
    const h = messagingHarness();
    h.http.resources.set(C('c1'), conversationResource('c1', { messaging: M('c1') }));
    await h.deliver([messagingUpdated('c1', 'Connecting', {})]);
    h.http.onPost = () => ({ location: messageHref('c1', '1') });
    const sent = h.messaging.send('c1', { text: 'Hi' });
    h.http.resources.set(M('c1'), messagingResource('c1', 'Connecting', {}));
    await h.messaging.refreshAll();
    expect(await outcomeWithin(sent, 50)).toBe('still waiting');
    h.http.resources.set(M('c1'), messagingResource('c1', 'Connected', sendable('c1')));
    await h.messaging.refreshAll();
    await expect.poll(() => h.http.posts.map((p) => p.body)).toEqual(['Hi']);
    await h.deliver([messageCompleted('c1', '1')]);
    await expect(sent).resolves.toMatchObject({ operationId: expect.any(String) });
  });
});
