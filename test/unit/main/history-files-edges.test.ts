// The history's file layer and the store's memory around it, at their edges: the words a user reads
// for each disk error, a read past the end of a file, handles given back, a write that fails before
// it starts, and which conversation windows stay in memory (measured by what is read from disk).
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { errorCode, nodeHistoryFiles, plainReason } from '../../../src/main/history/history-files';
import type { HistoryFiles } from '../../../src/main/history/history-files';
import { HistoryStore, encodeHistoryLine } from '../../../src/main/history/history-store';
import { WINDOW_MESSAGES } from '../../../src/main/history/history-window';

let n = 0;
function message(conversationId: string, text: string): ChatMessage {
  n++;
  return { id: `edge-${n}`, conversationId, direction: 'in', from: { uri: 'sip:ben@contoso.com', name: 'Ben' }, text, time: 1_700_000_000_000 + n, delivery: 'delivered' };
}

function freshRoot(): string {
  return mkdtempSync(join(tmpdir(), 'ucwa-history-files-'));
}

/** The real disk, counting every read (a size is one), with appends that can be held or refused. */
class TestFiles implements HistoryFiles {
  reads = 0;
  private gate: Promise<void> | undefined;
  private refusal: string | undefined;

  hold(): () => void {
    let release = (): void => undefined;
    this.gate = new Promise((resolve) => (release = resolve));
    return () => {
      this.gate = undefined;
      release();
    };
  }

  refuse(code: string | undefined): void {
    this.refusal = code;
  }

  async append(dir: string, file: string, text: string): Promise<void> {
    await this.gate;
    if (this.refusal !== undefined) throw Object.assign(new Error(`${this.refusal}: injected`), { code: this.refusal });
    await nodeHistoryFiles.append(dir, file, text);
  }

  read(file: string): Promise<string> {
    this.reads++;
    return nodeHistoryFiles.read(file);
  }

  list(dir: string): Promise<string[]> {
    return nodeHistoryFiles.list(dir);
  }

  size(file: string): Promise<number> {
    this.reads++;
    return nodeHistoryFiles.size(file);
  }

  readRange(file: string, start: number, length: number): Promise<Buffer> {
    this.reads++;
    return nodeHistoryFiles.readRange(file, start, length);
  }
}

/** What `action` gave, and how many reads it cost the disk. */
async function counted<T>(files: TestFiles, action: () => Promise<T>): Promise<{ readonly result: T; readonly reads: number }> {
  files.reads = 0;
  const result = await action();
  return { result, reads: files.reads };
}

/** The class of every handle `open` gives, so a test can watch what the file layer does with one. */
async function fileHandlePrototype(): Promise<FileHandle> {
  const handle = await open(join(freshRoot(), 'probe'), 'a+');
  await handle.close();
  return Object.getPrototypeOf(handle) as FileHandle;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('why a write failed, in plain words', () => {
  it('names each disk error a user can do something about', () => {
    const reasons: Record<string, string> = {
      ENOSPC: 'disk full',
      EDQUOT: 'disk quota used up',
      EROFS: 'the disk is read-only',
      EACCES: 'no permission to write the history folder',
      EPERM: 'no permission to write the history folder',
      EISDIR: 'a folder is where the history file should be',
      ENOTDIR: 'a file is where the history folder should be',
      EIO: 'the disk reported an error',
      EMFILE: 'too many files are open',
      ENFILE: 'too many files are open',
      EBUSY: 'the history file is busy',
    };
    for (const [code, reason] of Object.entries(reasons)) expect(plainReason(Object.assign(new Error(code), { code })), code).toBe(reason);
  });

  it('gives any other code as it is, and anything without one as unexpected', () => {
    expect(plainReason(Object.assign(new Error('odd'), { code: 'EWHATEVER' }))).toBe('the disk refused it (EWHATEVER)');
    for (const error of [new Error('no code'), { code: 28 }, 'ENOSPC', null, undefined]) expect(plainReason(error), String(error)).toBe('an unexpected error');
  });

  it('reads a code only from an object that has a string one', () => {
    expect(errorCode({ code: 'ENOENT' })).toBe('ENOENT');
    for (const error of [null, undefined, 'ENOENT', 7, {}, { code: 28 }]) expect(errorCode(error), String(error)).toBeUndefined();
  });
});

describe('the file layer', () => {
  it('reads only the bytes there are when asked for more than the file holds', async () => {
    const file = join(freshRoot(), 'short.jsonl');
    writeFileSync(file, 'abc\n');
    expect((await nodeHistoryFiles.readRange(file, 1, 64)).toString('utf8')).toBe('bc\n');
    expect(await nodeHistoryFiles.readRange(file, 4, 8)).toHaveLength(0);
    expect((await nodeHistoryFiles.readRange(file, 0, 4)).toString('utf8')).toBe('abc\n');
  });

  it('closes the file after a ranged read', async () => {
    const file = join(freshRoot(), 'closed.jsonl');
    writeFileSync(file, 'abc\n');
    const read = vi.spyOn(await fileHandlePrototype(), 'read');
    await nodeHistoryFiles.readRange(file, 0, 4);
    const handles = read.mock.contexts as FileHandle[];
    expect(handles).toHaveLength(1);
    // A closed handle's descriptor is -1; an open one would stay taken until garbage collection.
    expect(handles[0]?.fd).toBe(-1);
  });

  it('leaves a file as it was when the write fails before it knows the file\'s size', async () => {
    const dir = freshRoot();
    const file = join(dir, 'kept.jsonl');
    const before = encodeHistoryLine(message('chat:ben', 'kept'));
    writeFileSync(file, before);
    const failure = Object.assign(new Error('EIO: injected'), { code: 'EIO' });
    vi.spyOn(await fileHandlePrototype(), 'stat').mockRejectedValueOnce(failure);
    await expect(nodeHistoryFiles.append(dir, file, encodeHistoryLine(message('chat:ben', 'new')))).rejects.toBe(failure);
    // Nothing was written, so there is nothing to cut off: cutting to an unknown size would empty the file.
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('conversation windows in memory', () => {
  it('an open window takes saves in memory until it has grown past twice its size, then is read again from the file', async () => {
    const files = new TestFiles();
    const store = new HistoryStore(freshRoot(), 'ana@contoso.com', { files });
    await store.page('chat:ben', undefined, 10);
    const saved = Array.from({ length: 2 * WINDOW_MESSAGES }, (_, i) => message('chat:ben', `m${i}`));
    await Promise.all(saved.map((m) => store.save(m)));
    const full = await counted(files, () => store.page('chat:ben', undefined, 10));
    expect(full.reads).toBe(0);
    expect(full.result.messages.map((m) => m.id)).toEqual(saved.slice(-10).map((m) => m.id));
    const overflow = message('chat:ben', 'one too many');
    await store.save(overflow);
    const reread = await counted(files, () => store.page('chat:ben', undefined, 10));
    expect(reread.reads).toBeGreaterThan(0);
    expect(reread.result.messages.map((m) => m.id)).toEqual([...saved.slice(-9), overflow].map((m) => m.id));
  });

  it('a save into a window already dropped and opened again leaves the new window alone', async () => {
    const files = new TestFiles();
    const store = new HistoryStore(freshRoot(), 'ana@contoso.com', { files, openWindows: 1 });
    await store.page('chat:ben', undefined, 10);
    await Promise.all(Array.from({ length: 2 * WINDOW_MESSAGES }, (_, i) => store.save(message('chat:ben', `m${i}`))));
    // The save finds ben's window open and grows it past its size in a later step; by then lena's
    // window has pushed it out and ben's has been opened anew, from the file.
    const overflow = message('chat:ben', 'one too many');
    const saving = store.save(overflow);
    const lena = store.page('chat:lena', undefined, 10);
    const reopened = store.page('chat:ben', undefined, 10);
    await Promise.all([saving, lena]);
    expect((await reopened).messages.at(-1)?.id).toBe(overflow.id);
    expect((await counted(files, () => store.page('chat:ben', undefined, 10))).reads).toBe(0);
  });

  it('keeps the most recently used windows, as many as asked, and reads a dropped one again', async () => {
    const files = new TestFiles();
    const store = new HistoryStore(freshRoot(), 'ana@contoso.com', { files, openWindows: 2 });
    for (const id of ['chat:ben', 'chat:lena', 'chat:carl']) await store.save(message(id, `hi ${id}`));
    await store.page('chat:ben', undefined, 10);
    await store.page('chat:lena', undefined, 10);
    expect((await counted(files, () => store.page('chat:ben', undefined, 10))).reads).toBe(0);
    // Ben was used after Lena: opening a third drops Lena's.
    await store.page('chat:carl', undefined, 10);
    expect((await counted(files, () => store.page('chat:ben', undefined, 10))).reads).toBe(0);
    const dropped = await counted(files, () => store.page('chat:lena', undefined, 10));
    expect(dropped.reads).toBeGreaterThan(0);
    expect(dropped.result.messages.map((m) => m.text)).toEqual(['hi chat:lena']);
  });

  it('a window whose load failed is not kept: the next page loads it again', async () => {
    const files = new TestFiles();
    const store = new HistoryStore(freshRoot(), 'ana@contoso.com', { files });
    // The reader turns every disk error into a reported problem, so a load cannot fail by the disk;
    // it fails when the write it waits for throws, as it does when an unsaved-listener throws.
    let broken = true;
    store.onUnsaved(() => {
      if (!broken) return;
      broken = false;
      throw new Error('a listener bug');
    });
    files.refuse('ENOSPC');
    const release = files.hold();
    const kept = message('chat:ben', 'kept');
    const saving = store.save(kept);
    const opening = store.page('chat:ben', undefined, 10);
    release();
    await expect(opening).rejects.toThrow('a listener bug');
    files.refuse(undefined);
    expect((await store.page('chat:ben', undefined, 10)).messages.map((m) => m.id)).toEqual([kept.id]);
    expect(await store.flush()).toBe(0);
    await saving;
  });
});

describe('search', () => {
  it('matches the text only, not the sender or the conversation a line also names', async () => {
    const store = new HistoryStore(freshRoot(), 'ana@contoso.com');
    await store.save(message('chat:ben', 'hello'));
    const named = message('chat:ben', 'ask Ben');
    await store.save(named);
    expect((await store.search('ben')).map((h) => h.message.id)).toEqual([named.id]);
    expect(await store.search('contoso')).toEqual([]);
  });

  it('gives at least one hit, the newest, whatever limit it is asked for', async () => {
    const store = new HistoryStore(freshRoot(), 'ana@contoso.com');
    const sent = [];
    for (let i = 0; i < 7; i++) {
      const m = message('chat:ben', `hello ${i}`);
      sent.push(m);
      await store.save(m);
    }
    const newestId = sent[6]?.id;
    for (const limit of [-2, -1, 0, 0.5]) expect((await store.search('hello', limit)).map((h) => h.message.id), `limit ${limit}`).toEqual([newestId]);
    expect((await store.search('hello', 2.9)).map((h) => h.message.id)).toEqual(sent.slice(5).reverse().map((m) => m.id));
  });

  it('does not parse lines without the query: a damaged one elsewhere is not even looked at', async () => {
    const root = freshRoot();
    const store = new HistoryStore(root, 'ana@contoso.com');
    const hello = message('chat:ben', 'hello');
    await store.save(hello);
    await store.save(message('chat:ben', 'bye'));
    const [account] = readdirSync(root);
    const [file] = readdirSync(join(root, account ?? ''));
    const path = join(root, account ?? '', file ?? '');
    // After the first line: listing the conversations reads up to the first readable message.
    const [first, ...rest] = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, [first, 'garbage', ...rest].join('\n'));
    const reopened = new HistoryStore(root, 'ana@contoso.com');
    expect((await reopened.search('hello')).map((h) => h.message.id)).toEqual([hello.id]);
    expect(reopened.problems).toEqual([]);
    // Paging reads every line, and does report it.
    await reopened.page('chat:ben', undefined, 10);
    expect(reopened.problems.map((p) => [p.line, p.reason])).toEqual([[2, 'not JSON']]);
  });
});
