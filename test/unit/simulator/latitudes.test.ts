// Profiles and single latitude knobs.
import { describe, expect, it } from 'vitest';
import { NO_LATITUDES, STRICT_LATITUDES, resolveLatitudes } from '../../../src/simulator/latitudes';
import { createSimulator } from '../../../src/simulator/index';

describe('latitudes', () => {
  it('the default profile uses none, strict uses every one', () => {
    expect(resolveLatitudes('default')).toEqual(NO_LATITUDES);
    const strict = resolveLatitudes('strict');
    for (const [name, value] of Object.entries(strict)) if (name !== 'mergeHoldMs') expect(value === true || (typeof value === 'number' && value > 0)).toBe(true);
    expect(strict).toEqual(STRICT_LATITUDES);
  });

  it('one knob can be turned on alone, or off in strict', () => {
    expect(resolveLatitudes('default', { transientOperations: true })).toEqual({ ...NO_LATITUDES, transientOperations: true });
    expect(resolveLatitudes('strict', { splitBatches: 0 }).splitBatches).toBe(0);
  });

  it('refuses chances outside 0..1 and unknown profiles or bad seeds', () => {
    expect(() => resolveLatitudes('strict', { splitBatches: 2 })).toThrow(RangeError);
    expect(() => createSimulator({ profile: 'lenient' as 'strict' })).toThrow(/unknown simulator profile/);
    expect(() => createSimulator({ seed: -3 })).toThrow(/seed/);
  });

  it('exposes the seed it uses: the given one, or a random one', () => {
    expect(createSimulator({ profile: 'strict', seed: 1234 }).seed).toBe(1234);
    expect(Number.isInteger(createSimulator().seed)).toBe(true);
  });
});
