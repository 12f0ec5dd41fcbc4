// Long loops in the client end their slice after a time budget, whatever the number of items: the
// same 500 items are 2 ms on a fast desktop and 40 ms on a loaded laptop.
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SLICE_BUDGET_MS, mapInSlices } from '../../../src/main/ucwa/slices';
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
});
