// Operations under the strict profile's latitudes, over raw HTTP: transient operation resources
// (§6.1), events before the POST's 201 (§6.2, §10.10), PGetReplaced and the repeated first message
// in both profiles (§5.5, §6.5), and the outcomes the strict profile must never hide (§5.4).
import { describe, expect, it } from 'vitest';
import { MAX_REPLY_HOLD_MS } from '../../../src/simulator/operation-replies';
import { SIM_PROFILES, describeEachProfile, startSim } from '../../support/simulator';
import type { RawApp, WireEvent } from './raw-ucwa';
import { EventPump, copyOf, createApp, eventsOf, get, makeAvailable, plainText, poll, pollUntil, post, waitUntil } from './raw-ucwa';

const SHORT_POLLS = { maxHoldMs: 400 };

function startMessagingHref(app: RawApp): string {
  const communication = (app.body._embedded as Record<string, { _links: Record<string, { href: string }> }>).communication;
  return communication?._links.startMessaging?.href ?? '';
}

async function linksOf(app: RawApp, href: string): Promise<Record<string, { href: string }>> {
  const res = await get(app, href);
  expect(res.status).toBe(200);
  return ((await res.json()) as { _links: Record<string, { href: string }> })._links;
}

/** The messaging resource of the conversation the events are about, fetched (it may have come link-only). */
async function sendMessageHref(app: RawApp, events: readonly WireEvent[]): Promise<string> {
  const messaging = events.filter((e) => e.link.rel === 'messaging').at(-1)?.link.href ?? '';
  return (await linksOf(app, messaging)).sendMessage?.href ?? '';
}

const completion = (href: string) => (events: readonly WireEvent[]) => events.some((e) => e.link.href === href && e.type === 'completed');

describe.each([false, true])('transientOperations=%s (§6.1: operation resources are transient)', (transientOperations) => {
  const gone = async (app: RawApp, href: string): Promise<void> => {
    const res = await get(app, href);
    if (!transientOperations) {
      expect(res.status).toBe(200);
      return;
    }
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ code: 'NotFound', subcode: 'ResourceNotFound' });
  };

  it('a messagingInvitation and a participantInvitation answer while in progress and 404 once completed (the default keeps serving them)', async () => {
    const sim = await startSim({ ...SHORT_POLLS, profile: 'default', botDelayMs: 300, latitudes: { transientOperations } });
    const ana = await createApp(sim);
    const started = await post(ana, startMessagingHref(ana), { to: 'sip:echo@contoso.com', operationId: 'op-1' });
    const invitation = started.headers.get('location') ?? '';
    expect(await (await get(ana, invitation)).json()).toMatchObject({ state: 'Connecting', operationId: 'op-1' });
    const { events } = await pollUntil(ana, completion(invitation));
    await gone(ana, invitation);

    const conversation = events.find((e) => e.link.rel === 'conversation')?.link.href ?? '';
    const add = await post(ana, (await linksOf(ana, conversation)).addParticipant?.href ?? '', { to: 'sip:lena@contoso.com', operationId: 'p-1' });
    expect(add.status).toBe(201);
    const participantInvitation = add.headers.get('location') ?? '';
    expect(await (await get(ana, participantInvitation)).json()).toMatchObject({ state: 'Connecting', operationId: 'p-1', rel: 'participantInvitation' });
    const { events: joined } = await pollUntil(ana, completion(participantInvitation));
    expect(joined.find((e) => e.link.href === participantInvitation && e.type === 'completed')).toMatchObject({ status: 'Success' });
    await gone(ana, participantInvitation);
  });

  it('a message answers while its recipient has not collected it, and 404 once completed (in both profiles)', async () => {
    const sim = await startSim({ ...SHORT_POLLS, profile: 'default', latitudes: { transientOperations } });
    const ana = await createApp(sim);
    const ben = await createApp(sim, 'ben@contoso.com');
    await makeAvailable(ben);
    const invitation = (await post(ana, startMessagingHref(ana), { to: 'sip:ben@contoso.com', operationId: 'op-2' })).headers.get('location') ?? '';
    const { events: benEvents } = await pollUntil(ben, (seen) => seen.some((e) => e.link.rel === 'messagingInvitation'));
    const benInvitation = benEvents.find((e) => e.link.rel === 'messagingInvitation')?.link.href ?? '';
    expect((await post(ben, (await linksOf(ben, benInvitation)).accept?.href ?? '')).status).toBe(204);
    const { events } = await pollUntil(ana, completion(invitation));
    const sent = await post(ana, `${await sendMessageHref(ana, events)}?operationId=m-1`, 'hello Ben', 'text/plain');
    const message = sent.headers.get('location') ?? '';
    // Ben has not collected it yet: the operation is in progress.
    expect(await (await get(ana, message)).json()).toMatchObject({ direction: 'Outgoing', operationId: 'm-1', rel: 'message' });
    await pollUntil(ben, (seen) => seen.some((e) => plainText(e) === 'hello Ben'));
    await pollUntil(ana, completion(message));
    expect((await get(ana, message)).status).toBe(404);
  });
});

describe.each([0, 1])('eventsBeforeResponse=%s (§6.2, §10.10: events may arrive before the 201)', (eventsBeforeResponse) => {
  it(eventsBeforeResponse === 1 ? 'startMessaging and sendMessage answer only after the client fetched their events and asked for the next batch' : 'the 201 comes without waiting for the event channel', async () => {
    const sim = await startSim({ ...SHORT_POLLS, profile: 'default', latitudes: { eventsBeforeResponse } });
    const ana = await createApp(sim);
    const seen: WireEvent[] = [];
    /** Sends an operation while a P-GET is outstanding; returns its Location. */
    const early = async (send: () => Promise<Response>, rel: string, operationId: string): Promise<string> => {
      const first = poll(ana);
      await waitUntil(() => sim.appsOf('ana@contoso.com')[0]?.channel.hasWaiter === true);
      let answered = false;
      const response = send().then((res) => {
        answered = true;
        return res;
      });
      if (eventsBeforeResponse === 0) {
        const res = await response;
        expect(res.status).toBe(201);
        seen.push(...eventsOf(await first));
        return res.headers.get('location') ?? '';
      }
      const batch = await first;
      seen.push(...eventsOf(batch));
      const operation = eventsOf(batch).find((e) => e.link.rel === rel);
      expect(copyOf(operation as WireEvent)?.operationId).toBe(operationId);
      // The server holds the 201 until the next P-GET acknowledges that batch.
      expect(answered).toBe(false);
      const acknowledging = poll(ana);
      const res = await response;
      expect(res.status).toBe(201);
      expect(res.headers.get('location')).toBe(operation?.link.href);
      seen.push(...eventsOf(await acknowledging));
      return res.headers.get('location') ?? '';
    };
    const invitation = await early(() => post(ana, startMessagingHref(ana), { to: 'sip:echo@contoso.com', operationId: 'op-early' }), 'messagingInvitation', 'op-early');
    const { events } = await pollUntil(ana, (more) => completion(invitation)([...seen, ...more]));
    const send = await sendMessageHref(ana, [...seen, ...events]);
    await early(() => post(ana, `${send}?operationId=m-early`, 'early', 'text/plain'), 'message', 'm-early');
  });
});

it('eventsBeforeResponse: a client that waits for the 201 before polling still gets it, after the hold', async () => {
  const sim = await startSim({ ...SHORT_POLLS, profile: 'default', latitudes: { eventsBeforeResponse: 1 } });
  const ana = await createApp(sim);
  const since = Date.now();
  const res = await post(ana, startMessagingHref(ana), { to: 'sip:echo@contoso.com', operationId: 'op-late' });
  expect(res.status).toBe(201);
  expect(Date.now() - since).toBeGreaterThanOrEqual(MAX_REPLY_HOLD_MS - 50);
});

describeEachProfile('both profiles', (profile) => {
  it('a second P-GET replaces the first: 409 PGetReplaced (§5.5)', async () => {
    const sim = await startSim({ ...SHORT_POLLS, maxHoldMs: 1_000, profile });
    const ana = await createApp(sim);
    const url = `${sim.url}${ana.next}`;
    const older = fetch(url, { headers: ana.auth });
    await waitUntil(() => sim.appsOf('ana@contoso.com')[0]?.channel.hasWaiter === true);
    const newer = fetch(url, { headers: ana.auth });
    const replaced = await older;
    expect(replaced.status).toBe(409);
    expect(await replaced.json()).toMatchObject({ code: 'Conflict', subcode: 'PGetReplaced' });
    expect((await newer).status).toBe(200);
  });

  it('the first message of an incoming invitation is delivered again as a message event after accept (§6.5, §10.12)', async () => {
    const sim = await startSim({ ...SHORT_POLLS, profile, seed: 7 });
    const ana = await createApp(sim);
    await makeAvailable(ana);
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'got a minute?' });
    const pump = new EventPump(ana);
    const invitation = (await pump.until((seen) => seen.some((e) => e.link.rel === 'messagingInvitation'))).find((e) => e.link.rel === 'messagingInvitation')?.link.href ?? '';
    const links = await linksOf(ana, invitation);
    expect(links.message?.href).toBe('data:text/plain;charset=utf-8,got+a+minute%3F');
    expect((await post(ana, links.accept?.href ?? '')).status).toBe(204);
    await pump.until((seen) => seen.some((e) => plainText(e) === 'got a minute?'));
    await pump.stop();
  });
});

describe('strict profile: every latitude at once never hides an outcome', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %s: one completed invitation with Success, Connected messaging, one completed message, the echo exactly once', async (seed) => {
    const sim = await startSim({ ...SHORT_POLLS, profile: 'strict', seed });
    expect(sim.profile).toBe(SIM_PROFILES[1]);
    const ana = await createApp(sim);
    const pump = new EventPump(ana);
    const started = await post(ana, startMessagingHref(ana), { to: 'sip:echo@contoso.com', operationId: 'op' });
    const invitation = started.headers.get('location') ?? '';
    await pump.until(completion(invitation));
    const messaging = pump.events.filter((e) => e.link.rel === 'messaging').at(-1)?.link.href ?? '';
    const state = (await (await get(ana, messaging)).json()) as { state: string; _links: Record<string, { href: string }> };
    expect(state.state).toBe('Connected');
    const sent = await post(ana, `${state._links.sendMessage?.href ?? ''}?operationId=m`, 'hi', 'text/plain');
    const message = sent.headers.get('location') ?? '';
    const events = await pump.until((seen) => completion(message)(seen) && seen.some((e) => plainText(e) === 'Echo: hi'));
    await pump.stop();
    expect(events.filter((e) => e.link.href === invitation && e.type === 'completed').map((e) => e.status)).toEqual(['Success']);
    expect(events.filter((e) => e.link.href === message && e.type === 'completed').map((e) => e.status)).toEqual(['Success']);
    expect(events.filter((e) => plainText(e) === 'Echo: hi')).toHaveLength(1);
    const lastMessaging = events.filter((e) => e.link.rel === 'messaging').at(-1);
    if (lastMessaging !== undefined && copyOf(lastMessaging) !== undefined) expect(copyOf(lastMessaging)?.state).toBe('Connected');
  });
});
