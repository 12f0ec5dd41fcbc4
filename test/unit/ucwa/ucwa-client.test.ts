// The client facade's own duties, on the simulator: the connection states it tells and when, the
// application it keeps (and pins), sign-out's order, reconnecting after sleep. The protocol steps
// behind them have their own tests; these catch a facade that wires them wrong.
import { describe, expect, it } from 'vitest';
import type { UcwaEvent } from '../../../src/main/ucwa/index';
import { clientFor, startSim } from '../../support/simulator';

const connectionStates = (events: readonly UcwaEvent[]): string[] => events.flatMap((e) => (e.type === 'connectionChanged' ? [`${e.state}${e.detail === undefined ? '' : ` ${e.detail.reason}`}`] : []));

describe('UcwaClient', () => {
  it('signs in as a sip: address, tells connecting then connected, and keeps the application', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'sip:ana@contoso.com');
    const events: UcwaEvent[] = [];
    ana.on((e) => void events.push(e));
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
    const events: UcwaEvent[] = [];
    ana.on((e) => void events.push(e));
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
    const events: UcwaEvent[] = [];
    ana.on((e) => void events.push(e));
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
    await idle.reconnectNow();
    expect(idle.signedIn).toBe(false);
    await ana.signIn();
    const events: UcwaEvent[] = [];
    ana.on((e) => void events.push(e));
    await ana.reconnectNow();
    expect(connectionStates(events)).toEqual(['connected']);
  });

  it('after sleep, tells the application lost and disconnected when the server dropped it', async () => {
    const sim = await startSim();
    const ana = clientFor(sim, 'ana@contoso.com');
    await ana.signIn();
    const events: UcwaEvent[] = [];
    ana.on((e) => void events.push(e));
    sim.control.expireApplication('ana@contoso.com');
    await ana.reconnectNow();
    const lost = events.find((e) => e.type === 'applicationLost');
    expect(lost).toMatchObject({ type: 'applicationLost', gone: false });
    expect(connectionStates(events).at(-1)?.startsWith('disconnected')).toBe(true);
  });
});
