// A large contact list with live presence, as the session loads it after sign-in (contacts, groups,
// subscriptions, details, photos, every update pushed to the windows), against a simulator in its
// own process: total time until every contact has presence, and the longest event-loop stall in
// this (the main) process meanwhile. Prints; never fails on speed.
import { performance } from 'node:perf_hooks';
import { ContactBook } from '../src/main/session/contact-book';
import { UcwaClient } from '../src/main/ucwa/index';
import { simulatorChild } from './children';
import { ms } from './stats';
import { StallSampler } from './stall-sampler';
import type { StallFigures } from './stall-sampler';

export interface PresenceFigure {
  readonly ms: number;
  /** The longest the main process worked without yielding (the main thread's CPU time where the OS tells it): the figure that does not depend on the machine's other load. */
  readonly maxStallMs: number;
  readonly stallClock: StallFigures['cpuClock'];
  /** The process's CPU time over its longest gap (V8's GC helper threads included). */
  readonly maxStallProcessMs: number;
  /** The longest wall-clock gap in the event loop, preemption by other processes included. */
  readonly maxStallWallMs: number;
  readonly requests: number;
}

async function presenceFor(count: number): Promise<PresenceFigure> {
  const sim = await simulatorChild({ generatedContacts: count, mediumPriorityMs: 5 });
  const client = new UcwaClient({ server: sim.url, user: 'ana@contoso.com', password: 'demo', endpointId: `bench-contacts-${count}` });
  try {
    await client.signIn();
    await client.makeMeAvailable();
    // Every push is copied as IPC would copy it to a window (structured clone).
    const book = new ContactBook((_name, payload) => void structuredClone(payload), () => client);
    const seen = new Set<string>();
    let expected = Number.POSITIVE_INFINITY;
    let done: () => void = () => undefined;
    const all = new Promise<void>((resolve) => (done = resolve));
    client.on((e) => {
      if (e.type !== 'presenceChanged') return;
      seen.add(e.uri.toLowerCase());
      if (seen.size >= expected) done();
    });
    const before = client.stats.requests;
    const stalls = new StallSampler();
    stalls.start();
    const start = performance.now();
    await book.load(client);
    expected = book.list().contacts.length;
    if (seen.size >= expected) done();
    await all;
    const elapsed = performance.now() - start;
    const stall = stalls.stop();
    return { ms: elapsed, maxStallMs: stall.cpuMs, stallClock: stall.cpuClock, maxStallProcessMs: stall.processCpuMs, maxStallWallMs: stall.wallMs, requests: client.stats.requests - before };
  } finally {
    await client.signOut();
    sim.stop();
  }
}

export async function benchPresence(sizes: readonly number[]): Promise<{ presenceMs: Record<string, number>; presenceMaxStallMs: number; presenceStallsMs: Record<string, number>; presenceStallsWallMs: Record<string, number> }> {
  const presenceMs: Record<string, number> = {};
  const presenceStallsMs: Record<string, number> = {};
  const presenceStallsWallMs: Record<string, number> = {};
  for (const size of sizes) {
    const figure = await presenceFor(size);
    presenceMs[size] = figure.ms;
    presenceStallsMs[size] = figure.maxStallMs;
    presenceStallsWallMs[size] = figure.maxStallWallMs;
    console.log(`presence for ${size.toLocaleString('en-US')} contacts (session contact list, simulator in its own process): ${ms(figure.ms)}, longest event-loop stall ${ms(figure.maxStallMs)} of the ${figure.stallClock}'s CPU time (process, GC helper threads included: ${ms(figure.maxStallProcessMs)}; wall clock, other processes' turns included: ${ms(figure.maxStallWallMs)}), ${figure.requests} requests`);
  }
  const largest = sizes[sizes.length - 1] ?? 0;
  const smallest = sizes[0] ?? 0;
  console.log(`  ${largest.toLocaleString('en-US')} vs ${smallest.toLocaleString('en-US')} contacts: ${((presenceMs[largest] ?? 0) / (presenceMs[smallest] ?? 1)).toFixed(1)}x the time for ${largest / smallest}x the contacts`);
  return { presenceMs, presenceMaxStallMs: presenceStallsMs[largest] ?? 0, presenceStallsMs, presenceStallsWallMs };
}
