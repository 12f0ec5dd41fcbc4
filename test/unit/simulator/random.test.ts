// The strict profile's seeded random source: replayable, with independent forks.
import { describe, expect, it } from 'vitest';
import { SeededRandom, isSeed, randomSeed } from '../../../src/simulator/random';

const draw = (random: SeededRandom, n = 20): number[] => Array.from({ length: n }, () => random.next());

describe('SeededRandom', () => {
  it('the same seed gives the same sequence; another seed another one', () => {
    expect(draw(new SeededRandom(42))).toEqual(draw(new SeededRandom(42)));
    expect(draw(new SeededRandom(42))).not.toEqual(draw(new SeededRandom(43)));
    expect(draw(new SeededRandom(7), 1000).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('forks are stable per label and independent of the parent draws', () => {
    const parent = new SeededRandom(9);
    const before = draw(parent.fork('split'));
    draw(parent, 5);
    expect(draw(parent.fork('split'))).toEqual(before);
    expect(draw(parent.fork('merge'))).not.toEqual(before);
  });

  it('a certain chance draws nothing, so a knob at 0 or 1 does not move the others', () => {
    const a = new SeededRandom(5);
    const b = new SeededRandom(5);
    expect(a.chance(0)).toBe(false);
    expect(a.chance(1)).toBe(true);
    expect(a.next()).toBe(b.next());
  });

  it('between stays inside its bounds and reaches both ends', () => {
    const random = new SeededRandom(3);
    const seen = new Set(Array.from({ length: 500 }, () => random.between(1, 4)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
    expect(random.between(5, 5)).toBe(5);
  });

  it('random seeds are valid seeds', () => {
    expect(isSeed(randomSeed())).toBe(true);
    expect(isSeed(-1)).toBe(false);
    expect(isSeed(1.5)).toBe(false);
    expect(isSeed(2 ** 32)).toBe(false);
  });
});
