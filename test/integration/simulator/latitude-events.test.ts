// Each event-channel latitude of the strict profile, turned on alone and observed over raw HTTP
// (protocol §5.3, §5.4, §10.16, §10.17), against the same flow with the latitude off.
import { describe, expect, it } from 'vitest';
import type { Latitudes } from '../../../src/simulator/index';
import { startSim } from '../../support/simulator';
import type { RawApp, WireEvent } from './raw-ucwa';
import { EventPump, copyOf, createApp, eventsOf, get, makeAvailable, plainText, poll, pollUntil, post, waitUntil } from './raw-ucwa';

const SHORT_POLLS = { maxHoldMs: 400, profile: 'default' as const };

function startMessagingHref(app: RawApp): string {
  const communication = (app.body._embedded as Record<string, { _links: Record<string, { href: string }> }>).communication;
  return communication?._links.startMessaging?.href ?? '';
}

async function startWithEcho(app: RawApp, operationId = 'op-1'): Promise<string> {
  const res = await post(app, startMessagingHref(app), { to: 'sip:echo@contoso.com', operationId, subject: 'Hi' });
  expect(res.status).toBe(201);
  return res.headers.get('location') ?? '';
}

describe('link-only events (§5.3 `_embedded` is optional)', () => {
  async function outgoingFlow(latitudes: Partial<Latitudes>): Promise<WireEvent[]> {
    const sim = await startSim({ ...SHORT_POLLS, latitudes });
    const ana = await createApp(sim);
    const pump = new EventPump(ana);
    const invitation = await startWithEcho(ana);
    const events = await pump.until((seen) => seen.some((e) => e.link.href === invitation && e.type === 'completed'));
    await pump.stop();
    return events;
  }

  it('off: every event that has a copy carries it', async () => {
    const events = await outgoingFlow({});
    const completion = events.find((e) => e.link.rel === 'messagingInvitation' && e.type === 'completed');
    expect(copyOf(completion as WireEvent)).toMatchObject({ state: 'Connected', operationId: 'op-1' });
    expect(copyOf(events.find((e) => e.link.rel === 'localParticipant') as WireEvent)).toBeDefined();
  });

  it('linkOnlyEvents: the completed invitation is link-only (its started event carried the copy), status stays on the event', async () => {
    const events = await outgoingFlow({ linkOnlyEvents: true });
    const started = events.find((e) => e.link.rel === 'messagingInvitation' && e.type === 'started');
    const completion = events.find((e) => e.link.rel === 'messagingInvitation' && e.type === 'completed');
    expect(copyOf(started as WireEvent)).toMatchObject({ direction: 'Outgoing', operationId: 'op-1' });
    expect(completion).toEqual({ link: { rel: 'messagingInvitation', href: started?.link.href }, type: 'completed', status: 'Success' });
    // Participants, which the reference says often come link-only, do here.
    expect(events.find((e) => e.link.rel === 'localParticipant')?._embedded).toBeUndefined();
    // Conversation and messaging are "usually embedded" and stay so unless linkOnlyRealtime says otherwise.
    expect(copyOf(events.find((e) => e.link.rel === 'messaging') as WireEvent)).toBeDefined();
  });

  it('linkOnlyRealtime: conversation, messaging and the started invitation come link-only; the completed event then carries the only copy; the targets can be fetched', async () => {
    const sim = await startSim({ ...SHORT_POLLS, latitudes: { linkOnlyRealtime: 1 } });
    const ana = await createApp(sim);
    const pump = new EventPump(ana);
    const invitation = await startWithEcho(ana);
    const events = await pump.until((seen) => seen.some((e) => e.link.href === invitation && e.type === 'completed'));
    for (const rel of ['conversation', 'messaging']) expect(events.filter((e) => e.link.rel === rel).every((e) => e._embedded === undefined)).toBe(true);
    expect(events.find((e) => e.link.href === invitation && e.type === 'started')?._embedded).toBeUndefined();
    expect(copyOf(events.find((e) => e.link.href === invitation && e.type === 'completed') as WireEvent)).toMatchObject({ operationId: 'op-1', state: 'Connected' });
    const messagingHref = events.find((e) => e.link.rel === 'messaging')?.link.href ?? '';
    const messaging = (await (await get(ana, messagingHref)).json()) as { state: string; _links: Record<string, unknown> };
    expect(messaging.state).toBe('Connected');
    expect(messaging._links.sendMessage).toBeDefined();
    // An incoming message keeps its copy whatever the knobs say: its text has no other carrier (§6.4).
    const sendHref = (messaging._links.sendMessage as { href: string }).href;
    expect((await post(ana, `${sendHref}?operationId=m1`, 'ping', 'text/plain')).status).toBe(201);
    const all = await pump.until((seen) => seen.some((e) => plainText(e) === 'Echo: ping'));
    expect(all.filter((e) => e.link.rel === 'message' && copyOf(e)?.direction === 'Incoming')).toHaveLength(1);
    await pump.stop();
  });
});

describe('aggregation (§5.4, §10.17): intermediate events may be merged away, outcomes never', () => {
  async function quietFlow(aggregateEvents: number): Promise<{ connect: WireEvent[]; chat: WireEvent[] }> {
    const sim = await startSim({ ...SHORT_POLLS, latitudes: { aggregateEvents } });
    const ana = await createApp(sim);
    // Ana does not poll while the conversation connects: everything queues up.
    await startWithEcho(ana);
    const conversation = (): { state: string; nextMessage: number; typing: Map<string, unknown> } | undefined => sim.appsOf('ana@contoso.com')[0]?.conversations.values().next().value;
    await waitUntil(() => conversation()?.state === 'Connected');
    const connect = eventsOf(await poll(ana));
    const messaging = connect.find((e) => e.link.rel === 'messaging' && copyOf(e)?.state === 'Connected');
    const sendHref = ((copyOf(messaging as WireEvent)?._links as Record<string, { href: string }>).sendMessage as { href: string }).href;
    expect((await post(ana, `${sendHref}?operationId=m1`, 'hello', 'text/plain')).status).toBe(201);
    // The echo bot types, stops and answers while Ana is not polling.
    await waitUntil(() => (conversation()?.nextMessage ?? 0) >= 3 && conversation()?.typing.size === 0);
    const { events: chat } = await pollUntil(ana, (seen) => seen.some((e) => plainText(e) === 'Echo: hello'));
    return { connect, chat };
  }

  it('off: every step is there', async () => {
    const { connect, chat } = await quietFlow(0);
    expect(connect.map((e) => `${e.link.rel} ${e.type}`)).toEqual(expect.arrayContaining(['messagingInvitation started', 'conversation added', 'messagingInvitation completed']));
    expect(connect.filter((e) => e.link.rel === 'messaging').map((e) => copyOf(e)?.state)).toEqual(['Connecting', 'Connected']);
    expect(chat.filter((e) => e.in?.rel === 'typingParticipants').map((e) => e.type)).toEqual(['added', 'deleted']);
    expect(chat.filter((e) => e.link.rel === 'message' && copyOf(e)?.direction === 'Outgoing').map((e) => e.type)).toEqual(['started', 'completed']);
  });

  it('on: only the completed invitation, the latest messaging state, no typing pair; the outcome and the message remain', async () => {
    const { connect, chat } = await quietFlow(1);
    const kinds = connect.map((e) => `${e.link.rel} ${e.type}`);
    expect(kinds).not.toContain('messagingInvitation started');
    expect(kinds).not.toContain('conversation added');
    expect(connect.find((e) => e.link.rel === 'messagingInvitation')).toMatchObject({ type: 'completed', status: 'Success' });
    expect(connect.filter((e) => e.link.rel === 'messaging').map((e) => copyOf(e)?.state)).toEqual(['Connected']);
    expect(connect.filter((e) => e.link.rel === 'conversation').map((e) => copyOf(e)?.state)).toEqual(['Connected']);
    expect(chat.filter((e) => e.in?.rel === 'typingParticipants')).toEqual([]);
    expect(chat.filter((e) => e.link.rel === 'message' && copyOf(e)?.direction === 'Outgoing').map((e) => [e.type, e.status])).toEqual([['completed', 'Success']]);
    expect(chat.filter((e) => plainText(e) === 'Echo: hello')).toHaveLength(1);
  });
});

describe('batch boundaries (§5.1, §5.3, §5.4)', () => {
  /** Ana, available but not polling, gets five invitations (4 events each) and then collects them. */
  async function batchSizes(latitudes: Partial<Latitudes>, seed: number): Promise<number[]> {
    const sim = await startSim({ ...SHORT_POLLS, invitationTimeoutMs: 60_000, seed, latitudes });
    const ana = await createApp(sim);
    await makeAvailable(ana);
    for (let i = 0; i < 5; i++) expect(sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: `hello ${i}` })).toBe(true);
    const { batches } = await pollUntil(ana, (seen) => seen.filter((e) => e.link.rel === 'participant').length === 5);
    await sim.stop();
    return batches.map((b) => eventsOf(b).length);
  }

  it('off: everything queued leaves in one batch', async () => {
    expect(await batchSizes({}, 1)).toEqual([23]);
  });

  it('splitBatches: boundaries differ between seeds, the same seed cuts the same way, nothing is lost', async () => {
    const runs = new Map<number, string>();
    for (const seed of [1, 2, 3, 4, 5]) {
      const sizes = await batchSizes({ splitBatches: 0.5 }, seed);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(23);
      expect(sizes.every((n) => n >= 1)).toBe(true);
      runs.set(seed, sizes.join(','));
    }
    expect(new Set(runs.values()).size).toBeGreaterThan(1);
    for (const [seed, sizes] of runs) expect((await batchSizes({ splitBatches: 0.5 }, seed)).join(',')).toBe(sizes);
  });

  it('repeatSenders: one sender may open several blocks in a row; events keep their order', async () => {
    const sim = await startSim({ ...SHORT_POLLS, latitudes: { repeatSenders: 1 } });
    const ana = await createApp(sim);
    await makeAvailable(ana);
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'hi' });
    const { batches } = await pollUntil(ana, (seen) => seen.some((e) => e.link.rel === 'participant'));
    const blocks = batches.flatMap((b) => b.sender ?? []);
    expect(blocks.every((block) => block.events.length === 1)).toBe(true);
    expect(blocks.some((block, i) => i > 0 && blocks[i - 1]?.href === block.href)).toBe(true);
    expect(blocks.map((b) => b.events[0]?.link.rel)).toEqual(['me', 'presence', 'communication', 'messagingInvitation', 'conversation', 'localParticipant', 'participant']);
  });

  it('mergeBatches: a P-GET released by high events waits, so the bot joining shortly after shares the batch; off, it does not', async () => {
    for (const [mergeBatches, together] of [[0, false], [1, true]] as const) {
      const sim = await startSim({ ...SHORT_POLLS, botDelayMs: 150, latitudes: { mergeBatches, mergeHoldMs: 800 } });
      const ana = await createApp(sim);
      const first = poll(ana);
      await waitUntil(() => sim.appsOf('ana@contoso.com')[0]?.channel.hasWaiter === true);
      const invitation = await startWithEcho(ana);
      const kinds = eventsOf(await first).filter((e) => e.link.href === invitation).map((e) => e.type);
      expect(kinds).toEqual(together ? ['started', 'completed'] : ['started']);
    }
  });

  it('mergeBatches never holds a real-time event: an incoming invitation releases the P-GET at once', async () => {
    const sim = await startSim({ ...SHORT_POLLS, maxHoldMs: 20_000, mediumPriorityMs: 50, latitudes: { mergeBatches: 1, mergeHoldMs: 10_000 } });
    const ana = await createApp(sim);
    await makeAvailable(ana);
    await pollUntil(ana, (seen) => seen.some((e) => e.link.rel === 'communication'));
    const waiting = poll(ana);
    await waitUntil(() => sim.appsOf('ana@contoso.com')[0]?.channel.hasWaiter === true);
    const since = Date.now();
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'now' });
    expect(eventsOf(await waiting).map((e) => e.link.rel)).toContain('messagingInvitation');
    expect(Date.now() - since).toBeLessThan(5_000);
  });
});
