import { describe, expect, it } from 'vitest';
import { virtualWindow } from '../../../src/renderer/state/virtual-window';

describe('virtualWindow', () => {
  const fixed = { heightOf: () => 40, overscan: 0 };

  it('renders only the rows in the viewport, with padding for the rest', () => {
    const w = virtualWindow({ ...fixed, count: 10_000, scrollTop: 4_000, viewport: 400 });
    expect(w.start).toBe(100);
    expect(w.end).toBe(111);
    expect(w.padTop).toBe(4_000);
    expect(w.total).toBe(400_000);
    expect(w.padTop + (w.end - w.start) * 40 + w.padBottom).toBe(w.total);
  });

  it('adds overscan on both sides and clamps at the ends', () => {
    expect(virtualWindow({ ...fixed, count: 100, scrollTop: 0, viewport: 400, overscan: 200 })).toMatchObject({ start: 0, end: 16, padTop: 0 });
    const end = virtualWindow({ ...fixed, count: 100, scrollTop: 3_600, viewport: 400, overscan: 200 });
    expect(end.end).toBe(100);
    expect(end.padBottom).toBe(0);
  });

  it('handles rows of different heights and an empty list', () => {
    const heights = [10, 100, 10, 100, 10];
    const w = virtualWindow({ count: 5, heightOf: (i) => heights[i] ?? 0, scrollTop: 115, viewport: 10, overscan: 0 });
    // Rows span 0-10, 10-110, 110-120, 120-220, 220-230: 115..125 touches rows 2 and 3.
    expect(w.start).toBe(2);
    expect(w.end).toBe(4);
    expect(w.padTop).toBe(110);
    expect(w.padBottom).toBe(10);
    expect(virtualWindow({ ...fixed, count: 0, scrollTop: 0, viewport: 400 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0, total: 0 });
  });
});
