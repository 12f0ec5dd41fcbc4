// Offsets of a virtual list ask the height only of rows that exist: the list looks a row's height
// up by its key, and there is no row (no key) past the last one.
import { describe, expect, it } from 'vitest';
import { offsets, virtualWindow } from '../../../src/renderer/state/virtual-window';

describe('virtual window offsets', () => {
  it('measures each existing row once and never one past the end, even for an empty list', () => {
    const rows = [{ key: 'a' }, { key: 'b' }, { key: 'c' }];
    const asked: number[] = [];
    // As the list component does: the row's key, then its height.
    const heightOf = (i: number): number => {
      asked.push(i);
      const row = rows[i];
      if (row === undefined) throw new TypeError(`no row ${i}`);
      return row.key === 'b' ? 30 : 10;
    };
    expect([...offsets(rows.length, heightOf)]).toEqual([0, 10, 40, 50]);
    expect(asked).toEqual([0, 1, 2]);
    expect(virtualWindow({ count: rows.length, heightOf, scrollTop: 0, viewport: 100, overscan: 0 })).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0, total: 50 });
    asked.length = 0;
    expect(virtualWindow({ count: 0, heightOf: (i) => heightOf(i + 3), scrollTop: 0, viewport: 100, overscan: 0 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0, total: 0 });
    expect(asked).toEqual([]);
  });
});
