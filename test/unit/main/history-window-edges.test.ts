// The edges of a conversation's window and of the line readers under it: a message updated while
// its window is open, page boundaries that fall exactly on the window's or the file's start, a
// cursor whose message has left the window, cursors nobody handed out, and files that change size
// while being read.
import { appendFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, HistoryPage } from '../../../src/shared/domain';
import { HistoryStore, encodeHistoryLine } from '../../../src/main/history/history-store';
import { nodeHistoryFiles } from '../../../src/main/history/history-files';
import type { HistoryFiles } from '../../../src/main/history/history-files';
import { linesBackward, linesForward } from '../../../src/main/history/history-lines';
import type { FileLine } from '../../../src/main/history/history-lines';

const ACCOUNT = 'ana@contoso.com';

function message(i: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id: `m${i}`, conversationId: 'chat:ben', direction: 'in', from: { uri: 'sip:ben@contoso.com', name: 'Ben' }, text: `message ${i}`, time: 1_700_000_000_000 + i, delivery: 'delivered', ...extra };
}

const range = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `m${from + i}`);
const ids = (page: HistoryPage): string[] => page.messages.map((m) => m.id);

function freshRoot(): string {
  return mkdtempSync(join(tmpdir(), 'ucwa-history-window-'));
}

/** Writes `count` messages as an earlier run would have left them; returns the conversation's file. */
async function seed(root: string, count: number): Promise<string> {
  await new HistoryStore(root, ACCOUNT).save(message(0));
  const dir = join(root, readdirSync(root)[0] ?? '');
  const file = join(dir, readdirSync(dir)[0] ?? '');
  appendFileSync(file, Array.from({ length: count - 1 }, (_, i) => encodeHistoryLine(message(i + 1))).join(''));
  return file;
}

function tempFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ucwa-lines-edges-')), 'f.jsonl');
  writeFileSync(file, text);
  return file;
}

async function all(lines: AsyncIterable<FileLine>): Promise<FileLine[]> {
  const found: FileLine[] = [];
  for await (const line of lines) found.push(line);
  return found;
}

describe('an open conversation window', () => {
  it('replaces a message saved again in its place, the oldest one included, instead of showing it twice', async () => {
    const store = new HistoryStore(freshRoot(), ACCOUNT);
    await store.page('chat:ben', undefined, 10);
    for (const i of [1, 2, 3]) await store.save(message(i, { delivery: 'sending' }));
    await store.save(message(1));
    await store.save(message(3, { delivery: 'failed' }));
    const page = await store.page('chat:ben', undefined, 10);
    expect(page.messages.map((m) => [m.id, m.delivery])).toEqual([
      ['m1', 'delivered'],
      ['m2', 'sending'],
      ['m3', 'failed'],
    ]);
  });

  it('gives no cursor when a page ends exactly at the first message of a conversation held whole in memory', async () => {
    const store = new HistoryStore(freshRoot(), ACCOUNT);
    for (const i of [1, 2, 3]) await store.save(message(i));
    expect(await store.page('chat:ben', undefined, 3)).toEqual({ messages: [message(1), message(2), message(3)] });
  });

  it('pages exactly `limit` messages across the window’s start, and gives no cursor once a page ends on the file’s first line', async () => {
    const root = freshRoot();
    await seed(root, 250);
    const store = new HistoryStore(root, ACCOUNT);
    // The window holds m50…m249: four pages come from memory, the fourth ending exactly at its start.
    const pages: HistoryPage[] = [await store.page('chat:ben', undefined, 50)];
    for (let i = 0; i < 4; i++) pages.push(await store.page('chat:ben', pages.at(-1)?.olderCursor, 50));
    expect(pages.map(ids)).toEqual([range(200, 250), range(150, 200), range(100, 150), range(50, 100), range(0, 50)]);
    expect(pages.map((p) => p.olderCursor?.slice(0, 2))).toEqual(['m:', 'm:', 'm:', 'o:', undefined]);
  });

  it('goes on from a cursor’s message on disk when the window was read again without it meanwhile', async () => {
    const root = freshRoot();
    await seed(root, 250);
    const store = new HistoryStore(root, ACCOUNT);
    const newest = await store.page('chat:ben', undefined, 10);
    expect(ids(newest)).toEqual(range(240, 250));
    // Grown past twice its size, the window is dropped and read again: m350…m549, without m240.
    await Promise.all(Array.from({ length: 300 }, (_, i) => store.save(message(250 + i))));
    const older = await store.page('chat:ben', newest.olderCursor, 10);
    expect(ids(older)).toEqual(range(230, 240));
    expect(ids(await store.page('chat:ben', older.olderCursor, 10))).toEqual(range(220, 230));
  });
});

describe('a history cursor', () => {
  it('refuses one that is not a cursor, quoting only its first 40 characters', async () => {
    const store = new HistoryStore(freshRoot(), ACCOUNT);
    await store.save(message(1));
    await expect(store.page('chat:ben', 'o:', 10)).rejects.toThrow(/Not a history cursor/);
    // Without a colon it has no kind, even when it starts with one's letter.
    await expect(store.page('chat:ben', 'm1', 10)).rejects.toThrow(/Not a history cursor/);
    const long = `x${'y'.repeat(100)}`;
    await expect(store.page('chat:ben', long, 10)).rejects.toThrow(`Not a history cursor: ${JSON.stringify(long.slice(0, 40))}.`);
  });

  it('at the file’s start is a valid, empty page with nothing older', async () => {
    const store = new HistoryStore(freshRoot(), ACCOUNT);
    await store.save(message(1));
    expect(await store.page('chat:ben', 'o:0', 10)).toEqual({ messages: [] });
  });
});

describe('history lines of a file that changes while being read', () => {
  it('backwards: a file that shrank is an error (ESHRANK), reported as unreadable by the store, never misread', async () => {
    const file = tempFile('a\nbb\n');
    const error: unknown = await all(linesBackward(nodeHistoryFiles, file, 9, 9, 4)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ message: 'the history file shrank while being read', code: 'ESHRANK' });

    const root = freshRoot();
    const seeded = await seed(root, 3);
    // The size taken before reading is larger than what is left to read.
    const stale: HistoryFiles = { ...nodeHistoryFiles, size: async (f) => (await nodeHistoryFiles.size(f)) + 10 };
    const store = new HistoryStore(root, ACCOUNT, { files: stale });
    expect(ids(await store.page('chat:ben', undefined, 10))).toEqual([]);
    expect(store.problems).toEqual([{ file: seeded, reason: 'unreadable (ESHRANK)' }]);
  });

  it('backwards from inside a line: the piece read is not taken for a line a crash cut short', async () => {
    // An `o:` cursor is just a number coming back from the renderer; only the file's own end can be cut short.
    const file = tempFile('a\nbbbb\n');
    for (const chunk of [2, 64]) {
      expect(await all(linesBackward(nodeHistoryFiles, file, 4, 7, chunk)), `chunk ${chunk}`).toEqual([
        { text: 'bb', offset: 2, unfinished: false },
        { text: 'a', offset: 0, unfinished: false },
      ]);
    }
  });

  it('forwards: reads no further than the size it was given, though a line was appended meanwhile', async () => {
    const file = tempFile('a\nbb\n');
    appendFileSync(file, 'ccc\n');
    for (const chunk of [2, 3, 64]) {
      expect(await all(linesForward(nodeHistoryFiles, file, 5, chunk)), `chunk ${chunk}`).toEqual([
        { text: 'a', offset: 0, unfinished: false },
        { text: 'bb', offset: 2, unfinished: false },
      ]);
    }
  });

  it('forwards: stops at the real end of a file that shrank since its size was taken', async () => {
    const file = tempFile('a\nbb\n');
    let reads = 0;
    // Bounded, so reading on past the end forever fails the test instead of hanging it.
    const counted: HistoryFiles = {
      ...nodeHistoryFiles,
      readRange: async (f, start, length) => {
        if (++reads > 50) throw new Error('still reading past the end of the file');
        return nodeHistoryFiles.readRange(f, start, length);
      },
    };
    for (const chunk of [2, 64]) {
      expect(await all(linesForward(counted, file, 9, chunk)), `chunk ${chunk}`).toEqual([
        { text: 'a', offset: 0, unfinished: false },
        { text: 'bb', offset: 2, unfinished: false },
      ]);
    }
  });
});
