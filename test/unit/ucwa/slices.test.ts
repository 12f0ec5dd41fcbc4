// Long loops in the client end their slice after a time budget, whatever the number of items: the
// same 500 items are 2 ms on a fast desktop and 40 ms on a loaded laptop.
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SLICE_BUDGET_MS, SliceBudget, mapInSlices } from '../../../src/main/ucwa/slices';
import { turnsDuring } from '../../support/event-loop-turns';

/** How many times other work ran while mapInSlices went through `count` items, each costing `msPerItem` on a fake clock. */
async function turnsWhile(count: number, msPerItem: number): Promise<{ turns: number; out: number[] }> {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  const { value: out, turns } = await turnsDuring(() =>
    mapInSlices(Array.from({ length: count }, (_, i) => i), (i) => {
      now += msPerItem;
      return i * 2;
    }),
  );
  return { turns, out };
}

describe('mapInSlices', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps going while the work is quick', async () => {
    const { turns, out } = await turnsWhile(5_000, 0);
    expect(turns).toBe(0);
    expect(out).toHaveLength(5_000);
    expect(out[4_999]).toBe(9_998);
  });

  it('lets the event loop run once a slice has used its budget', async () => {
    // Each item takes a whole budget: the slice ends at the next look at the clock (every 16 items).
    const { turns, out } = await turnsWhile(160, SLICE_BUDGET_MS);
    expect(turns).toBeGreaterThanOrEqual(9);
    expect(out).toEqual(Array.from({ length: 160 }, (_, i) => i * 2));
  });

  it('counts a slice as spent once it has used its whole budget, measured from the slice\'s start', async () => {
    // performance.now() counts from the start of the process: a slice starts far from zero.
    let now = 5_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const budget = new SliceBudget(SLICE_BUDGET_MS);
    expect(budget.spent()).toBe(false);
    now += SLICE_BUDGET_MS - 0.5;
    expect(budget.spent()).toBe(false);
    now += 0.5;
    expect(budget.spent()).toBe(true);
    await budget.next();
    expect(budget.spent()).toBe(false);
  });

  it('notices a spent budget at every 16th item, not at each one (reading the clock costs more than most items)', () => {
    let now = 5_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const budget = new SliceBudget(SLICE_BUDGET_MS);
    now += 10 * SLICE_BUDGET_MS;
    const dueAt = Array.from({ length: 40 }, () => budget.due()).flatMap((due, i) => (due ? [i + 1] : []));
    expect(dueAt).toEqual([16, 32]);
  });
});
