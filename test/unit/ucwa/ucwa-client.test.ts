// The client facade's own duties, on the simulator: the connection states it tells and when, the
// application it keeps (and pins), sign-out's order, reconnecting after sleep. The protocol steps
// behind them have their own tests; these catch a facade that wires them wrong.
import { describe, expect, it, onTestFinished } from 'vitest';
import type { UcwaClient, UcwaEvent } from '../../../src/main/ucwa/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { RecordingAgent } from '../../support/recording-agent';
import { recordEvents } from '../../support/client-events';
import { clientFor, startSim, twoUsers } from '../../support/simulator';
import type { LogLine } from '../../support/simulator';

const connectionStates = (events: readonly UcwaEvent[]): string[] => events.flatMap((e) => (e.type === 'connectionChanged' ? [`${e.state}${e.detail === undefined ? '' : ` ${e.detail.reason}`}`] : []));

describe('UcwaClient', () => {
  it('signs in as a sip: address, tells connecting then connected, and keeps the application', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'sip:ana@contoso.com');
    const events = recordEvents(ana);
    expect([ana.signedIn, ana.applicationUrl]).toEqual([false, undefined]);
    const me = await ana.signIn();
    expect(me).toEqual({ uri: 'sip:ana@contoso.com', name: 'Ana Ruiz' });
    expect(ana.me).toEqual(me);
    expect(connectionStates(events)).toEqual(['connecting', 'connected']);
    expect(ana.signedIn).toBe(true);
    expect(ana.applicationUrl?.origin).toBe(new URL(sim.url).origin);
    expect(ana.applicationUrl?.pathname).toMatch(/\/applications\/[^/]+$/);
    await ana.settled();
    expect(ana.stats.authentications).toBe(1);
    expect(ana.stats.requests).toBeGreaterThanOrEqual(4);
    expect(ana.stats.polls).toBeGreaterThanOrEqual(1);
    expect([ana.stats.subscriptionExtensions, ana.stats.subscriptionRecreations]).toEqual([0, 0]);
  });

  it('tells disconnected with the reason when sign-in fails, and keeps no application', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com', { password: 'wrong' });
    const events = recordEvents(ana);
    await expect(ana.signIn()).rejects.toMatchObject({ code: 'wrong-credentials' });
    expect(connectionStates(events)).toEqual(['connecting', 'disconnected']);
    expect(ana.signedIn).toBe(false);
    await expect(ana.makeMeAvailable()).rejects.toMatchObject({ code: 'not-signed-in' });
  });

  it('becomes available, also when two calls meet (the second answered 409 AlreadyExists), and again later', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    await Promise.all([ana.makeMeAvailable(), ana.makeMeAvailable()]);
    await ana.makeMeAvailable();
    expect((await ana.getMyPresence()).availability).toBe('Online');
  });

  it('signs out: the application deleted, the tokens forgotten, disconnected "signed out" told last', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    await ana.makeMeAvailable();
    const events = recordEvents(ana);
    const application = ana.applicationUrl?.pathname;
    sim.control.resetRequestLog();
    await ana.signOut();
    expect(sim.control.requests().map((r) => `${r.method} ${r.path}`)).toContain(`DELETE ${application}`);
    expect(sim.control.stats().applications).toBe(0);
    expect(connectionStates(events).at(-1)).toBe('disconnected signedOut');
    expect([ana.signedIn, ana.applicationUrl]).toEqual([false, undefined]);
    // Signing in again asks for a new token: the old one was forgotten.
    const before = ana.stats.authentications;
    await ana.signIn();
    expect(ana.stats.authentications).toBe(before + 1);
  });

  it('after sleep, polls at once and tells connected while the application lives', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    const idle = clientFor(sim, 'ben@contoso.com');
    const idleEvents = recordEvents(idle);
    await idle.reconnectNow();
    // Not signed in: nothing to reconnect, nothing to tell.
    expect(idleEvents).toEqual([]);
    expect(idle.signedIn).toBe(false);
    await ana.signIn();
    const events = recordEvents(ana);
    await ana.reconnectNow();
    expect(connectionStates(events)).toEqual(['connected']);
  });

  it('after sleep, tells the application lost and disconnected when the server dropped it', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    const events = recordEvents(ana);
    sim.control.expireApplication('ana@contoso.com');
    await ana.reconnectNow();
    const lost = events.find((e) => e.type === 'applicationLost');
    expect(lost).toMatchObject({ type: 'applicationLost', detail: { reason: 'applicationGone' }, gone: false });
    expect(connectionStates(events).at(-1)?.startsWith('disconnected')).toBe(true);
  });
});

/** A recording agent closed when the test ends. */
function recordingAgent(): RecordingAgent {
  const agent = new RecordingAgent();
  onTestFinished(() => agent.destroy());
  return agent;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const applicationPath = (client: UcwaClient): string => client.applicationUrl?.pathname ?? '/no-application';
const requestsTo = (sim: UcwaSimulator, method: string, suffix: string): number => sim.control.requests().filter((r) => r.method === method && r.path.split('?')[0]?.endsWith(suffix)).length;

/** Cuts the user's pending event GET, once it has reached the server. */
async function cutEventChannel(sim: UcwaSimulator, user: string): Promise<void> {
  await expect.poll(() => sim.control.dropEventConnections(user)).toBe(1);
}

/**
 * The laptop sleeps: the pending event GET is cut, and the client's backoff (at least 500 ms here)
 * outlasts the silence after which the simulator answers the next GET with `resume` (400 ms), while
 * the ordinary pause between two polls stays far below it.
 */
const RESUME_SIM = { resumeAfterMs: 400, mediumPriorityMs: 20 } as const;
const RESUME_CLIENT = { backoffBaseMs: 1_000, backoffMaxMs: 1_000 } as const;

describe('UcwaClient events and requests', () => {
  it('waitFor without a filter resolves with the first event of that type', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    const first = ana.waitFor('connectionChanged', undefined, 3_000);
    await ana.signIn();
    expect(await first).toEqual({ type: 'connectionChanged', state: 'connecting' });
  });

  it('asks to be available for IM in plain text and HTML, with the presence it was given', async () => {
    const sim = await startSim();
    const agent = recordingAgent();
    const ana = clientFor(sim, 'ana@contoso.com', { dispatcher: agent });
    await ana.signIn();
    await ana.makeMeAvailable('Busy');
    const posted = agent.sent.filter((r) => r.method === 'POST' && r.path.endsWith('/me/makeMeAvailable'));
    expect(posted.map((r) => JSON.parse(r.body ?? 'null') as unknown)).toEqual([{ SupportedModalities: ['Messaging'], SupportedMessageFormats: ['Plain', 'Html'], signInAs: 'Busy' }]);
    expect((await ana.getMyPresence()).availability).toBe('Busy');
  });

  it('fails to become available when the server refuses, unless the answer is 409 AlreadyExists', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    const path = '*/me/makeMeAvailable';
    sim.control.failNext({ count: 1, status: 500, method: 'POST', path });
    await expect(ana.makeMeAvailable()).rejects.toMatchObject({ code: 'http', status: 500 });
    sim.control.failNext({ count: 1, status: 409, subcode: 'Conflict', method: 'POST', path });
    await expect(ana.makeMeAvailable()).rejects.toMatchObject({ code: 'http', status: 409, subcode: 'Conflict' });
    // The subcode alone does not say "already available": only together with 409.
    sim.control.failNext({ count: 1, status: 400, subcode: 'AlreadyExists', method: 'POST', path });
    await expect(ana.makeMeAvailable()).rejects.toMatchObject({ code: 'http', status: 400 });
    await ana.makeMeAvailable();
    expect((await ana.getMyPresence()).availability).toBe('Online');
  });

  it('reports activity on its timer once available, not while the user is idle, and again when back', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com', { reportActivityIntervalMs: 20 });
    await ana.signIn();
    await ana.makeMeAvailable();
    await expect.poll(() => requestsTo(sim, 'POST', '/me/reportMyActivity')).toBeGreaterThan(0);
    ana.setActivityReporting(false);
    // A report already on its way may still arrive.
    await pause(100);
    sim.control.resetRequestLog();
    await pause(150);
    expect(requestsTo(sim, 'POST', '/me/reportMyActivity')).toBe(0);
    ana.setActivityReporting(true);
    await expect.poll(() => requestsTo(sim, 'POST', '/me/reportMyActivity')).toBeGreaterThan(0);
  });

  it('starts a conversation and hands on what the other side writes', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    await ana.makeMeAvailable();
    const echoed = ana.waitFor('messageReceived', (e) => e.text === 'Echo: hello echo', 5_000);
    const conversation = await ana.startConversation({ to: 'echo@contoso.com', message: { text: 'hello echo' } });
    expect((await echoed).conversationId).toBe(conversation);
  });

  it('lists the conversations missed while signed out', async () => {
    const sim = await startSim({ conversationLogs: true });
    sim.control.injectMessage({ from: 'lena@contoso.com', to: 'ana@contoso.com', text: 'Call me back' });
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    const missed = await ana.getMissedConversations();
    expect(missed.map((m) => [m.from.uri, m.preview])).toEqual([['sip:lena@contoso.com', 'Call me back']]);
  });

  it('hands on presence changes of subscribed contacts, and by default does not extend a fresh subscription', async () => {
    const sim = await startSim({ mediumPriorityMs: 20 });
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    await ana.makeMeAvailable();
    await ana.subscribePresence(['sip:lena@contoso.com']);
    expect(ana.subscribedUris()).toEqual(['sip:lena@contoso.com']);
    const busy = ana.waitFor('presenceChanged', (e) => e.uri === 'sip:lena@contoso.com' && e.presence.availability === 'Busy', 3_000);
    sim.control.setPresence({ uri: 'lena@contoso.com', availability: 'Busy' });
    await busy;
    await pause(50);
    // The default is to extend every 20 minutes: none within the first moments.
    expect(ana.stats.subscriptionExtensions).toBe(0);
  });

  it('settled waits until the event batch being processed is done', async () => {
    const sim = await startSim({ mediumPriorityMs: 20 });
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    await ana.makeMeAvailable();
    await ana.subscribePresence(['sip:lena@contoso.com']);
    const events = recordEvents(ana);
    // The presence update is link-only: processing its batch GETs the presence, held here.
    sim.control.delayNext({ count: 1, ms: 1_000, method: 'GET', path: '*/people/lena@contoso.com/presence' });
    sim.control.setPresence({ uri: 'lena@contoso.com', availability: 'Away' });
    await expect.poll(() => requestsTo(sim, 'GET', '/people/lena@contoso.com/presence')).toBe(1);
    expect(events.some((e) => e.type === 'presenceChanged')).toBe(false);
    await ana.settled();
    expect(events.some((e) => e.type === 'presenceChanged' && e.presence.availability === 'Away')).toBe(true);
  });

  it('after sleep, tells reconnecting and keeps the application when it cannot be read for now', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    const events = recordEvents(ana);
    sim.control.failNext({ count: 1, status: 503, method: 'GET', path: `^${applicationPath(ana)}$` });
    await ana.reconnectNow();
    expect(connectionStates(events)).toEqual(['reconnecting']);
    expect(events.some((e) => e.type === 'applicationLost')).toBe(false);
    expect(ana.signedIn).toBe(true);
  });

  it('tells reconnecting with the reason when the event channel is cut, then connected again', async () => {
    const sim = await startSim({ mediumPriorityMs: 20 });
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    await ana.settled();
    const events = recordEvents(ana);
    const back = ana.waitFor('connectionChanged', (e) => e.state === 'connected', 3_000);
    await cutEventChannel(sim, 'ana@contoso.com');
    // The channel is back once a poll is answered: events answer the held one.
    await ana.makeMeAvailable();
    await back;
    expect(connectionStates(events)).toEqual(['reconnecting cannotReach', 'connected']);
  });

  it('tells the application lost for good when the event channel is answered 410 Gone', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    await ana.settled();
    const events = recordEvents(ana);
    const lost = ana.waitFor('applicationLost', undefined, 3_000);
    sim.control.failNext({ count: 1, status: 410, method: 'GET', path: `${applicationPath(ana)}/events` });
    // The pending poll, if it has arrived, is cut; its retry (or the poll itself) meets the 410.
    sim.control.dropEventConnections('ana@contoso.com');
    expect(await lost).toMatchObject({ gone: true });
    expect(connectionStates(events).at(-1)).toBe('disconnected');
  });

  it('after a resync, tells channelResynced even when the application cannot be re-read, and logs why', async () => {
    const sim = await startSim();
    const logs: LogLine[] = [];
    const ana = clientFor(sim, 'ana@contoso.com', {}, logs);
    await ana.signIn();
    await ana.settled();
    const resynced = ana.waitFor('channelResynced', undefined, 3_000);
    sim.control.failNext({ count: 1, status: 500, method: 'GET', path: `^${applicationPath(ana)}$` });
    sim.control.staleEventLinks('ana@contoso.com');
    await cutEventChannel(sim, 'ana@contoso.com');
    await resynced;
    expect(logs.filter((l) => l.text.includes('after a resync'))).toEqual([
      { level: 'warn', text: `ucwa could not re-read the application after a resync {"reason":"500 from ${applicationPath(ana)}: Injected fault."}` },
    ]);
  });

  it('after a long silence (resume), fails a conversation still being set up as maybe delivered, and becomes available again', async () => {
    const sim = await startSim(RESUME_SIM);
    const ana = clientFor(sim, 'ana@contoso.com', RESUME_CLIENT);
    const ben = clientFor(sim, 'ben@contoso.com');
    await Promise.all([ana.signIn(), ben.signIn()]);
    await Promise.all([ana.makeMeAvailable(), ben.makeMeAvailable()]);
    await ana.settled();
    // Ben never answers: the invitation is still pending when the server drops it.
    const starting = ana.startConversation({ to: 'ben@contoso.com' });
    const failed = starting.then(() => undefined, (error: unknown) => error);
    await expect.poll(() => requestsTo(sim, 'POST', '/communication/messagingInvitations')).toBe(1);
    const resumed = ana.waitFor('channelResumed', undefined, 5_000);
    sim.control.resetRequestLog();
    await cutEventChannel(sim, 'ana@contoso.com');
    await resumed;
    expect(await failed).toMatchObject({ code: 'delivery-unconfirmed', cause: { message: 'The server ended the conversation while we were away.' } });
    expect(requestsTo(sim, 'POST', '/me/makeMeAvailable')).toBe(1);
    expect((await ana.getMyPresence()).availability).toBe('Online');
  });

  it('after a resume, a user who never became available stays unavailable, and a subscription that cannot be re-created is logged', async () => {
    const sim = await startSim(RESUME_SIM);
    const logs: LogLine[] = [];
    const ana = clientFor(sim, 'ana@contoso.com', RESUME_CLIENT, logs);
    await ana.signIn();
    await ana.subscribePresence(['sip:lena@contoso.com']);
    await ana.settled();
    const resumed = ana.waitFor('channelResumed', undefined, 5_000);
    sim.control.resetRequestLog();
    sim.control.failNext({ count: 1, status: 500, method: 'POST', path: '*/people/presenceSubscriptions' });
    await cutEventChannel(sim, 'ana@contoso.com');
    await resumed;
    expect(requestsTo(sim, 'POST', '/me/makeMeAvailable')).toBe(0);
    expect(logs.filter((l) => l.text.includes('re-create presence subscriptions'))).toEqual([
      { level: 'warn', text: `ucwa could not re-create presence subscriptions {"reason":"500 from ${applicationPath(ana)}/people/presenceSubscriptions: Injected fault."}` },
    ]);
  });

  it('signing out fails a conversation still being set up as maybe delivered, because of the sign-out', async () => {
    const sim = await startSim();
    const { ana } = await twoUsers(sim);
    const starting = ana.startConversation({ to: 'ben@contoso.com' });
    const failed = starting.then(() => undefined, (error: unknown) => error);
    await expect.poll(() => requestsTo(sim, 'POST', '/communication/messagingInvitations')).toBe(1);
    await ana.signOut();
    expect(await failed).toMatchObject({ code: 'delivery-unconfirmed', cause: { message: 'Signed out.' } });
  });

  it('signs out even when the DELETE fails, asking for JSON and logging why', async () => {
    const sim = await startSim();
    const agent = recordingAgent();
    const logs: LogLine[] = [];
    const ana = clientFor(sim, 'ana@contoso.com', { dispatcher: agent }, logs);
    await ana.signIn();
    const application = applicationPath(ana);
    const events = recordEvents(ana);
    sim.control.failNext({ count: 1, status: 500, method: 'DELETE', path: `^${application}$` });
    await ana.signOut();
    expect(connectionStates(events).at(-1)).toBe('disconnected signedOut');
    expect(ana.signedIn).toBe(false);
    // UCWA answers in XML unless asked for JSON; the reason logged comes from that answer.
    expect(agent.sent.filter((r) => r.method === 'DELETE').map((r) => [r.path, r.headers.accept])).toEqual([[application, 'application/json']]);
    expect(logs.filter((l) => l.text.includes('sign-out'))).toEqual([{ level: 'info', text: `ucwa sign-out DELETE failed {"reason":"500 from ${application}: Injected fault."}` }]);
  });
});
