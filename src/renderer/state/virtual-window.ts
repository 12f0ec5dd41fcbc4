// Which rows of a long list to render: only those in (or near) the viewport. Heights are measured
// once a row has been shown and estimated before, so a 10,000-message history costs a few dozen
// DOM nodes. Pure, so it is unit-tested.

export interface VirtualWindowInput {
  readonly count: number;
  readonly heightOf: (index: number) => number;
  readonly scrollTop: number;
  readonly viewport: number;
  /** Extra pixels rendered above and below, so fast scrolling does not show gaps. */
  readonly overscan: number;
}

export interface VirtualWindow {
  readonly start: number;
  /** One past the last rendered row. */
  readonly end: number;
  /** Space kept for the rows above and below the rendered ones. */
  readonly padTop: number;
  readonly padBottom: number;
  readonly total: number;
}

export function offsets(count: number, heightOf: (index: number) => number): Float64Array {
  const tops = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) tops[i + 1] = (tops[i] ?? 0) + heightOf(i);
  return tops;
}

/** First index whose bottom edge is below `y`. */
function indexAt(tops: Float64Array, count: number, y: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((tops[mid + 1] ?? 0) <= y) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function virtualWindow(input: VirtualWindowInput, tops = offsets(input.count, input.heightOf)): VirtualWindow {
  const total = tops[input.count] ?? 0;
  if (input.count === 0) return { start: 0, end: 0, padTop: 0, padBottom: 0, total };
  const start = Math.min(indexAt(tops, input.count, Math.max(0, input.scrollTop - input.overscan)), input.count - 1);
  const end = Math.min(input.count, indexAt(tops, input.count, input.scrollTop + input.viewport + input.overscan) + 1);
  return { start, end, padTop: tops[start] ?? 0, padBottom: total - (tops[end] ?? total), total };
}
