// Work over thousands of items (a 10,000-contact list) in slices, yielding to the event loop between
// them, so the main process (the tray, every window) never freezes behind one long loop. A slice
// ends after a time budget, not a count: the same count of items is 2 ms on a fast desktop and 40 ms
// on a loaded laptop, and what the user feels is the time.
import { performance } from 'node:perf_hooks';

/** The longest a slice works before it lets the event loop run: well under a frame's 16 ms. */
export const SLICE_BUDGET_MS = 8;
/** Items between two looks at the clock (reading it per item would cost more than most items). */
const ITEMS_PER_CLOCK_CHECK = 16;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A time budget for one slice of work: `due()` says when to yield, `next()` yields and starts a new slice. */
export class SliceBudget {
  private started = performance.now();
  private sinceCheck = 0;

  constructor(private readonly budgetMs = SLICE_BUDGET_MS) {}

  /** Per item: looks at the clock every few items. */
  due(): boolean {
    if (++this.sinceCheck < ITEMS_PER_CLOCK_CHECK) return false;
    this.sinceCheck = 0;
    return this.spent();
  }

  /** Looks at the clock now (for loops that count their own steps). */
  spent(): boolean {
    return performance.now() - this.started >= this.budgetMs;
  }

  async next(): Promise<void> {
    await yieldToEventLoop();
    this.started = performance.now();
    this.sinceCheck = 0;
  }
}

/** `fn` for each item, in order; yields whenever a slice has used its time budget. */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R, budgetMs = SLICE_BUDGET_MS): Promise<R[]> {
  const out: R[] = [];
  const budget = new SliceBudget(budgetMs);
  for (const item of items) {
    if (budget.due()) await budget.next();
    out.push(fn(item));
  }
  return out;
}
