// Invitations in both directions and the routing of messaging events, as a user or the server sees
// them: the toast an incoming invitation raises (who, subject, thread, first line, group chat), its
// outcome once and only once, the requests made for link-only events (§5.3, §5.4, §6.2, §6.5), and
// how a message body is read from its data URIs (§6.4).
import { describe, expect, it } from 'vitest';
import { encodeDataUri } from '../../../src/main/ucwa/data-uri';
import { incomingMessageBody } from '../../../src/main/ucwa/message-parsing';
import { Resource } from '../../../src/main/ucwa/resource';
import { errorDetail } from '../../../src/shared/error-detail';
import { APP, abs } from './support/scripted-http';
import { messagingHarness } from './support/messaging-harness';

const COMMUNICATION = `${APP}/communication`;
const CONV = `${COMMUNICATION}/conversations/c9`;
const MESSAGING = `${CONV}/messaging`;
const INVITATION = `${COMMUNICATION}/messagingInvitations/inv9`;
const MEETING_INVITATION = `${COMMUNICATION}/onlineMeetingInvitations/om9`;

const communication = (events: unknown[]): unknown => ({ rel: 'communication', href: COMMUNICATION, events });
const conversation = (events: unknown[]): unknown => ({ rel: 'conversation', href: CONV, events });
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

type Json = Record<string, unknown>;

/** An invitation event; with a copy it is embedded (§5.3), without it the event is link-only. */
function invitationEvent(type: string, copy?: Json, extra: Json = {}, rel = 'messagingInvitation', href = INVITATION): Json {
  return { link: { rel, href }, type, ...(copy === undefined ? {} : { _embedded: { [rel]: copy } }), ...extra };
}

/** Ben's invitation as the server words it (ucwa-samples/08): `from` embedded, the first line as a data URI. */
function incomingCopy(props: Json = {}, links: Json = {}, href = INVITATION, rel = 'messagingInvitation'): Json {
  return {
    direction: 'Incoming',
    state: 'Connecting',
    subject: 'Lunch',
    threadId: 'T-lunch',
    ...props,
    _links: {
      self: { href },
      conversation: { href: CONV },
      messaging: { href: MESSAGING },
      accept: { href: `${href}/accept` },
      decline: { href: `${href}/decline` },
      message: { href: encodeDataUri('text/plain', 'Hi Ana, got a minute?') },
      ...links,
    },
    _embedded: { from: { name: 'Ben Osei', uri: 'sip:Ben@contoso.com', rel: 'participant' } },
    rel,
  };
}

function outgoingCopy(props: Json = {}): Json {
  return { direction: 'Outgoing', state: 'Connecting', ...props, _links: { self: { href: INVITATION }, conversation: { href: CONV }, cancel: { href: `${INVITATION}/cancel` } }, rel: 'messagingInvitation' };
}

const messagingUpdated = (state: string, links: Record<string, string>): unknown =>
  conversation([
    {
      link: { rel: 'messaging', href: MESSAGING },
      type: 'updated',
      _embedded: { messaging: { state, _links: { self: { href: MESSAGING }, ...Object.fromEntries(Object.entries(links).map(([rel, href]) => [rel, { href }])) }, rel: 'messaging' } },
    },
  ]);

describe('an incoming invitation', () => {
  it('announces who invites, the subject, the thread and the first line, as a one-to-one chat', async () => {
    const h = messagingHarness();
    await h.deliver([communication([invitationEvent('started', incomingCopy())])]);
    expect(h.events).toEqual([
      {
        type: 'incomingInvitation',
        invitationId: 'inv9',
        conversationId: 'c9',
        from: { uri: 'sip:Ben@contoso.com', name: 'Ben Osei' },
        subject: 'Lunch',
        firstMessage: { text: 'Hi Ana, got a minute?' },
        threadId: 'T-lunch',
      },
    ]);
  });

  it('gives an HTML first line as its text content and keeps the HTML; a missing subject is empty', async () => {
    const h = messagingHarness();
    const { subject: _subject, ...withoutSubject } = incomingCopy({}, { message: { href: encodeDataUri('text/html', '<b>Hi</b> Ana') } });
    await h.deliver([communication([invitationEvent('started', withoutSubject)])]);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'incomingInvitation', subject: '', firstMessage: { text: 'Hi Ana', html: '<b>Hi</b> Ana' } }));
  });

  it('keeps the thread of a conversation it invites back into when the invitation names none (§6.7)', async () => {
    const h = messagingHarness();
    await h.deliver([communication([{ link: { rel: 'conversation', href: CONV }, type: 'added', _embedded: { conversation: { state: 'Connected', threadId: 'T-old', _links: { self: { href: CONV } }, rel: 'conversation' } } }])]);
    await h.deliver([communication([invitationEvent('started', incomingCopy({ threadId: undefined }))])]);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'incomingInvitation', threadId: 'T-old' }));
  });

  it('shows the first line once when its message event comes before the invitation completes', async () => {
    const h = messagingHarness();
    await h.deliver([communication([invitationEvent('started', incomingCopy())])]);
    await h.messaging.accept('inv9');
    const message = `${MESSAGING}/messages/1`;
    await h.deliver([
      conversation([
        {
          link: { rel: 'message', href: message },
          type: 'completed',
          status: 'Success',
          _embedded: { message: { direction: 'Incoming', _links: { self: { href: message }, plainMessage: { href: encodeDataUri('text/plain', 'Hi Ana, got a minute?') } }, rel: 'message' } },
        },
      ]),
    ]);
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Success' })])]);
    expect(h.events.filter((e) => e.type === 'messageReceived').map((e) => (e.type === 'messageReceived' ? e.text : ''))).toEqual(['Hi Ana, got a minute?']);
    expect(h.events).toContainEqual({ type: 'invitationCompleted', invitationId: 'inv9', conversationId: 'c9', direction: 'Incoming' });
  });

  it("completes as incoming, with its first line, when its copy names the inviter's operationId", async () => {
    const h = messagingHarness();
    await h.deliver([communication([invitationEvent('started', incomingCopy({ operationId: 'their-op' }))])]);
    await h.messaging.accept('inv9');
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Success' })])]);
    expect(h.events.filter((e) => e.type !== 'incomingInvitation')).toEqual([
      { type: 'invitationCompleted', invitationId: 'inv9', conversationId: 'c9', direction: 'Incoming' },
      expect.objectContaining({ type: 'messageReceived', conversationId: 'c9', text: 'Hi Ana, got a minute?' }),
    ]);
  });

  it('does not report the inviter or ourselves as joining when the server adds them as participants (§6.5)', async () => {
    const h = messagingHarness();
    await h.deliver([communication([invitationEvent('started', incomingCopy())])]);
    await h.deliver([
      conversation([
        { link: { rel: 'localParticipant', href: `${CONV}/participants/ana@contoso.com`, title: 'Ana Ruiz' }, type: 'added', _embedded: { localParticipant: { name: 'Ana Ruiz', uri: 'sip:ana@contoso.com', rel: 'participant' } } },
        { link: { rel: 'participant', href: `${CONV}/participants/ben@contoso.com`, title: 'Ben Osei' }, type: 'added', _embedded: { participant: { name: 'Ben Osei', uri: 'sip:Ben@contoso.com', rel: 'participant' } } },
      ]),
    ]);
    expect(h.events.filter((e) => e.type === 'participantAdded')).toEqual([]);
  });

  it('raises no toast for an invitation first seen already over (answered on another endpoint), only its outcome', async () => {
    const h = messagingHarness();
    await h.deliver([communication([invitationEvent('completed', incomingCopy({ state: 'Failed' }), { status: 'Failure', reason: { code: 'Gone', subcode: 'ConnectedElsewhere' } })])]);
    expect(h.events).toEqual([expect.objectContaining({ type: 'invitationFailed', invitationId: 'inv9', conversationId: 'c9', direction: 'Incoming' })]);
  });

  it('reads an invitation known only from a link-only completion, and reports its outcome', async () => {
    const h = messagingHarness();
    h.http.resources.set(INVITATION, incomingCopy({ state: 'Failed' }));
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Failure', reason: { code: 'Gone', subcode: 'ConnectedElsewhere' } })])]);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'invitationFailed', invitationId: 'inv9', conversationId: 'c9', direction: 'Incoming' }));
  });

  it('does not read a known invitation again for its link-only completion', async () => {
    const h = messagingHarness();
    h.http.resources.set(INVITATION, incomingCopy({ state: 'Connected' }));
    await h.deliver([communication([invitationEvent('started', incomingCopy())])]);
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Success' })])]);
    expect(h.http.requests).not.toContain(`GET ${INVITATION}`);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'invitationCompleted', invitationId: 'inv9' }));
  });

  it('reports its outcome once when the server repeats the completion (§10.16)', async () => {
    const h = messagingHarness();
    await h.deliver([communication([invitationEvent('started', incomingCopy())])]);
    const completed = invitationEvent('completed', undefined, { status: 'Success' });
    await h.deliver([communication([completed, completed])]);
    expect(h.events.filter((e) => e.type === 'invitationCompleted')).toHaveLength(1);
    expect(h.events.filter((e) => e.type === 'messageReceived')).toHaveLength(1);
  });

  it('does not bring back an ended conversation for a late copy of its invitation', async () => {
    const h = messagingHarness();
    await h.deliver([communication([invitationEvent('started', incomingCopy())])]);
    await h.deliver([communication([{ link: { rel: 'conversation', href: CONV }, type: 'deleted' }])]);
    await h.deliver([communication([invitationEvent('completed', incomingCopy({ state: 'Cancelled' }), { status: 'Failure', reason: { code: 'Gone', subcode: 'Canceled' } })])]);
    expect(h.messaging.conversationIds()).toEqual([]);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'invitationFailed', conversationId: 'c9' }));
  });

  it('leaves connecting a one-to-one chat to the server: accepting asks nothing more of it', async () => {
    const h = messagingHarness();
    h.http.resources.set(MESSAGING, { state: 'Connected', _links: { self: { href: MESSAGING }, sendMessage: { href: `${MESSAGING}/messages` } }, rel: 'messaging' });
    await h.deliver([communication([invitationEvent('started', incomingCopy())])]);
    await h.messaging.accept('inv9');
    // One batch, the invitation's sender first: the completion is handled before messaging connects.
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Success' })]), messagingUpdated('Connected', { sendMessage: `${MESSAGING}/messages` })]);
    await tick();
    expect(h.http.requests).toEqual([`POST ${INVITATION}/accept`]);
  });
});

describe('a group invitation (onlineMeetingInvitation, §6.5)', () => {
  const meetingInvitation = (): Json => {
    const { subject: _subject, ...copy } = incomingCopy({ availableModalities: ['Messaging'] }, {}, MEETING_INVITATION, 'onlineMeetingInvitation');
    return invitationEvent('started', copy, {}, 'onlineMeetingInvitation', MEETING_INVITATION);
  };

  it('is announced as a group chat and, once joined, adds messaging to the meeting itself', async () => {
    const h = messagingHarness();
    await h.deliver([communication([meetingInvitation()])]);
    expect(h.events).toEqual([expect.objectContaining({ type: 'incomingInvitation', invitationId: 'om9', conversationId: 'c9', subject: '', group: true })]);
    h.http.resources.set(MESSAGING, { state: 'Disconnected', _links: { self: { href: MESSAGING }, addMessaging: { href: `${MESSAGING}/messagingInvitations` } }, rel: 'messaging' });
    h.http.onPost = (url) => (url.pathname.endsWith('/accept') ? { status: 204 } : { location: `${COMMUNICATION}/messagingInvitations/add1` });
    await h.messaging.accept('om9');
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Success' }, 'onlineMeetingInvitation', MEETING_INVITATION)])]);
    await tick();
    expect(h.http.posts.map((p) => new URL(p.url).pathname)).toEqual([`${MEETING_INVITATION}/accept`, `${MESSAGING}/messagingInvitations`]);
  });

  it('holds a message written before IM joins the meeting instead of adding messaging a second time', async () => {
    const h = messagingHarness(200);
    await h.deliver([communication([meetingInvitation()])]);
    await h.messaging.accept('om9');
    await h.deliver([messagingUpdated('Disconnected', { addMessaging: `${MESSAGING}/messagingInvitations` })]);
    const sent = h.messaging.send('c9', { text: 'Hi all' });
    await expect(sent).rejects.toMatchObject({ code: 'delivery-failed' });
    expect(h.http.posts.map((p) => new URL(p.url).pathname)).toEqual([`${MEETING_INVITATION}/accept`]);
  });
});

describe('our own invitation', () => {
  it('reports a failure whose started event was left out, without reading the finished invitation', async () => {
    const h = messagingHarness();
    h.http.onPost = () => ({ location: INVITATION });
    const started = h.messaging.start({ to: 'lenea@contoso.com' });
    started.catch(() => undefined);
    await tick();
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Failure', reason: { code: 'RemoteFailure', subcode: 'Declined', message: 'Declined.' } })])]);
    await expect(started).rejects.toMatchObject({ code: 'invitation-failed', subcode: 'Declined' });
    expect(h.http.requests).toEqual([`POST ${COMMUNICATION}/messagingInvitations`]);
  });

  it('reads a link-only started event of ours to learn its conversation', async () => {
    const h = messagingHarness();
    h.http.onPost = () => ({ location: INVITATION });
    h.http.resources.set(INVITATION, outgoingCopy());
    const started = h.messaging.start({ to: 'lenea@contoso.com' });
    await tick();
    await h.deliver([communication([invitationEvent('started')])]);
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Success' })])]);
    await expect(started).resolves.toBe('c9');
  });

  it('learns its conversation from a later copy when the started event could not be read', async () => {
    const h = messagingHarness();
    h.http.onPost = () => ({ location: INVITATION });
    const started = h.messaging.start({ to: 'lenea@contoso.com' });
    await tick();
    await h.deliver([communication([invitationEvent('started')])]);
    await h.deliver([communication([invitationEvent('updated', outgoingCopy())])]);
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Success' })])]);
    await expect(started).resolves.toBe('c9');
  });

  it('hands the thread its invitation named to the end of the conversation, to continue it later (§6.7)', async () => {
    const h = messagingHarness();
    h.http.onPost = () => ({ location: INVITATION });
    const started = h.messaging.start({ to: 'lenea@contoso.com' });
    await tick();
    await h.deliver([communication([invitationEvent('started', outgoingCopy({ threadId: 'T-1' }))])]);
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Success' })])]);
    await expect(started).resolves.toBe('c9');
    await h.deliver([communication([{ link: { rel: 'conversation', href: CONV }, type: 'deleted' }])]);
    expect(h.events).toContainEqual({ type: 'conversationEnded', conversationId: 'c9', threadId: 'T-1' });
  });

  it('recognises its invitation by the operationId its copy names when the events beat the 201 (§10.10)', async () => {
    const h = messagingHarness(300);
    h.http.onPost = () => ({ location: INVITATION, before: () => h.deliver([communication([invitationEvent('started', outgoingCopy({ operationId: 'op-7' }))])]) });
    const started = h.messaging.start({ to: 'lenea@contoso.com', operationId: 'op-7' });
    await tick();
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Success' })])]);
    await expect(started).resolves.toBe('c9');
  });

  it('does not take a conversation an earlier invitation of ours went to for a later one that names none', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('Disconnected', { addMessaging: `${MESSAGING}/messagingInvitations` })]);
    h.http.onPost = () => ({ location: INVITATION });
    const back = h.messaging.send('c9', { text: 'Back?' });
    await tick();
    await tick();
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Success' })])]);
    await back;
    // A new chat whose link-only completion names none, and its conversation heard of only by its messaging.
    const SECOND = `${COMMUNICATION}/messagingInvitations/inv10`;
    h.http.onPost = () => ({ location: SECOND });
    const started = h.messaging.start({ to: 'carl@contoso.com' });
    await tick();
    const C10 = `${COMMUNICATION}/conversations/c10`;
    await h.deliver([{ rel: 'conversation', href: C10, events: [{ link: { rel: 'messaging', href: `${C10}/messaging` }, type: 'updated', _embedded: { messaging: { state: 'Connecting', _links: { self: { href: `${C10}/messaging` } }, rel: 'messaging' } } }] }]);
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Success' }, 'messagingInvitation', SECOND)])]);
    await expect(started).resolves.toBe('c10');
  });

  it('fails with the generic reason when the server gives none', async () => {
    const h = messagingHarness();
    h.http.onPost = () => ({ location: INVITATION });
    const started = h.messaging.start({ to: 'lenea@contoso.com', operationId: 'op-1' });
    started.catch(() => undefined);
    await tick();
    await h.deliver([communication([invitationEvent('started', outgoingCopy())])]);
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Failure' })])]);
    await expect(started).rejects.toMatchObject({ code: 'invitation-failed', detail: errorDetail('invitationFailed', {}) });
    expect(h.events).toContainEqual({ type: 'invitationFailed', invitationId: 'inv9', conversationId: 'c9', direction: 'Outgoing', reason: { message: 'The invitation failed.' }, operationId: 'op-1' });
  });
});

describe('adding messaging back (§6.7)', () => {
  async function idle(h: ReturnType<typeof messagingHarness>): Promise<void> {
    await h.deliver([messagingUpdated('Disconnected', { addMessaging: `${MESSAGING}/messagingInvitations` })]);
  }

  it('names the invitation, not the operation, in the outcome of a completion that came link-only', async () => {
    const h = messagingHarness();
    await idle(h);
    h.http.onPost = () => ({ location: INVITATION });
    const sent = h.messaging.send('c9', { text: 'Back?' });
    await tick();
    await tick();
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Success' })])]);
    const { operationId } = await sent;
    expect(h.events).toContainEqual({ type: 'invitationCompleted', invitationId: 'inv9', conversationId: 'c9', direction: 'Outgoing', operationId });
  });

  it('does not take a started event that beat the 201 and could not be read for an outcome', async () => {
    const h = messagingHarness();
    await idle(h);
    // The invitation answers 404 to the GET, as a strict server may.
    h.http.onPost = () => ({ location: INVITATION, before: () => h.deliver([communication([invitationEvent('started')])]) });
    const sent = h.messaging.send('c9', { text: 'Back?' });
    await tick();
    await tick();
    await h.deliver([communication([invitationEvent('completed', undefined, { status: 'Success' })])]);
    await expect(sent).resolves.toMatchObject({ operationId: expect.any(String) });
  });
});

describe('routing the events', () => {
  it('tells that the count of missed conversations changed (§8.2)', async () => {
    const h = messagingHarness();
    await h.deliver([communication([{ link: { rel: 'missedItems', href: `${COMMUNICATION}/missedItems` }, type: 'updated' }])]);
    expect(h.events).toEqual([{ type: 'missedItemsChanged' }]);
  });

  it('reports that someone we added could not be added (§6.8)', async () => {
    const h = messagingHarness();
    await h.deliver([communication([{ link: { rel: 'conversation', href: CONV }, type: 'added', _embedded: { conversation: { state: 'Connected', _links: { self: { href: CONV }, addParticipant: { href: `${COMMUNICATION}/participantInvitations?conversation=c9` } }, rel: 'conversation' } } }])]);
    const PARTICIPANT_INVITATION = `${COMMUNICATION}/participantInvitations/p1`;
    h.http.onPost = () => ({ location: PARTICIPANT_INVITATION });
    await h.messaging.addParticipant('c9', 'carl@contoso.com');
    await h.deliver([communication([{ link: { rel: 'participantInvitation', href: PARTICIPANT_INVITATION }, type: 'completed', status: 'Failure', reason: { code: 'RemoteFailure', subcode: 'Declined' } }])]);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'participantAddFailed', conversationId: 'c9', participant: { uri: 'sip:carl@contoso.com', name: 'carl@contoso.com' } }));
  });

  it('takes an update of the communication resource itself for no conversation', async () => {
    const h = messagingHarness();
    h.http.resources.set(COMMUNICATION, { supportedModalities: ['Messaging'], _links: { self: { href: COMMUNICATION } }, rel: 'communication' });
    await h.deliver([communication([{ link: { rel: 'communication', href: COMMUNICATION }, type: 'updated' }])]);
    expect(h.messaging.conversationIds()).toEqual([]);
    expect(h.http.requests).toEqual([]);
  });

  it('ends a deleted conversation without reading it', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('Connected', { sendMessage: `${MESSAGING}/messages` })]);
    const before = h.http.requests.length;
    await h.deliver([communication([{ link: { rel: 'conversation', href: CONV }, type: 'deleted' }])]);
    expect(h.events).toContainEqual({ type: 'conversationEnded', conversationId: 'c9' });
    expect(h.http.requests.slice(before)).toEqual([]);
  });

  it('leaves events of other senders alone', async () => {
    const h = messagingHarness();
    await h.deliver([{ rel: 'onlineMeetings', href: `${APP}/onlineMeetings`, events: [{ link: { rel: 'myOnlineMeetings', href: `${APP}/onlineMeetings/myOnlineMeetings` }, type: 'updated' }] }]);
    expect(h.messaging.conversationIds()).toEqual([]);
    expect(h.http.requests).toEqual([]);
    expect(h.events).toEqual([]);
  });

  it('reads a conversation first heard of through its own events once, not at every event', async () => {
    const h = messagingHarness();
    const reads = (): number => h.http.requests.filter((r) => r === `GET ${CONV}`).length;
    await h.deliver([messagingUpdated('Connecting', {})]);
    expect(reads()).toBe(1);
    await h.deliver([messagingUpdated('Connected', { sendMessage: `${MESSAGING}/messages` })]);
    expect(reads()).toBe(1);
  });

  it('tells who joined the conversation and who is typing (§6.6, §6.8)', async () => {
    const h = messagingHarness();
    await h.deliver([messagingUpdated('Connected', { sendMessage: `${MESSAGING}/messages` })]);
    const carl = `${CONV}/participants/carl@contoso.com`;
    await h.deliver([
      conversation([
        { link: { rel: 'participant', href: carl, title: 'Carl' }, type: 'added', _embedded: { participant: { name: 'Carl', uri: 'sip:carl@contoso.com', rel: 'participant' } } },
        { link: { rel: 'participant', href: carl, title: 'Carl' }, in: { rel: 'typingParticipants', href: `${MESSAGING}/typingParticipants` }, type: 'added' },
      ]),
    ]);
    const carlInfo = { uri: 'sip:carl@contoso.com', name: 'Carl' };
    expect(h.events.filter((e) => e.type === 'participantAdded' || e.type === 'typingChanged')).toEqual([
      { type: 'participantAdded', conversationId: 'c9', participant: carlInfo },
      { type: 'typingChanged', conversationId: 'c9', participant: carlInfo, isTyping: true },
    ]);
  });
});

describe('message bodies', () => {
  const body = (links: Json): ReturnType<typeof incomingMessageBody> =>
    incomingMessageBody(Resource.parse({ _links: { self: { href: '/m' }, ...links }, rel: 'message' }, abs('/m'), 'message'));

  it('reads a plain copy as plain text, even when it looks like markup', () => {
    expect(body({ plainMessage: { href: encodeDataUri('text/plain', 'use <b> for bold &amp; more') } })).toEqual({ text: 'use <b> for bold &amp; more' });
  });

  it('takes the text content of a plain copy labelled as HTML (html/plain, §6.3)', () => {
    expect(body({ plainMessage: { href: `data:html/plain;charset=utf-8,${encodeURIComponent('<b>Hi</b> there')}` } })).toEqual({ text: 'Hi there' });
  });
});
