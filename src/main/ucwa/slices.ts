// Work over thousands of items (a 10,000-contact list) in slices, yielding to the event loop between
// them, so the main process (the tray, every window) never freezes behind one long loop.

/** About a millisecond of typical per-item work. */
export const ITEMS_PER_SLICE = 500;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `fn` for each item, in order; yields after every `size` items. */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R, size = ITEMS_PER_SLICE): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % size === 0) await yieldToEventLoop();
    out.push(fn(items[i] as T));
  }
  return out;
}
