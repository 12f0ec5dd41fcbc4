// The history writer's timing and bookkeeping, on an in-memory disk whose every append the test
// decides: when a refused write is tried again, what a success does to the other conversations'
// backoffs, what flush and idle wait for, and what the unsaved reports say. Fake timers make the
// backoff exact and independent of how loaded the machine is. Also how stored lines from older
// versions read back (history-record.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import type { HistoryFiles } from '../../../src/main/history/history-files';
import { HistoryWriter } from '../../../src/main/history/history-writer';
import type { UnsavedHistory } from '../../../src/main/history/history-writer';
import { parseHistoryLine } from '../../../src/main/history/history-record';
import { checksum } from '../../../src/main/history/history-store';

const BASE = 1_000;
const MAX = 8_000;
const BEN = 'ben.jsonl';
const LENA = 'lena.jsonl';

/** A disk in memory: appends to a file can be refused (with an error code) or held under way. */
class MemoryFiles implements HistoryFiles {
  private readonly content = new Map<string, string>();
  private readonly tries = new Map<string, number>();
  private readonly refusing = new Map<string, string>();
  private readonly gates = new Map<string, Promise<void>>();

  refuse(file: string, code: string): void {
    this.refusing.set(file, code);
  }

  accept(file: string): void {
    this.refusing.delete(file);
  }

  /** Appends to `file` stay under way until the returned function is called. */
  hold(file: string): () => void {
    let release = (): void => undefined;
    this.gates.set(file, new Promise((resolve) => (release = resolve)));
    return () => {
      this.gates.delete(file);
      release();
    };
  }

  attempts(file: string): number {
    return this.tries.get(file) ?? 0;
  }

  lines(file: string): string[] {
    return (this.content.get(file) ?? '').split('\n').filter((line) => line !== '');
  }

  async append(_dir: string, file: string, text: string): Promise<void> {
    this.tries.set(file, this.attempts(file) + 1);
    await this.gates.get(file);
    const code = this.refusing.get(file);
    if (code !== undefined) throw Object.assign(new Error(`${code}: injected`), { code });
    this.content.set(file, (this.content.get(file) ?? '') + text);
  }

  // The writer only appends.
  read(): Promise<string> {
    return Promise.reject(new Error('not used'));
  }

  list(): Promise<string[]> {
    return Promise.reject(new Error('not used'));
  }

  size(): Promise<number> {
    return Promise.reject(new Error('not used'));
  }

  readRange(): Promise<Buffer> {
    return Promise.reject(new Error('not used'));
  }
}

function message(id: string, text = id): ChatMessage {
  return { id, conversationId: 'chat:x', direction: 'in', from: { uri: 'sip:ben@contoso.com', name: 'Ben' }, text, time: 1_700_000_000_000, delivery: 'delivered' };
}

const encode = (m: ChatMessage): string => `${m.id}:${m.text}\n`;

function setup(): { files: MemoryFiles; writer: HistoryWriter } {
  const files = new MemoryFiles();
  return { files, writer: new HistoryWriter(files, '/history', encode, { retryBaseMs: BASE, retryMaxMs: MAX }) };
}

/** Runs every promise continuation that is ready (setImmediate is not faked: it runs after them all). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await settle();
}

/** Whether a promise has resolved by now. */
function tracked(promise: Promise<unknown>): { readonly done: () => boolean } {
  let done = false;
  void promise.then(() => (done = true));
  return { done: () => done };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('history writer backoff', () => {
  it('retries a refused write after the base delay, doubling each time up to the maximum', async () => {
    const { files, writer } = setup();
    files.refuse(BEN, 'ENOSPC');
    const saved = writer.write('chat:ben', BEN, message('a'));
    await settle();
    expect(files.attempts(BEN)).toBe(1);
    for (const delay of [1_000, 2_000, 4_000, 8_000, 8_000]) {
      const before = files.attempts(BEN);
      await advance(delay - 1);
      expect(files.attempts(BEN), `not before ${delay} ms`).toBe(before);
      await advance(1);
      expect(files.attempts(BEN), `after ${delay} ms`).toBe(before + 1);
    }
    files.accept(BEN);
    await advance(MAX);
    await saved;
    expect(files.lines(BEN)).toEqual(['a:a']);
  });

  it('starts again from the base delay once a write has succeeded', async () => {
    const { files, writer } = setup();
    files.refuse(BEN, 'ENOSPC');
    void writer.write('chat:ben', BEN, message('a'));
    await advance(1_000);
    expect(files.attempts(BEN)).toBe(2);
    files.accept(BEN);
    await advance(2_000);
    expect(files.lines(BEN)).toEqual(['a:a']);
    files.refuse(BEN, 'ENOSPC');
    void writer.write('chat:ben', BEN, message('b'));
    await settle();
    expect(files.attempts(BEN)).toBe(4);
    await advance(999);
    expect(files.attempts(BEN)).toBe(4);
    await advance(1);
    expect(files.attempts(BEN)).toBe(5);
  });

  it('when a conversation is written again after failing, the others backing off retry at once', async () => {
    const { files, writer } = setup();
    files.refuse(BEN, 'ENOSPC');
    files.refuse(LENA, 'ENOSPC');
    void writer.write('chat:ben', BEN, message('b1'));
    await advance(500);
    const lena = tracked(writer.write('chat:lena', LENA, message('l1')));
    await settle();
    files.accept(BEN);
    files.accept(LENA);
    // Ben's retry comes at 1000 ms and succeeds; Lena's own would come at 1500 ms.
    await advance(500);
    expect(files.lines(BEN)).toEqual(['b1:b1']);
    expect(files.lines(LENA)).toEqual(['l1:l1']);
    expect(lena.done()).toBe(true);
    expect(writer.unsaved('chat:lena')).toBeUndefined();
  });

  it('a conversation that never failed does not cut another one\'s backoff short', async () => {
    const { files, writer } = setup();
    files.refuse(BEN, 'ENOSPC');
    void writer.write('chat:ben', BEN, message('b1'));
    await settle();
    await writer.write('chat:lena', LENA, message('l1'));
    await settle();
    expect(files.attempts(BEN)).toBe(1);
    await advance(1_000);
    expect(files.attempts(BEN)).toBe(2);
  });

  it('a failure whose report starts the next write arms no backoff beside it: the next message goes out at once', async () => {
    const { files, writer } = setup();
    // A listener that saves from inside the failure report starts a new write before the failed one
    // has armed its backoff; that write then succeeds with the timer still armed.
    let once = true;
    writer.onUnsaved((id, unsaved) => {
      if (unsaved === undefined || !once) return;
      once = false;
      files.accept(BEN);
      void writer.write(id, BEN, message('b'));
    });
    files.refuse(BEN, 'ENOSPC');
    void writer.write('chat:ben', BEN, message('a'));
    await settle();
    expect(files.lines(BEN)).toEqual(['a:a', 'b:b']);
    const next = tracked(writer.write('chat:ben', BEN, message('c')));
    await settle();
    expect(files.lines(BEN)).toEqual(['a:a', 'b:b', 'c:c']);
    expect(next.done()).toBe(true);
  });

  it('a retry brought forward that fails again waits out its new backoff alone, not the old one too', async () => {
    const { files, writer } = setup();
    files.refuse(BEN, 'ENOSPC');
    files.refuse(LENA, 'ENOSPC');
    void writer.write('chat:ben', BEN, message('b1'));
    await advance(500);
    void writer.write('chat:lena', LENA, message('l1'));
    await settle();
    files.accept(BEN);
    // 1000 ms: Ben succeeds, Lena is tried at once and fails a second time: next try at 3000 ms.
    await advance(500);
    expect(files.attempts(LENA)).toBe(2);
    await advance(1_999);
    expect(files.attempts(LENA), 'the first backoff (due at 1500 ms) was cancelled').toBe(2);
    await advance(1);
    expect(files.attempts(LENA)).toBe(3);
  });
});

describe('history writer queue', () => {
  it('a message saved during a backoff waits for the retry, then goes out with the others, in order', async () => {
    const { files, writer } = setup();
    files.refuse(BEN, 'ENOSPC');
    const first = tracked(writer.write('chat:ben', BEN, message('a')));
    await settle();
    const second = tracked(writer.write('chat:ben', BEN, message('b')));
    await settle();
    expect(files.attempts(BEN)).toBe(1);
    expect(writer.pending('chat:ben').map((m) => m.id)).toEqual(['a', 'b']);
    files.accept(BEN);
    await advance(1_000);
    expect([first.done(), second.done()]).toEqual([true, true]);
    expect(files.attempts(BEN)).toBe(2);
    expect(files.lines(BEN)).toEqual(['a:a', 'b:b']);
  });

  it('a newer copy of the first waiting message takes its place', async () => {
    const { files, writer } = setup();
    const release = files.hold(BEN);
    const writes = [writer.write('chat:ben', BEN, message('a'))];
    await settle();
    // "a" is under way; "b" waits first in line when its newer copy comes.
    writes.push(writer.write('chat:ben', BEN, message('b', 'draft')), writer.write('chat:ben', BEN, message('b', 'final')));
    expect(writer.pending('chat:ben').map((m) => m.text)).toEqual(['final']);
    release();
    await Promise.all(writes);
    expect(files.lines(BEN)).toEqual(['a:a', 'b:final']);
  });
});

describe('history writer flush', () => {
  it('tries every backing-off write at once and resolves with how many are still unsaved', async () => {
    const { files, writer } = setup();
    files.refuse(BEN, 'ENOSPC');
    files.refuse(LENA, 'ENOSPC');
    void writer.write('chat:ben', BEN, message('b1'));
    await settle();
    void writer.write('chat:ben', BEN, message('b2'));
    void writer.write('chat:lena', LENA, message('l1'));
    await settle();
    const releaseBen = files.hold(BEN);
    const releaseLena = files.hold(LENA);
    let flushed: number | undefined;
    void writer.flush().then((count) => (flushed = count));
    await settle();
    expect([files.attempts(BEN), files.attempts(LENA)]).toEqual([2, 2]);
    expect(flushed, 'flush waits for the writes it started').toBeUndefined();
    releaseBen();
    releaseLena();
    await settle();
    expect(flushed).toBe(3);
    files.accept(BEN);
    files.accept(LENA);
    expect(await writer.flush()).toBe(0);
    expect(files.lines(BEN)).toEqual(['b1:b1', 'b2:b2']);
    expect(files.lines(LENA)).toEqual(['l1:l1']);
  });

  it('after a flush, a new message is written at once, not when the cancelled backoff would have ended', async () => {
    const { files, writer } = setup();
    files.refuse(BEN, 'ENOSPC');
    void writer.write('chat:ben', BEN, message('a'));
    await settle();
    files.accept(BEN);
    expect(await writer.flush()).toBe(0);
    const later = tracked(writer.write('chat:ben', BEN, message('b')));
    await settle();
    expect(files.lines(BEN)).toEqual(['a:a', 'b:b']);
    expect(later.done()).toBe(true);
  });

  it('a flush with nothing waiting leaves the conversation writable', async () => {
    const { files, writer } = setup();
    await writer.write('chat:ben', BEN, message('a'));
    expect(await writer.flush()).toBe(0);
    const later = tracked(writer.write('chat:ben', BEN, message('b')));
    await settle();
    expect(files.lines(BEN)).toEqual(['a:a', 'b:b']);
    expect(later.done()).toBe(true);
  });
});

describe('history writer idle', () => {
  it('waits for a write under way to that file, and only that file', async () => {
    const { files, writer } = setup();
    const release = files.hold(BEN);
    const ben = writer.write('chat:ben', BEN, message('b1'));
    await writer.write('chat:lena', LENA, message('l1'));
    const benIdle = tracked(writer.idle(BEN));
    const lenaIdle = tracked(writer.idle(LENA));
    await settle();
    expect(lenaIdle.done()).toBe(true);
    expect(benIdle.done()).toBe(false);
    release();
    await ben;
    await settle();
    expect(benIdle.done()).toBe(true);
  });
});

describe('history writer unsaved reports', () => {
  it('follow the count of waiting messages and the latest reason, once per change', async () => {
    const { files, writer } = setup();
    const reports: [string, UnsavedHistory | undefined][] = [];
    writer.onUnsaved((id, unsaved) => reports.push([id, unsaved]));
    files.refuse(BEN, 'ENOSPC');
    void writer.write('chat:ben', BEN, message('a'));
    await settle();
    void writer.write('chat:ben', BEN, message('b'));
    expect(writer.unsaved('chat:ben')).toEqual({ count: 2, reason: 'disk full' });
    files.refuse(BEN, 'EROFS');
    await advance(1_000);
    expect(writer.unsaved('chat:ben')).toEqual({ count: 2, reason: 'the disk is read-only' });
    // The same failure again is no news.
    await advance(2_000);
    expect(files.attempts(BEN)).toBe(3);
    files.accept(BEN);
    await advance(4_000);
    expect(writer.unsaved('chat:ben')).toBeUndefined();
    expect(reports).toEqual([
      ['chat:ben', { count: 1, reason: 'disk full' }],
      ['chat:ben', { count: 2, reason: 'disk full' }],
      ['chat:ben', { count: 2, reason: 'the disk is read-only' }],
      ['chat:ben', undefined],
    ]);
  });
});

describe('history lines from older versions', () => {
  const stored = { id: 'm1', conversationId: 'chat:ben', direction: 'out', from: { uri: 'sip:ana@contoso.com', name: 'Ana' }, text: 'hi', time: 1_700_000_000_000, delivery: 'failed' };
  const line = (m: object): string => JSON.stringify({ v: 1, c: checksum(JSON.stringify(m)), m });

  it('drop a failure reason stored as English words, keeping the delivery state', () => {
    expect(parseHistoryLine(line({ ...stored, failureReason: 'The server refused the message' }), checksum)).toStrictEqual({ ok: true, message: stored });
  });

  it('get no failure reason or note key when none was stored', () => {
    expect(parseHistoryLine(line(stored), checksum)).toStrictEqual({ ok: true, message: stored });
  });

  it('read any stored delivery note as the one note there is', () => {
    const parsed = parseHistoryLine(line({ ...stored, delivery: 'delivered', deliveryNote: 'Reached them after all' }), checksum);
    expect(parsed).toStrictEqual({ ok: true, message: { ...stored, delivery: 'delivered', deliveryNote: 'reachedAfterAll' } });
  });
});
