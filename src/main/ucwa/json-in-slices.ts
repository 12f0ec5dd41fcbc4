// A UCWA collection answer too large to parse in one turn of the event loop: a 10,000-contact list
// is several MB, and one JSON.parse of it froze the main process for a fifth of a second. The text
// is scanned a slice at a time (strings and nesting only) for the boundaries of the embedded
// array's items; then the items are parsed one by one with JSON.parse, yielding between slices.
// The document without the items' text is parsed too, so malformed JSON anywhere is refused, as
// JSON.parse would refuse it. (A streaming parser, @streamparser/json, was measured first: 2.5-7x
// JSON.parse's CPU time in total and single slices of 45-115 ms on this machine, from its own
// allocation; native JSON.parse per item is what keeps each slice short.)
import { SLICE_BUDGET_MS, SliceBudget } from './slices';

/** Below this, one JSON.parse is a few milliseconds: not worth slicing. */
export const SLICED_FROM_CHARS = 256 * 1024;
/** Characters scanned between two looks at the clock. */
const SCAN_CHARS_PER_CLOCK_CHECK = 16 * 1024;

export class JsonSyntaxError extends Error {}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COMMA = 44;

interface Found {
  /** Index of the array's '[' and ']'. */
  readonly open: number;
  readonly close: number;
  /** [start, end) of each item's text, separators excluded. */
  readonly items: readonly (readonly [number, number])[];
}

/**
 * The document `text` encodes, with `_embedded[rel]` (an array) parsed item by item in slices.
 * Equal to JSON.parse(text); a JsonSyntaxError where JSON.parse would throw.
 */
export async function parseCollectionInSlices(text: string, rel: string, fromChars = SLICED_FROM_CHARS, budgetMs = SLICE_BUDGET_MS): Promise<unknown> {
  if (text.length < fromChars) return parseWhole(text);
  // One budget across the scan and the parse: the scan's last slice and the first items share a turn.
  const budget = new SliceBudget(budgetMs);
  const found = await findItems(text, rel, budget);
  if (found === undefined) return parseWhole(text);
  // The rest of the document, with an empty array where the items were: checked and parsed whole.
  const skeleton = parseWhole(`${text.slice(0, found.open + 1)}${text.slice(found.close)}`) as { _embedded: Record<string, unknown[]> };
  const items: unknown[] = [];
  for (const [start, end] of found.items) {
    if (budget.due()) await budget.next();
    items.push(parseWhole(text.slice(start, end)));
  }
  skeleton._embedded[rel] = items;
  return skeleton;
}

function parseWhole(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new JsonSyntaxError((error as Error).message);
  }
}

/**
 * Scans for the array at `$._embedded.<rel>`: undefined when there is none (or the text ends
 * early), so the caller parses the whole text and JSON.parse says what is wrong.
 */
async function findItems(text: string, rel: string, budget: SliceBudget): Promise<Found | undefined> {
  let depth = 0;
  // The key most recently read at depth 1 and 2 (what the next value belongs to).
  let keyAt1: string | undefined;
  let keyAt2: string | undefined;
  let embeddedDepth = 0;
  let open = -1;
  let itemStart = -1;
  const items: [number, number][] = [];
  // A threshold, not i % size: skipping a string moves i past any exact multiple.
  let nextCheck = SCAN_CHARS_PER_CLOCK_CHECK;
  for (let i = 0; i < text.length; i++) {
    if (i >= nextCheck) {
      nextCheck = i + SCAN_CHARS_PER_CLOCK_CHECK;
      if (budget.spent()) await budget.next();
    }
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
      if (i >= text.length) return undefined;
      // A string right before ':' is a key; only those at depth 1 and 2 matter.
      if ((depth === 1 || depth === 2) && nextNonSpace(text, i + 1) === 58 /* : */) {
        const key = text.slice(start + 1, i).includes('\\') ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
        if (depth === 1) keyAt1 = key;
        else keyAt2 = key;
      }
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      if (depth === 2 && c === OPEN_OBJECT && keyAt1 === '_embedded') embeddedDepth = 2;
      else if (depth === 3 && c === OPEN_ARRAY && embeddedDepth === 2 && keyAt2 === rel && open < 0) {
        open = i;
        itemStart = i + 1;
      }
      continue;
    }
    if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 3 && open >= 0 && c === CLOSE_ARRAY && itemStart >= 0) {
        // After a comma an empty last item is an error (JSON.parse refuses `[1,]`); alone it is `[]`.
        if (items.length > 0 || text.slice(itemStart, i).trim() !== '') items.push([itemStart, i]);
        return { open, close: i, items };
      }
      if (depth === 2) embeddedDepth = 0;
      depth--;
      if (depth === 1) keyAt2 = undefined;
      continue;
    }
    if (c === COMMA && depth === 3 && open >= 0) {
      items.push([itemStart, i]);
      itemStart = i + 1;
    }
  }
  return undefined;
}

function nextNonSpace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return c;
  }
  return -1;
}
