// A seeded random source, so a run of the strict profile can be replayed from its seed. Each
// concern draws from its own fork: turning one latitude on does not shift the draws of another,
// and one application's traffic does not change another application's choices.
import { randomInt } from 'node:crypto';

/** A fresh seed for a run that did not ask for one (printable, below 2^31). */
export function randomSeed(): number {
  return randomInt(0, 2 ** 31);
}

export function isSeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 2 ** 32;
}

/** FNV-1a over the label, mixed with the parent seed. */
function mix(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast and well spread; cryptographic strength is not the point here. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** True with probability `p`; draws nothing when the answer is certain, so a knob at 0 or 1 does not move the sequence. */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.next() < p;
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }

  fork(label: string): SeededRandom {
    return new SeededRandom(mix(this.seed, label));
  }
}
