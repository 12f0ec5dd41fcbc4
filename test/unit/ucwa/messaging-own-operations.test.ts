// Events about our own operations are handled from our own records: link-only events, events that
// beat the 201, intermediate events left out, and a 404 for a completed operation (§5.3, §5.4,
// §6.2, §10.10, §10.17) must never lose an outcome.
import { describe, expect, it } from 'vitest';
import { APP } from './support/scripted-http';
import { messagingHarness, type MessagingHarness } from './support/messaging-harness';

const CONV = `${APP}/communication/conversations/c7f2`;
const INVITATION = `${APP}/communication/messagingInvitations/inv1`;


const communication = (events: unknown[]): unknown => ({ rel: 'communication', href: `${APP}/communication`, events });
const conversation = (events: unknown[]): unknown => ({ rel: 'conversation', href: CONV, events });
const invitationStarted = {
  link: { rel: 'messagingInvitation', href: INVITATION },
  type: 'started',
  _embedded: { messagingInvitation: { direction: 'Outgoing', state: 'Connecting', _links: { self: { href: INVITATION }, conversation: { href: CONV }, cancel: { href: `${INVITATION}/cancel` } }, rel: 'messagingInvitation' } },
};
const invitationCompletedLinkOnly = { link: { rel: 'messagingInvitation', href: INVITATION }, type: 'completed', status: 'Success' };

describe('our own invitation', () => {
  it('completes from a link-only completed event without GETting the finished invitation (the Send an IM walkthrough)', async () => {
    const h = messagingHarness();
    h.http.onPost = () => ({ location: INVITATION });
    const started = h.messaging.start({ to: 'lenea@contoso.com', message: { text: "What's up?" } });
    await new Promise((resolve) => setImmediate(resolve));
    await h.deliver([communication([invitationStarted])]);
    await h.deliver([communication([invitationCompletedLinkOnly])]);
    await expect(started).resolves.toBe('c7f2');
    expect(h.http.requests).not.toContain(`GET ${INVITATION}`);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'invitationCompleted', conversationId: 'c7f2', direction: 'Outgoing' }));
  });

  it('matches events that beat the 201 by its Location, with the started event left out and the invitation already gone', async () => {
    const h = messagingHarness();
    // Only what the protocol guarantees: the conversation's messaging connected, and the invitation
    // completed (link-only); the invitation answers 404 by the time anyone asks.
    h.http.resources.set(CONV, { state: 'Connected', _links: { self: { href: CONV }, participants: { href: `${CONV}/participants` }, messaging: { href: `${CONV}/messaging` } }, rel: 'conversation' });
    h.http.resources.set(`${CONV}/participants`, { _embedded: { participant: [{ uri: 'sip:ana@contoso.com', rel: 'participant' }, { uri: 'sip:LeneA@contoso.com', rel: 'participant' }] }, rel: 'participants' });
    h.http.resources.set(`${CONV}/messaging`, { state: 'Connected', _links: { self: { href: `${CONV}/messaging` }, sendMessage: { href: `${CONV}/messaging/messages` } }, rel: 'messaging' });
    h.http.onPost = () => ({
      location: INVITATION,
      before: () => h.deliver([conversation([{ link: { rel: 'messaging', href: `${CONV}/messaging` }, type: 'updated' }]), communication([invitationCompletedLinkOnly])]),
    });
    await expect(h.messaging.start({ to: 'sip:lenea@contoso.com', message: { text: "What's up?" } })).resolves.toBe('c7f2');
  });

  it('completes when its started copy, without an operationId, beat the 201 that names it', async () => {
    const h = messagingHarness(500);
    h.http.onPost = () => ({ location: INVITATION, before: () => h.deliver([communication([invitationStarted])]) });
    const started = h.messaging.start({ to: 'lenea@contoso.com', message: { text: "What's up?" } });
    await new Promise((resolve) => setImmediate(resolve));
    await h.deliver([communication([invitationCompletedLinkOnly])]);
    await expect(started).resolves.toBe('c7f2');
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'invitationCompleted', invitationId: 'inv1', conversationId: 'c7f2', direction: 'Outgoing' }));
  });

  it('reports a failure that beat the 201 truly, with its reason', async () => {
    const h = messagingHarness();
    h.http.onPost = () => ({
      location: INVITATION,
      before: () => h.deliver([communication([{ ...invitationCompletedLinkOnly, status: 'Failure', reason: { code: 'RemoteFailure', subcode: 'Declined', message: 'Lene declined.' } }])]),
    });
    await expect(h.messaging.start({ to: 'lenea@contoso.com' })).rejects.toMatchObject({ code: 'invitation-failed', subcode: 'Declined', detail: { reason: 'serverReason', args: { reason: 'Lene declined.' } } });
  });

  it('cancels the invitation when nobody answers in time, so it cannot connect behind our back (§6.2)', async () => {
    const h = messagingHarness(200);
    h.http.onPost = (url) => (url.pathname.endsWith('/cancel') ? { status: 204 } : { location: INVITATION });
    const started = h.messaging.start({ to: 'lenea@contoso.com', message: { text: 'Hello?' } });
    await new Promise((resolve) => setImmediate(resolve));
    await h.deliver([communication([invitationStarted])]);
    await expect(started).rejects.toMatchObject({ code: 'invitation-failed', subcode: 'Timeout' });
    expect(h.http.requests).toContain(`POST ${INVITATION}/cancel`);
  });

  it('names its operation in a completion that arrives after the caller gave up, so nothing is sent twice', async () => {
    const h = messagingHarness(200);
    h.http.onPost = (url) => (url.pathname.endsWith('/cancel') ? { status: 409 } : { location: INVITATION });
    const started = h.messaging.start({ to: 'lenea@contoso.com', message: { text: 'Hello?' }, operationId: 'op-late' });
    await new Promise((resolve) => setImmediate(resolve));
    await h.deliver([communication([invitationStarted])]);
    await expect(started).rejects.toMatchObject({ subcode: 'Timeout' });
    await h.deliver([communication([invitationCompletedLinkOnly])]);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'invitationCompleted', conversationId: 'c7f2', operationId: 'op-late' }));
  });
});

describe('our own messages', () => {
  async function connected(h: MessagingHarness): Promise<void> {
    await h.deliver([conversation([{ link: { rel: 'messaging', href: `${CONV}/messaging` }, type: 'updated', _embedded: { messaging: { state: 'Connected', _links: { self: { href: `${CONV}/messaging` }, sendMessage: { href: `${CONV}/messaging/messages` } }, rel: 'messaging' } } }])]);
  }

  it('is delivered by a link-only completed event that beat the 201', async () => {
    const h = messagingHarness();
    await connected(h);
    const message = `${CONV}/messaging/messages/2`;
    h.http.onPost = () => ({ location: message, before: () => h.deliver([conversation([{ link: { rel: 'message', href: message }, type: 'completed', status: 'Success' }])]) });
    await expect(h.messaging.send('c7f2', { text: 'Lunch?' })).resolves.toMatchObject({ operationId: expect.any(String) });
  });

  it('is delivered when the 201 names it while the GET of its link-only completion is still out', async () => {
    const h = messagingHarness();
    await connected(h);
    const message = `${CONV}/messaging/messages/5`;
    let releaseGet: () => void = () => undefined;
    h.http.beforeGet = (url) => (url.pathname === message ? new Promise<void>((resolve) => (releaseGet = resolve)) : Promise.resolve());
    h.http.onPost = () => ({
      location: message,
      // The completion arrives first, link-only; the 201 comes back while its GET is in flight.
      before: () => void h.deliver([conversation([{ link: { rel: 'message', href: message }, type: 'completed', status: 'Success' }])]),
    });
    const sent = h.messaging.send('c7f2', { text: 'r1' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    releaseGet();
    await expect(sent).resolves.toMatchObject({ operationId: expect.any(String) });
  });

  it('a conversation that cannot take messaging back (409 on addMessaging) ends, so the caller starts a new one', async () => {
    const h = messagingHarness();
    await h.deliver([conversation([{ link: { rel: 'messaging', href: `${CONV}/messaging` }, type: 'updated', _embedded: { messaging: { state: 'Disconnected', _links: { self: { href: `${CONV}/messaging` }, addMessaging: { href: `${CONV}/messaging/messagingInvitations` } }, rel: 'messaging' } } }])]);
    h.http.onPost = () => ({ status: 409 });
    await expect(h.messaging.send('c7f2', { text: 'Still there?' })).rejects.toMatchObject({ code: 'not-found' });
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'conversationEnded', conversationId: 'c7f2' }));
  });

  it('fails truly from a link-only completed event after the 201, without a GET', async () => {
    const h = messagingHarness();
    await connected(h);
    const message = `${CONV}/messaging/messages/3`;
    h.http.onPost = () => ({ location: message });
    const sent = h.messaging.send('c7f2', { text: 'Lunch?' });
    sent.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await h.deliver([conversation([{ link: { rel: 'message', href: message }, type: 'completed', status: 'Failure', reason: { code: 'RemoteFailure', subcode: 'Timeout', message: 'Not delivered.' } }])]);
    await expect(sent).rejects.toMatchObject({ code: 'delivery-failed', detail: { reason: 'serverReason', args: { reason: 'Not delivered.' } } });
    expect(h.http.requests).not.toContain(`GET ${message}`);
  });
});

describe('an incoming invitation', () => {
  it('shows the first message once when the server does not repeat it after accept', async () => {
    const h = messagingHarness();
    const incoming = {
      link: { rel: 'messagingInvitation', href: `${APP}/communication/messagingInvitations/in1` },
      type: 'started',
      _embedded: {
        messagingInvitation: {
          direction: 'Incoming',
          state: 'Connecting',
          _links: { self: { href: `${APP}/communication/messagingInvitations/in1` }, accept: { href: `${APP}/communication/messagingInvitations/in1/accept` }, conversation: { href: CONV }, message: { href: 'data:text/plain;charset=utf-8,Hi+Ana' } },
          _embedded: { from: { name: 'Ben Osei', uri: 'sip:ben@contoso.com', rel: 'participant' } },
          rel: 'messagingInvitation',
        },
      },
    };
    await h.deliver([communication([incoming])]);
    await h.messaging.accept('in1');
    await h.deliver([communication([{ link: { rel: 'messagingInvitation', href: `${APP}/communication/messagingInvitations/in1` }, type: 'completed', status: 'Success' }])]);
    expect(h.events.filter((e) => e.type === 'messageReceived').map((e) => (e.type === 'messageReceived' ? e.text : ''))).toEqual(['Hi Ana']);
  });
});
