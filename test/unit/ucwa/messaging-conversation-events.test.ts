// What the server tells about conversations, their messaging, messages and participants, as the
// user sees it: the events emitted, the requests made, and how our own operations end (§5.4, §6).
import { describe, expect, it } from 'vitest';
import { encodeDataUri } from '../../../src/main/ucwa/data-uri';
import type { UcwaEvent, UcwaEventOf, UcwaEventType } from '../../../src/main/ucwa/events';
import { C, INVITATIONS, M, communication, conversation, links, messagingResource, messagingUpdated, sendable } from './support/event-builders';
import { messagingHarness, type MessagingHarness } from './support/messaging-harness';
import { APP, ORIGIN } from './support/scripted-http';

const conversationResource = (id: string, props: Record<string, unknown>, rels: Record<string, string> = {}): unknown => ({ ...props, _links: links({ self: C(id), ...rels }), rel: 'conversation' });
/** A conversation event from the communication sender, with its copy embedded. */
const conversationEvent = (id: string, type: string, props: Record<string, unknown>, rels: Record<string, string> = {}, extra: Record<string, unknown> = {}): unknown =>
  communication([{ link: { rel: 'conversation', href: C(id) }, type, _embedded: { conversation: conversationResource(id, props, rels) }, ...extra }]);
const participantEvent = (id: string, who: string, type: string, title?: string, typing = false): unknown =>
  conversation(id, [
    {
      link: { rel: 'participant', href: `${C(id)}/participants/${who}`, ...(title === undefined ? {} : { title }) },
      type,
      ...(typing ? { in: { rel: 'typingParticipants', href: `${M(id)}/typingParticipants` } } : {}),
    },
  ]);

interface MessageCopy {
  readonly direction?: string;
  readonly operationId?: string;
  readonly text?: string;
  readonly participant?: { readonly who: string; readonly title: string };
  readonly timeStamp?: string;
}
const messageHref = (id: string, n: string): string => `${M(id)}/messages/${n}`;
/** `status` null: the event carries none (started and updated events of an operation). */
const messageEvent = (id: string, n: string, copy: MessageCopy | undefined, type = 'completed', status: string | null = 'Success', reason?: unknown): unknown =>
  conversation(id, [
    {
      link: { rel: 'message', href: messageHref(id, n) },
      type,
      ...(status === null ? {} : { status }),
      ...(reason === undefined ? {} : { reason }),
      ...(copy === undefined
        ? {}
        : {
            _embedded: {
              message: {
                ...(copy.direction === undefined ? {} : { direction: copy.direction }),
                ...(copy.operationId === undefined ? {} : { operationId: copy.operationId }),
                ...(copy.timeStamp === undefined ? {} : { timeStamp: copy.timeStamp }),
                _links: {
                  self: { href: messageHref(id, n) },
                  ...(copy.text === undefined ? {} : { plainMessage: { href: encodeDataUri('text/plain', copy.text) } }),
                  ...(copy.participant === undefined ? {} : { participant: { href: `${C(id)}/participants/${copy.participant.who}`, title: copy.participant.title } }),
                },
                rel: 'message',
              },
            },
          }),
    },
  ]);

interface IncomingOptions {
  readonly message?: string;
  readonly threadId?: string;
  readonly group?: boolean;
}
const invitationHref = (inv: string): string => `${INVITATIONS}/${inv}`;
const incomingInvitation = (inv: string, convId: string, options: IncomingOptions = {}): unknown => {
  const rel = options.group === true ? 'onlineMeetingInvitation' : 'messagingInvitation';
  return communication([
    {
      link: { rel, href: invitationHref(inv) },
      type: 'started',
      _embedded: {
        [rel]: {
          direction: 'Incoming',
          state: 'Connecting',
          ...(options.threadId === undefined ? {} : { threadId: options.threadId }),
          _links: {
            ...links({ self: invitationHref(inv), conversation: C(convId), messaging: M(convId), accept: `${invitationHref(inv)}/accept`, decline: `${invitationHref(inv)}/decline` }),
            from: { href: `${C(convId)}/participants/lene@contoso.com`, title: 'Lene A' },
            ...(options.message === undefined ? {} : { message: { href: encodeDataUri('text/plain', options.message) } }),
          },
          _embedded: { from: { name: 'Lene Aaling', uri: 'sip:Lene@contoso.com', rel: 'participant' } },
          rel,
        },
      },
    },
  ]);
};
const invitationCompleted = (inv: string, status = 'Success', rel = 'messagingInvitation'): unknown => communication([{ link: { rel, href: invitationHref(inv) }, type: 'completed', status }]);

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const LENE = { uri: 'sip:Lene@contoso.com', name: 'Lene Aaling' };

function eventsOf<T extends UcwaEventType>(h: MessagingHarness, type: T): UcwaEventOf<T>[] {
  return h.events.filter((e: UcwaEvent): e is UcwaEventOf<T> => e.type === type);
}

function lastOperationId(h: MessagingHarness): string {
  const post = h.http.posts.at(-1);
  return new URL(post?.url ?? 'x:/').searchParams.get('operationId') ?? '';
}

describe('the conversation', () => {
  it('reports the state of a conversation the server adds and each change of it, but not an update that changes nothing', async () => {
    const h = messagingHarness();
    // First heard of through an update (its `added` aggregated away, §5.4): still connecting is no change.
    await h.deliver([conversationEvent('c1', 'updated', { state: 'Connecting' })]);
    await h.deliver([conversationEvent('c2', 'added', { state: 'Connecting' })]);
    await h.deliver([conversationEvent('c2', 'updated', { state: 'Connecting' })]);
    await h.deliver([conversationEvent('c2', 'updated', { state: 'Connected' })]);
    expect(eventsOf(h, 'conversationStateChanged')).toEqual([
      { type: 'conversationStateChanged', conversationId: 'c2', state: 'Connecting' },
      { type: 'conversationStateChanged', conversationId: 'c2', state: 'Connected' },
    ]);
  });

  it('tells the thread the conversation named when it ends, so writing again continues it (§6.7)', async () => {
    const h = messagingHarness();
    await h.deliver([conversationEvent('c1', 'added', { state: 'Connected', threadId: 'T1' })]);
    await h.deliver([communication([{ link: { rel: 'conversation', href: C('c1') }, type: 'deleted' }])]);
    expect(eventsOf(h, 'conversationEnded')).toEqual([{ type: 'conversationEnded', conversationId: 'c1', threadId: 'T1' }]);
  });

  it('fails a pending send when the conversation is deleted, saying the conversation ended', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    h.http.onPost = () => ({ location: messageHref('c1', '1') });
    const sent = h.messaging.send('c1', { text: 'Bye?' });
    const failure = sent.then(
      () => undefined,
      (error: unknown) => error,
    );
    await tick();
    await h.deliver([communication([{ link: { rel: 'conversation', href: C('c1') }, type: 'deleted' }])]);
    const error = await failure;
    expect(error).toMatchObject({ code: 'delivery-unconfirmed' });
    expect((error as Error).cause).toEqual(new Error('The conversation ended.'));
  });

  it('adds people through the addParticipant link the conversation gave, without reading it again', async () => {
    const h = messagingHarness();
    const add = `${APP}/communication/participantInvitations?conversation=c1`;
    await h.deliver([conversationEvent('c1', 'added', { state: 'Connected' }, { addParticipant: add })]);
    await h.messaging.addParticipant('c1', 'carl@contoso.com');
    expect(h.http.requests).toEqual([`POST ${new URL(add, ORIGIN).pathname}`]);
    expect(JSON.parse(h.http.posts[0]?.body ?? '{}')).toMatchObject({ to: 'sip:carl@contoso.com' });
  });

  it('after a resync reads messaging again from the link the conversation gives, and sends there', async () => {
    const h = messagingHarness();
    await h.deliver([conversationEvent('c1', 'added', { state: 'Connected' })]);
    h.http.resources.set(C('c1'), conversationResource('c1', { state: 'Connected' }, { messaging: M('c1') }));
    h.http.resources.set(M('c1'), messagingResource('c1', 'Connected', sendable('c1')));
    await h.messaging.refreshAll();
    expect(h.http.requests).toEqual([`GET ${C('c1')}`, `GET ${M('c1')}`]);
    h.http.onPost = () => ({ location: messageHref('c1', '1') });
    const sent = h.messaging.send('c1', { text: 'Back' });
    await tick();
    await h.deliver([messageEvent('c1', '1', undefined)]);
    await expect(sent).resolves.toMatchObject({ operationId: expect.any(String) });
    expect(h.http.posts.map((p) => new URL(p.url).pathname)).toEqual([`${M('c1')}/messages`]);
  });
});

describe('the messaging modality', () => {
  it('reports each change of the messaging state with the negotiated formats (Plain when none is named), and not a repeat', async () => {
    const h = messagingHarness();
    // A new conversation's messaging is disconnected: saying so again is no change.
    await h.deliver([messagingUpdated('c1', 'Disconnected', {})]);
    await h.deliver([messagingUpdated('c1', 'Connecting', {})]);
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'), ['Plain', 'Html'])]);
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'), ['Plain', 'Html'])]);
    expect(eventsOf(h, 'messagingStateChanged')).toEqual([
      { type: 'messagingStateChanged', conversationId: 'c1', state: 'Connecting', formats: ['Plain'] },
      { type: 'messagingStateChanged', conversationId: 'c1', state: 'Connected', formats: ['Plain', 'Html'] },
    ]);
  });

  it('sends HTML once Html is negotiated, still after an update that names no formats, and plain text otherwise', async () => {
    const h = messagingHarness();
    h.http.onPost = (url) => ({ location: `${url.pathname}/${h.http.posts.length}` });
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'), ['Plain', 'Html'])]);
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    await h.deliver([messagingUpdated('c2', 'Connected', sendable('c2'), ['Plain'])]);
    const html = h.messaging.send('c1', { text: 'Hi there', html: '<b>Hi</b> there' });
    const plain = h.messaging.send('c2', { text: 'Hi there', html: '<b>Hi</b> there' });
    await tick();
    await h.deliver([messageEvent('c1', '1', undefined), messageEvent('c2', '2', undefined)]);
    await Promise.all([html, plain]);
    expect(h.http.posts.map((p) => [new URL(p.url).pathname, p.body])).toEqual([
      [`${M('c1')}/messages`, '<b>Hi</b> there'],
      [`${M('c2')}/messages`, 'Hi there'],
    ]);
  });

  it('posts typing and stop to the links messaging gives, and nothing once they are gone', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('c1', 'Connected', { ...sendable('c1'), setIsTyping: `${M('c1')}/typing`, stopMessaging: `${M('c1')}/stop` })]);
    await h.messaging.setTyping('c1');
    await h.messaging.stop('c1');
    await h.deliver([messagingUpdated('c1', 'Disconnected', {})]);
    await h.messaging.setTyping('c1');
    await h.messaging.stop('c1');
    expect(h.http.requests.filter((r) => r.startsWith('POST'))).toEqual([`POST ${M('c1')}/typing`, `POST ${M('c1')}/stop`]);
  });

  it('keeps a send waiting through a further Connecting update, and sends once messaging is connected', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('c1', 'Connecting', {})]);
    h.http.onPost = () => ({ location: messageHref('c1', '1') });
    const sent = h.messaging.send('c1', { text: 'Hi' });
    await tick();
    await h.deliver([messagingUpdated('c1', 'Connecting', {})]);
    await tick();
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    await tick();
    await h.deliver([messageEvent('c1', '1', undefined)]);
    await expect(sent).resolves.toMatchObject({ operationId: expect.any(String) });
    expect(h.http.posts.map((p) => p.body)).toEqual(['Hi']);
  });

  it('in a group chat whose IM is not up yet, a message waits for it instead of adding IM a second time (§6.5)', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('g1', 'c1', { group: true })]);
    await h.deliver([messagingUpdated('c1', 'Disconnected', { addMessaging: `${M('c1')}/messagingInvitations` })]);
    h.http.onPost = () => ({ location: messageHref('c1', '1') });
    const sent = h.messaging.send('c1', { text: 'Hello all' });
    await tick();
    expect(h.http.posts).toEqual([]);
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    await tick();
    await h.deliver([messageEvent('c1', '1', undefined)]);
    await expect(sent).resolves.toMatchObject({ operationId: expect.any(String) });
    expect(h.http.posts.map((p) => new URL(p.url).pathname)).toEqual([`${M('c1')}/messages`]);
  });

  it('in a group chat whose IM went idle after it was up, a message adds IM again at once, riding along (§6.7)', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('g1', 'c1', { group: true })]);
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    await h.deliver([messagingUpdated('c1', 'Disconnected', { addMessaging: `${M('c1')}/messagingInvitations` })]);
    h.http.onPost = () => ({ location: invitationHref('re1') });
    const sent = h.messaging.send('c1', { text: 'Still here?' });
    await tick();
    await tick();
    expect(h.http.posts.map((p) => new URL(p.url).pathname)).toEqual([`${M('c1')}/messagingInvitations`]);
    await h.deliver([invitationCompleted('re1')]);
    await expect(sent).resolves.toMatchObject({ operationId: expect.any(String) });
  });
});

describe('participants', () => {
  it('reports someone typing and stopping, without announcing them as joining (§6.6)', async () => {
    const h = messagingHarness();
    await h.deliver([participantEvent('c1', 'ben@contoso.com', 'added', 'Ben Osei', true)]);
    await h.deliver([participantEvent('c1', 'ben@contoso.com', 'deleted', 'Ben Osei', true)]);
    const ben = { uri: 'sip:ben@contoso.com', name: 'Ben Osei' };
    expect(h.events).toEqual([
      { type: 'typingChanged', conversationId: 'c1', participant: ben, isTyping: true },
      { type: 'typingChanged', conversationId: 'c1', participant: ben, isTyping: false },
    ]);
  });

  it('announces people joining and leaving once each, and not someone already known from the invitation', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('in1', 'c1')]);
    await h.deliver([participantEvent('c1', 'lene@contoso.com', 'added', 'Lene Aaling')]);
    await h.deliver([participantEvent('c1', 'carl@contoso.com', 'added', 'Carl')]);
    await h.deliver([participantEvent('c1', 'carl@contoso.com', 'added', 'Carl')]);
    await h.deliver([participantEvent('c1', 'carl@contoso.com', 'deleted', 'Carl')]);
    // Their `added` may have been aggregated away (§5.4): leaving is still news.
    await h.deliver([participantEvent('c1', 'dora@contoso.com', 'deleted', 'Dora')]);
    const changes = h.events.filter((e) => e.type === 'participantAdded' || e.type === 'participantRemoved');
    expect(changes).toEqual([
      { type: 'participantAdded', conversationId: 'c1', participant: { uri: 'sip:carl@contoso.com', name: 'Carl' } },
      { type: 'participantRemoved', conversationId: 'c1', participant: { uri: 'sip:carl@contoso.com', name: 'Carl' } },
      { type: 'participantRemoved', conversationId: 'c1', participant: { uri: 'sip:dora@contoso.com', name: 'Dora' } },
    ]);
  });

  it('lists a participant whose uri lacks the sip: scheme with it, named by the address', async () => {
    const h = messagingHarness();
    h.http.resources.set(C('c1'), conversationResource('c1', { state: 'Connected' }, { participants: `${C('c1')}/participants` }));
    h.http.resources.set(`${C('c1')}/participants`, { _embedded: { participant: [{ uri: 'carl@contoso.com', rel: 'participant' }] }, rel: 'participants' });
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
    await expect(h.messaging.participants('c1')).resolves.toEqual([{ uri: 'sip:carl@contoso.com', name: 'carl@contoso.com' }]);
  });

  describe('adding someone (§6.8)', () => {
    const ADD = `${APP}/communication/participantInvitations?conversation=c1`;
    const PINV = `${APP}/communication/participantInvitations/pi1`;
    const participantInvitation = (type: string, operationId: string | undefined, status?: string, reason?: unknown): unknown =>
      communication([
        {
          link: { rel: 'participantInvitation', href: PINV },
          type,
          ...(status === undefined ? {} : { status }),
          ...(reason === undefined ? {} : { reason }),
          ...(operationId === undefined ? {} : { _embedded: { participantInvitation: { operationId, _links: links({ self: PINV }), rel: 'participantInvitation' } } }),
        },
      ]);
    async function adding(h: MessagingHarness, location: string | undefined): Promise<string> {
      await h.deliver([conversationEvent('c1', 'added', { state: 'Connected' }, { addParticipant: ADD })]);
      h.http.onPost = () => (location === undefined ? { status: 201 } : { location });
      await h.messaging.addParticipant('c1', 'carl@contoso.com');
      return (JSON.parse(h.http.posts[0]?.body ?? '{}') as { operationId: string }).operationId;
    }

    it('reports someone who could not be added, with the server’s reason', async () => {
      const h = messagingHarness();
      const operationId = await adding(h, PINV);
      await h.deliver([participantInvitation('started', operationId)]);
      await h.deliver([participantInvitation('completed', undefined, 'Failure', { code: 'RemoteFailure', subcode: 'Declined', message: 'Carl declined.' })]);
      expect(eventsOf(h, 'participantAddFailed')).toEqual([
        { type: 'participantAddFailed', conversationId: 'c1', participant: { uri: 'sip:carl@contoso.com', name: 'carl@contoso.com' }, reason: { code: 'RemoteFailure', subcode: 'Declined', message: 'Carl declined.' } },
      ]);
    });

    it('reports nothing while the invitation runs, nor when it succeeds', async () => {
      const h = messagingHarness();
      const operationId = await adding(h, PINV);
      await h.deliver([participantInvitation('started', operationId)]);
      await h.deliver([participantInvitation('completed', operationId, 'Success')]);
      expect(eventsOf(h, 'participantAddFailed')).toEqual([]);
    });

    it('recognises the outcome by the operationId its copy names when the 201 gave no Location', async () => {
      const h = messagingHarness();
      const operationId = await adding(h, undefined);
      await h.deliver([participantInvitation('completed', operationId, 'Failure', { code: 'RemoteFailure', message: 'No answer.' })]);
      expect(eventsOf(h, 'participantAddFailed')).toMatchObject([{ conversationId: 'c1', reason: { message: 'No answer.' } }]);
    });
  });
});

describe('a conversation we start whose invitation names no conversation', () => {
  // The started event aggregated away, the completion link-only, the invitation gone (§5.4, §10.10):
  // the conversation is found among those no other invitation claims.
  const INV = invitationHref('out1');
  async function starting(h: MessagingHarness, to: string): Promise<{ readonly started: Promise<string> }> {
    h.http.onPost = () => ({ location: INV });
    const started = h.messaging.start({ to, message: { text: 'Hi' } });
    started.catch(() => undefined);
    await tick();
    return { started };
  }
  const completed = (): unknown => invitationCompleted('out1');

  it('is the one the person we invited is already in, among others', async () => {
    const h = messagingHarness();
    const { started } = await starting(h, 'LeneA@contoso.com');
    await h.deliver([participantEvent('c1', 'carl@contoso.com', 'added', 'Carl'), participantEvent('c2', 'LeneA@contoso.com', 'added', 'Lene')]);
    await h.deliver([completed()]);
    await expect(started).resolves.toBe('c2');
  });

  it('is never one another invitation claims, even with the same person in it', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('in1', 'c1')]);
    const { started } = await starting(h, 'lene@contoso.com');
    h.http.resources.set(C('c2'), conversationResource('c2', { state: 'Connected' }, { participants: `${C('c2')}/participants` }));
    h.http.resources.set(`${C('c2')}/participants`, { _embedded: { participant: [{ uri: 'sip:lene@contoso.com', rel: 'participant' }] }, rel: 'participants' });
    await h.deliver([messagingUpdated('c2', 'Connected', sendable('c2'))]);
    await h.deliver([completed()]);
    await expect(started).resolves.toBe('c2');
  });

  it('is found by reading the participants of each candidate, and each conversation is read once', async () => {
    const h = messagingHarness();
    const { started } = await starting(h, 'leneA@contoso.com');
    // c1 (read as its first event arrives) links its participants; c2 came embedded without that link.
    h.http.resources.set(C('c1'), conversationResource('c1', { state: 'Connected' }, { participants: `${C('c1')}/participants` }));
    h.http.resources.set(`${C('c1')}/participants`, { _embedded: { participant: [{ uri: 'sip:carl@contoso.com', rel: 'participant' }] }, rel: 'participants' });
    h.http.resources.set(C('c2'), conversationResource('c2', { state: 'Connected' }, { participants: `${C('c2')}/participants` }));
    h.http.resources.set(`${C('c2')}/participants`, { _embedded: { participant: [{ uri: 'sip:LeneA@Contoso.com', rel: 'participant' }] }, rel: 'participants' });
    await h.deliver([messagingUpdated('c1', 'Connecting', {})]);
    await h.deliver([conversationEvent('c2', 'added', { state: 'Connecting' })]);
    await h.deliver([completed()]);
    await expect(started).resolves.toBe('c2');
    expect(h.http.requests.filter((r) => r === `GET ${C('c1')}`)).toHaveLength(1);
  });

  it('is the only unclaimed conversation when nothing tells whose it is', async () => {
    const h = messagingHarness();
    const { started } = await starting(h, 'lene@contoso.com');
    await h.deliver([messagingUpdated('c1', 'Connecting', {})]);
    await h.deliver([completed()]);
    await expect(started).resolves.toBe('c1');
  });

  it('is never one we knew before we started, though the person is in it (a conference our chat with them moved into)', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('in1', 'c1', { threadId: 'T' })]);
    await h.deliver([conversationEvent('c1', 'updated', { state: 'Connected' }, { derivedConversation: C('c2') })]);
    const { started } = await starting(h, 'lene@contoso.com');
    await h.deliver([messagingUpdated('c3', 'Connected', sendable('c3'))]);
    await h.deliver([completed()]);
    await expect(started).resolves.toBe('c3');
  });

  it('fails as a malformed answer when several conversations could be it', async () => {
    const h = messagingHarness();
    const { started } = await starting(h, 'lene@contoso.com');
    await h.deliver([messagingUpdated('c1', 'Connecting', {}), messagingUpdated('c2', 'Connecting', {})]);
    await h.deliver([completed()]);
    await expect(started).rejects.toMatchObject({ code: 'malformed-response' });
  });
});

describe('the thread of a conversation we start (§6.7)', () => {
  const INV = invitationHref('out1');
  const started = (threadId?: string): unknown =>
    communication([
      {
        link: { rel: 'messagingInvitation', href: INV },
        type: 'started',
        _embedded: { messagingInvitation: { direction: 'Outgoing', ...(threadId === undefined ? {} : { threadId }), _links: links({ self: INV, conversation: C('c1') }), rel: 'messagingInvitation' } },
      },
    ]);

  it('is read from the conversation once when the invitation did not name it, and told when the conversation ends', async () => {
    const h = messagingHarness();
    h.http.resources.set(C('c1'), conversationResource('c1', { state: 'Connected', threadId: 'T1' }));
    h.http.onPost = () => ({ location: INV });
    const start = h.messaging.start({ to: 'lene@contoso.com' });
    await tick();
    await h.deliver([started(), invitationCompleted('out1')]);
    await expect(start).resolves.toBe('c1');
    expect(h.http.requests.filter((r) => r.startsWith('GET'))).toEqual([`GET ${C('c1')}`]);
    await h.deliver([communication([{ link: { rel: 'conversation', href: C('c1') }, type: 'deleted' }])]);
    expect(eventsOf(h, 'conversationEnded')).toEqual([{ type: 'conversationEnded', conversationId: 'c1', threadId: 'T1' }]);
  });

  it('needs no read when the invitation named it', async () => {
    const h = messagingHarness();
    h.http.onPost = () => ({ location: INV });
    const start = h.messaging.start({ to: 'lene@contoso.com' });
    await tick();
    await h.deliver([started('T2'), invitationCompleted('out1')]);
    await expect(start).resolves.toBe('c1');
    expect(h.http.requests.filter((r) => r.startsWith('GET'))).toEqual([]);
  });

  it('invites the address as typed, trimmed and with the sip: scheme', async () => {
    const h = messagingHarness();
    h.http.onPost = () => ({ location: INV });
    const start = h.messaging.start({ to: '  LeneA@contoso.com ' });
    start.catch(() => undefined);
    await tick();
    expect(JSON.parse(h.http.posts[0]?.body ?? '{}')).toMatchObject({ to: 'sip:LeneA@contoso.com' });
    await h.deliver([communication([{ link: { rel: 'messagingInvitation', href: INV }, type: 'completed', status: 'Failure' }])]);
  });
});

describe('derived conversations (§6.8)', () => {
  const replaced = (h: MessagingHarness): UcwaEvent[] => eventsOf(h, 'conversationReplaced');

  it('a conference first heard of through its own events takes over the chat on its thread', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('in1', 'c1', { threadId: 'T' })]);
    h.http.resources.set(C('c2'), conversationResource('c2', { state: 'Conferenced', threadId: 'T' }));
    await h.deliver([messagingUpdated('c2', 'Connecting', {})]);
    expect(replaced(h)).toEqual([{ type: 'conversationReplaced', conversationId: 'c1', by: 'c2' }]);
    // The old one's deletion is no ending: the chat goes on in the conference.
    await h.deliver([communication([{ link: { rel: 'conversation', href: C('c1') }, type: 'deleted' }])]);
    expect(eventsOf(h, 'conversationEnded')).toEqual([]);
  });

  it('a fresh conversation on the same thread that is no conference takes nothing over', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('in1', 'c1', { threadId: 'T' })]);
    h.http.resources.set(C('c2'), conversationResource('c2', { state: 'Connected', threadId: 'T' }));
    await h.deliver([messagingUpdated('c2', 'Connected', sendable('c2'))]);
    expect(replaced(h)).toEqual([]);
  });

  it('a conversation added as derived (subcode DerivedConversation) takes over the chat on its thread', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('in1', 'c1', { threadId: 'T' })]);
    await h.deliver([conversationEvent('c2', 'added', { state: 'Conferencing', threadId: 'T' }, {}, { reason: { code: 'Informational', subcode: 'DerivedConversation' } })]);
    expect(replaced(h)).toEqual([{ type: 'conversationReplaced', conversationId: 'c1', by: 'c2' }]);
  });

  it('a conversation that turns Conferenced takes over the chat on its thread, and no other', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('in0', 'c0', { threadId: 'other' })]);
    await h.deliver([incomingInvitation('in1', 'c1', { threadId: 'T' })]);
    await h.deliver([conversationEvent('c2', 'updated', { state: 'Conferenced', threadId: 'T' })]);
    expect(replaced(h)).toEqual([{ type: 'conversationReplaced', conversationId: 'c1', by: 'c2' }]);
  });

  it('an ordinary conversation on the same thread takes nothing over', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('in1', 'c1', { threadId: 'T' })]);
    await h.deliver([conversationEvent('c2', 'added', { state: 'Connected', threadId: 'T' })]);
    expect(replaced(h)).toEqual([]);
  });

  it('a conference that names no thread takes nothing over', async () => {
    const h = messagingHarness();
    await h.deliver([conversationEvent('c1', 'added', { state: 'Connected' })]);
    await h.deliver([conversationEvent('c2', 'updated', { state: 'Conferenced' })]);
    expect(replaced(h)).toEqual([]);
  });

  it('is told once, however often the server repeats the derivation', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('in1', 'c1', { threadId: 'T' })]);
    await h.deliver([conversationEvent('c1', 'updated', { state: 'Connected' }, { derivedConversation: C('c2') })]);
    await h.deliver([conversationEvent('c1', 'updated', { state: 'Disconnected' }, { derivedConversation: C('c2') })]);
    expect(replaced(h)).toEqual([{ type: 'conversationReplaced', conversationId: 'c1', by: 'c2' }]);
  });

  it('a conference derived again takes over from the live conversation, not from the one already replaced', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('in1', 'c1', { threadId: 'T' })]);
    await h.deliver([conversationEvent('c1', 'updated', { state: 'Disconnected' }, { derivedConversation: C('c2') })]);
    await h.deliver([conversationEvent('c3', 'updated', { state: 'Conferenced', threadId: 'T' })]);
    expect(replaced(h)).toEqual([
      { type: 'conversationReplaced', conversationId: 'c1', by: 'c2' },
      { type: 'conversationReplaced', conversationId: 'c2', by: 'c3' },
    ]);
  });

  it('the derived conversation carries on the old chat’s thread, person and people', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('in1', 'c1', { threadId: 'T' })]);
    await h.deliver([participantEvent('c1', 'carl@contoso.com', 'added', 'Carl')]);
    // The conference's own events come first; what it knows of someone stays.
    h.http.resources.set(C('c2'), conversationResource('c2', { state: 'Connecting' }));
    await h.deliver([participantEvent('c2', 'lene@contoso.com', 'added', 'Lene (conference)')]);
    await h.deliver([conversationEvent('c1', 'updated', { state: 'Disconnected' }, { derivedConversation: C('c2') })]);
    await h.deliver([messageEvent('c2', '1', { direction: 'Incoming', text: 'Welcome' })]);
    expect(eventsOf(h, 'messageReceived')).toMatchObject([{ conversationId: 'c2', text: 'Welcome', from: { uri: LENE.uri, name: '' } }]);
    await expect(h.messaging.participants('c2')).resolves.toEqual([
      { uri: 'sip:lene@contoso.com', name: 'Lene (conference)' },
      { uri: 'sip:carl@contoso.com', name: 'Carl' },
    ]);
    await h.deliver([communication([{ link: { rel: 'conversation', href: C('c2') }, type: 'deleted' }])]);
    expect(eventsOf(h, 'conversationEnded')).toEqual([{ type: 'conversationEnded', conversationId: 'c2', threadId: 'T' }]);
  });
});

describe('incoming messages', () => {
  it('reads a link-only message and shows it', async () => {
    const h = messagingHarness();
    h.http.resources.set(messageHref('c1', '1'), { direction: 'Incoming', _links: { self: { href: messageHref('c1', '1') }, plainMessage: { href: encodeDataUri('text/plain', 'Lunch?') } }, rel: 'message' });
    await h.deliver([messageEvent('c1', '1', undefined)]);
    expect(eventsOf(h, 'messageReceived')).toMatchObject([{ conversationId: 'c1', text: 'Lunch?' }]);
  });

  it('shows a message the server repeats only once', async () => {
    const h = messagingHarness();
    await h.deliver([messageEvent('c1', '1', { direction: 'Incoming', text: 'Once' })]);
    await h.deliver([messageEvent('c1', '1', { direction: 'Incoming', text: 'Once' })]);
    expect(eventsOf(h, 'messageReceived')).toHaveLength(1);
  });

  it('names the sender of a conference message from its participant link', async () => {
    const h = messagingHarness();
    await h.deliver([messageEvent('c1', '1', { direction: 'Incoming', text: 'Hi all', participant: { who: 'carl@contoso.com', title: 'Carl' } })]);
    expect(eventsOf(h, 'messageReceived')).toMatchObject([{ from: { uri: 'sip:carl@contoso.com', name: 'Carl' } }]);
  });

  it('attributes a message from nobody known to an unknown sender rather than dropping it', async () => {
    const h = messagingHarness();
    await h.deliver([messageEvent('c1', '1', { direction: 'Incoming', text: 'Who am I?' })]);
    expect(eventsOf(h, 'messageReceived')).toMatchObject([{ text: 'Who am I?', from: { uri: 'sip:unknown', name: '' } }]);
  });

  it('does not show a message whose event reports failure', async () => {
    const h = messagingHarness();
    await h.deliver([messageEvent('c1', '1', { direction: 'Incoming', text: 'Lost' }, 'completed', 'Failure')]);
    expect(eventsOf(h, 'messageReceived')).toEqual([]);
  });

  it('shows a copy that names neither a direction nor an operation as received', async () => {
    const h = messagingHarness();
    await h.deliver([messageEvent('c1', '1', { text: 'Plain copy' })]);
    expect(eventsOf(h, 'messageReceived')).toMatchObject([{ text: 'Plain copy' }]);
  });

  it("shows an incoming copy that names the sender's operation (the protocol lists operationId for every message)", async () => {
    const h = messagingHarness();
    await h.deliver([messageEvent('c1', '1', { direction: 'Incoming', operationId: 'their-op', text: 'From Lene' })]);
    expect(eventsOf(h, 'messageReceived')).toMatchObject([{ text: 'From Lene' }]);
  });

  it('never shows our own outgoing copy as received, even one that names no operation', async () => {
    const h = messagingHarness();
    await h.deliver([messageEvent('c1', '1', { direction: 'Outgoing', text: 'Mine' })]);
    await h.deliver([messageEvent('c1', '2', { direction: 'Outgoing', operationId: 'op-x', text: 'Mine too' })]);
    expect(eventsOf(h, 'messageReceived')).toEqual([]);
  });

  it('stamps a message whose time it cannot read with the time it arrived', async () => {
    const h = messagingHarness();
    const before = Date.now();
    await h.deliver([messageEvent('c1', '1', { direction: 'Incoming', text: 'When?', timeStamp: 'yesterday-ish' })]);
    const time = eventsOf(h, 'messageReceived')[0]?.time.getTime() ?? Number.NaN;
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(Date.now());
  });
});

describe('our own messages', () => {
  async function connected(h: MessagingHarness): Promise<void> {
    await h.deliver([messagingUpdated('c1', 'Connected', sendable('c1'))]);
  }

  it('counts only the completion: started and updated events, link-only or not, before or after the 201, are no outcome', async () => {
    const h = messagingHarness();
    await connected(h);
    h.http.onPost = () => ({
      location: messageHref('c1', '1'),
      before: () =>
        h.deliver([
          // Link-only and not yet readable (404), then a copy that names our operation.
          messageEvent('c1', '1', undefined, 'started', null),
          messageEvent('c1', '1', { direction: 'Outgoing', operationId: lastOperationId(h) }, 'updated', null),
        ]),
    });
    const sent = h.messaging.send('c1', { text: 'Lunch?' });
    await tick();
    await h.deliver([messageEvent('c1', '1', undefined, 'updated', null)]);
    await h.deliver([messageEvent('c1', '1', undefined, 'completed', 'Success')]);
    await expect(sent).resolves.toMatchObject({ operationId: expect.any(String) });
    expect(eventsOf(h, 'messageFailed')).toEqual([]);
  });

  it('a started copy naming our operation before the 201 is no outcome either', async () => {
    const h = messagingHarness();
    await connected(h);
    h.http.onPost = () => ({ location: messageHref('c1', '1'), before: () => h.deliver([messageEvent('c1', '1', { direction: 'Outgoing', operationId: lastOperationId(h) }, 'started', null)]) });
    const sent = h.messaging.send('c1', { text: 'Lunch?' });
    await tick();
    await h.deliver([messageEvent('c1', '1', { direction: 'Outgoing', operationId: lastOperationId(h) }, 'completed', 'Success')]);
    await expect(sent).resolves.toMatchObject({ operationId: expect.any(String) });
    expect(eventsOf(h, 'messageFailed')).toEqual([]);
  });

  it('is delivered by a completion whose copy names our operation, though the 201 gave no Location', async () => {
    const h = messagingHarness();
    await connected(h);
    h.http.onPost = () => ({ status: 201 });
    const sent = h.messaging.send('c1', { text: 'Lunch?' });
    await tick();
    await h.deliver([messageEvent('c1', '1', { direction: 'Outgoing', operationId: lastOperationId(h) })]);
    await expect(sent).resolves.toEqual({ operationId: lastOperationId(h) });
    expect(eventsOf(h, 'messageDelivered')).toEqual([{ type: 'messageDelivered', conversationId: 'c1', operationId: lastOperationId(h) }]);
  });

  it('is delivered by a completion that beat the 201 in a copy naming no operation, once the 201 names it', async () => {
    const h = messagingHarness();
    await connected(h);
    h.http.onPost = () => ({ location: messageHref('c1', '1'), before: () => h.deliver([messageEvent('c1', '1', { direction: 'Outgoing' })]) });
    await expect(h.messaging.send('c1', { text: 'Lunch?' })).resolves.toMatchObject({ operationId: expect.any(String) });
  });

  it('says the message was not delivered when a failure gives no words of its own, before the 201 or after it', async () => {
    const h = messagingHarness();
    await connected(h);
    const failure = (n: string): unknown => messageEvent('c1', n, undefined, 'completed', 'Failure', { code: 'RemoteFailure' });
    h.http.onPost = () => ({ location: messageHref('c1', '1'), before: () => h.deliver([failure('1')]) });
    await expect(h.messaging.send('c1', { text: 'One' })).rejects.toMatchObject({ code: 'delivery-failed', detail: { reason: 'serverReason', args: { reason: 'The message was not delivered.' } } });
    h.http.onPost = () => ({ location: messageHref('c1', '2') });
    const second = h.messaging.send('c1', { text: 'Two' });
    second.catch(() => undefined);
    await tick();
    await h.deliver([failure('2')]);
    await expect(second).rejects.toMatchObject({ code: 'delivery-failed', detail: { reason: 'serverReason', args: { reason: 'The message was not delivered.' } } });
    expect(eventsOf(h, 'messageFailed').map((e) => e.reason)).toEqual([
      { code: 'RemoteFailure', message: 'The message was not delivered.' },
      { code: 'RemoteFailure', message: 'The message was not delivered.' },
    ]);
  });
});

describe('the first message of an incoming invitation', () => {
  async function accepted(h: MessagingHarness, inv: string, message?: string): Promise<void> {
    await h.deliver([incomingInvitation(inv, 'c1', message === undefined ? {} : { message })]);
    await h.messaging.accept(inv);
    await h.deliver([invitationCompleted(inv)]);
  }
  const texts = (h: MessagingHarness): string[] => eventsOf(h, 'messageReceived').map((e) => e.text);

  it('is shown once on accept, its repeat by the server is not, and the same line written again later is', async () => {
    const h = messagingHarness();
    await accepted(h, 'in1', 'Hi Ana');
    await h.deliver([messageEvent('c1', '1', { direction: 'Incoming', text: 'Hi Ana' })]);
    await h.deliver([messageEvent('c1', '2', { direction: 'Incoming', text: 'Hi Ana' })]);
    expect(texts(h)).toEqual(['Hi Ana', 'Hi Ana']);
    expect(eventsOf(h, 'messageReceived')[0]).toMatchObject({ messageId: `${ORIGIN}${C('c1')}#invitation`, from: LENE });
  });

  it('is followed by a different next line, which is shown', async () => {
    const h = messagingHarness();
    await accepted(h, 'in1', 'Hi Ana');
    await h.deliver([messageEvent('c1', '1', { direction: 'Incoming', text: 'Are you there?' })]);
    expect(texts(h)).toEqual(['Hi Ana', 'Are you there?']);
  });

  it('is shown once when its repeat arrives before the invitation completes', async () => {
    const h = messagingHarness();
    await h.deliver([incomingInvitation('in1', 'c1', { message: 'Hi Ana' })]);
    await h.messaging.accept('in1');
    await h.deliver([messageEvent('c1', '1', { direction: 'Incoming', text: 'Hi Ana' })]);
    await h.deliver([invitationCompleted('in1')]);
    expect(texts(h)).toEqual(['Hi Ana']);
  });

  it('is not shown again when a later invitation into the conversation carries none', async () => {
    const h = messagingHarness();
    await accepted(h, 'in1', 'Hi Ana');
    await accepted(h, 'in2');
    expect(texts(h)).toEqual(['Hi Ana']);
  });
});
