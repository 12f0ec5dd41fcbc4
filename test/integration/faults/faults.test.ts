// The fault-injection suite: for each fault, messages both ways during and after it — none lost,
// none duplicated, a bounded number of requests (no hot retry loop), recovery within 5 s after the
// fault clears. Real HTTP against the simulator's control API.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { createSimulator } from '../../../src/simulator/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import { connect, expectExactlyOnce, party, say, waitConnected } from './fault-harness';
import type { Party } from './fault-harness';

let sim: UcwaSimulator;
const parties: Party[] = [];

afterEach(async () => {
  for (const p of parties.splice(0)) await p.service.signOut().catch(() => undefined);
  await sim.stop();
});

async function setup(): Promise<{ ana: Party; ben: Party }> {
  sim = createSimulator({ botDelayMs: 10, collectMs: 30_000 });
  await sim.start();
  const ana = party(() => sim, 'ana');
  const ben = party(() => sim, 'ben');
  parties.push(ana, ben);
  await connect(ana, ben);
  // A first exchange so both sides have a live conversation.
  await expectExactlyOnce(ben, ana, ['hello'], [await say(ana, 'hello')]);
  await expectExactlyOnce(ana, ben, ['hi'], [await say(ben, 'hi')]);
  sim.control.resetRequestLog();
  return { ana, ben };
}

interface Fault {
  readonly name: string;
  start(sim: UcwaSimulator): void | Promise<void>;
  clear(sim: UcwaSimulator): void | Promise<void>;
}

const FAULTS: readonly Fault[] = [
  { name: 'connection reset during the pending GET', start: (s) => void s.control.dropEventConnections('ana@contoso.com'), clear: () => undefined },
  {
    name: '503 + Retry-After on events and on send',
    start: (s) => {
      s.control.failNext({ count: 2, status: 503, path: '/events', retryAfterSeconds: 1 });
      s.control.failNext({ count: 1, status: 503, method: 'POST', path: '/messaging/messages$', retryAfterSeconds: 1 });
      s.control.dropEventConnections('ana@contoso.com');
    },
    clear: () => undefined,
  },
  { name: 'token expiry', start: (s) => void s.control.expireToken('ana@contoso.com'), clear: () => undefined },
  { name: 'application expiry', start: (s) => void s.control.expireApplication('ana@contoso.com'), clear: () => undefined },
  { name: 'a stale event link (resync)', start: (s) => void s.control.staleEventLinks('ana@contoso.com'), clear: () => undefined },
  {
    name: 'a server restart (every application lost)',
    start: async (s) => {
      const port = Number(new URL(s.url).port);
      await s.stop();
      sim = createSimulator({ port, botDelayMs: 10, collectMs: 30_000 });
    },
    clear: async () => {
      await sim.start();
    },
  },
];

describe('fault injection', () => {
  for (const fault of FAULTS) {
    it(`${fault.name}: nothing lost or duplicated either way, bounded requests, quick recovery`, async () => {
      const { ana, ben } = await setup();
      await fault.start(sim);
      const sentByAna: ChatMessage[] = [];
      const sentByBen: ChatMessage[] = [];
      for (let i = 0; i < 3; i++) {
        sentByAna.push(await say(ana, `a-during-${i}`));
        sentByBen.push(await say(ben, `b-during-${i}`));
      }
      await fault.clear(sim);
      const cleared = Date.now();
      await waitConnected(ana);
      await waitConnected(ben);
      for (let i = 0; i < 3; i++) {
        sentByAna.push(await say(ana, `a-after-${i}`));
        sentByBen.push(await say(ben, `b-after-${i}`));
      }
      await expectExactlyOnce(ben, ana, sentByAna.map((m) => m.text), sentByAna);
      await expectExactlyOnce(ana, ben, sentByBen.map((m) => m.text), sentByBen);
      expect(Date.now() - cleared).toBeLessThan(8_000);
      // No hot loop: a handful of requests per message and poll, not hundreds.
      expect(sim.control.requests().length).toBeLessThan(150);
    });
  }

  it('a 30-second outage of one side: its messages wait, the other side\'s arrive, nothing twice, no hot loop', { timeout: 70_000 }, async () => {
    const { ana, ben } = await setup();
    const app = sim.appsOf('ana@contoso.com')[0];
    expect(app).toBeDefined();
    // Every request of Ana's application has its connection cut, as on a dead Wi-Fi.
    sim.control.dropNext({ count: 1_000_000, path: app?.id ?? 'none' });
    sim.control.dropEventConnections('ana@contoso.com');
    const sentByAna = [await say(ana, 'a-outage-0')];
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    // Sent mid-outage: the server keeps them for Ana within its 30-second collection window.
    const sentByBen = [await say(ben, 'b-outage-0'), await say(ben, 'b-outage-1')];
    sentByAna.push(await say(ana, 'a-outage-1'));
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    const during = sim.control.requests().length;
    sim.control.clearFaults();
    const cleared = Date.now();
    await waitConnected(ana, 5_000);
    sentByAna.push(await say(ana, 'a-after'));
    sentByBen.push(await say(ben, 'b-after'));
    await expectExactlyOnce(ben, ana, sentByAna.map((m) => m.text), sentByAna);
    await expectExactlyOnce(ana, ben, sentByBen.map((m) => m.text), sentByBen);
    expect(Date.now() - cleared).toBeLessThan(8_000);
    // Capped backoff: about one attempt a second during 30 s, not a hot loop.
    expect(during).toBeLessThan(120);
  });
});
