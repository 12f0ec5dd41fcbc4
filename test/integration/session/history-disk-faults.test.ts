// The history on a disk that fails for real: full, read-only, a folder where a file should be, a
// writer killed mid-write, two writers at once. Whatever the disk does, nothing is lost without
// the user being told, one failure never poisons later writes or other conversations, and once the
// disk works again the unsaved messages are written in order, each once.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { HistoryStore } from '../../../src/main/history/history-store';
import type { UnsavedHistory } from '../../../src/main/history/history-store';
import { mountRefusal, mountTmpfs } from './support/disk';
import type { MountedDisk } from './support/disk';
import { FaultyHistoryFiles } from './support/faulty-history-files';

const FAST = { retryBaseMs: 20, retryMaxMs: 100 };
const mounted: MountedDisk[] = [];
afterEach(() => {
  for (const disk of mounted.splice(0)) disk.unmount();
});

if (mountRefusal !== undefined) console.log(`history disk tests: real-disk variants skipped: ${mountRefusal}; the fault-layer variants run instead.`);
else console.log('history disk tests: real tmpfs variants and fault-layer variants both run.');

let n = 0;
function message(conversationId: string, text: string): ChatMessage {
  n++;
  return { id: `m${n}`, conversationId, direction: n % 2 === 0 ? 'out' : 'in', from: { uri: 'sip:ben@contoso.com', name: 'Ben' }, text, time: 1_700_000_000_000 + n, delivery: 'delivered' };
}

function watch(store: HistoryStore): Map<string, UnsavedHistory | undefined> & { reasons: Set<string> } {
  const seen = Object.assign(new Map<string, UnsavedHistory | undefined>(), { reasons: new Set<string>() });
  store.onUnsaved((id, unsaved) => {
    seen.set(id, unsaved);
    if (unsaved !== undefined) seen.reasons.add(unsaved.reason);
  });
  return seen;
}

async function texts(root: string, conversationId: string): Promise<string[]> {
  const store = new HistoryStore(root, 'ana@contoso.com');
  const page = await store.page(conversationId, undefined, 500);
  expect(store.problems, 'no damaged line on disk').toEqual([]);
  return page.messages.map((m) => m.text);
}

/** Saves into two conversations while the disk refuses, then lets it work again; checks all of it. */
async function refuseThenRecover(root: string, store: HistoryStore, breakDisk: () => void, fixDisk: () => void, reason: string, bulk = 1): Promise<void> {
  const seen = watch(store);
  const before = [message('chat:ben', `before ${'.'.repeat(bulk)}`)];
  await store.save(before[0] as ChatMessage);
  breakDisk();
  const during = Array.from({ length: 40 }, (_, i) => message(i % 2 === 0 ? 'chat:ben' : 'chat:lena', `during ${i} ${'.'.repeat(bulk)}`));
  const saved = during.map((m) => store.save(m));
  await vi.waitFor(() => expect(seen.get('chat:ben')).toMatchObject({ reason }), { timeout: 10_000 });
  expect(seen.reasons).toEqual(new Set([reason]));
  // Kept in memory meanwhile, in order: the chat still has every message.
  const inMemory = (await store.page('chat:ben', undefined, 500)).messages.map((m) => m.text);
  expect(inMemory).toEqual([...before, ...during.filter((m) => m.conversationId === 'chat:ben')].map((m) => m.text));
  expect(store.unsaved('chat:ben')?.count).toBeGreaterThan(0);

  fixDisk();
  await Promise.all(saved);
  await vi.waitFor(() => expect([seen.get('chat:ben'), seen.get('chat:lena')]).toEqual([undefined, undefined]));
  const after = message('chat:lena', 'after');
  await store.save(after);
  expect(await texts(root, 'chat:ben')).toEqual([...before, ...during.filter((m) => m.conversationId === 'chat:ben')].map((m) => m.text));
  expect(await texts(root, 'chat:lena')).toEqual([...during.filter((m) => m.conversationId === 'chat:lena'), after].map((m) => m.text));
}

describe('history on a failing disk', () => {
  it.skipIf(mountRefusal !== undefined)('a full disk (a 64 KiB tmpfs): messages are kept, reported "disk full", and written in order once there is room', async () => {
    const disk = mountTmpfs('64k');
    mounted.push(disk);
    const store = new HistoryStore(disk.dir, 'ana@contoso.com', FAST);
    // 40 messages of ~4 KiB cannot fit in 64 KiB.
    await refuseThenRecover(disk.dir, store, () => undefined, () => disk.remount('size=4m'), 'disk full', 4_000);
  });

  it('a full disk, by the fault layer: the same, without a real disk', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-faults-'));
    const files = new FaultyHistoryFiles();
    const store = new HistoryStore(root, 'ana@contoso.com', { ...FAST, files });
    await refuseThenRecover(root, store, () => files.fail('ENOSPC'), () => files.heal(), 'disk full');
  });

  it.skipIf(mountRefusal !== undefined)('a read-only remount: reported as read-only, written once it is writable again', async () => {
    const disk = mountTmpfs('1m');
    mounted.push(disk);
    const store = new HistoryStore(disk.dir, 'ana@contoso.com', FAST);
    await refuseThenRecover(disk.dir, store, () => disk.remount('ro'), () => disk.remount('rw'), 'the disk is read-only');
  });

  it('a read-only disk, by the fault layer (EROFS)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-faults-'));
    const files = new FaultyHistoryFiles();
    const store = new HistoryStore(root, 'ana@contoso.com', { ...FAST, files });
    await refuseThenRecover(root, store, () => files.fail('EROFS'), () => files.heal(), 'the disk is read-only');
  });

  it('a folder where one conversation\'s file should be breaks only that conversation, and only until it is gone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-eisdir-'));
    const store = new HistoryStore(root, 'ana@contoso.com', FAST);
    const seen = watch(store);
    await store.save(message('chat:ben', 'one'));
    const [account] = readdirSync(root);
    const dir = join(root, account ?? '');
    const [file] = readdirSync(dir);
    const path = join(dir, file ?? '');
    renameSync(path, `${path}.aside`);
    mkdirSync(path);
    const ben = [store.save(message('chat:ben', 'two')), store.save(message('chat:ben', 'three'))];
    await vi.waitFor(() => expect(seen.get('chat:ben')).toEqual({ count: 2, reason: 'a folder is where the history file should be' }));
    // Other conversations are not held up, however often the broken one retries.
    for (let i = 0; i < 5; i++) await store.save(message('chat:lena', `lena ${i}`));
    expect(seen.has('chat:lena')).toBe(false);
    rmdirSync(path);
    renameSync(`${path}.aside`, path);
    await Promise.all(ben);
    await vi.waitFor(() => expect(seen.get('chat:ben')).toBeUndefined());
    expect(await texts(root, 'chat:ben')).toEqual(['one', 'two', 'three']);
    expect(await texts(root, 'chat:lena')).toEqual(['lena 0', 'lena 1', 'lena 2', 'lena 3', 'lena 4']);
  });

  it('a newer copy of an unsaved message takes its place: no duplicate, no reordering', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-faults-'));
    const files = new FaultyHistoryFiles();
    const store = new HistoryStore(root, 'ana@contoso.com', { ...FAST, files });
    const seen = watch(store);
    files.fail('ENOSPC');
    const release = files.hold();
    const sending = { ...message('chat:ben', 'hello'), direction: 'out' as const, delivery: 'sending' as const };
    const next = message('chat:ben', 'reply');
    // "hello" is being written (and will fail) when "reply" and hello's delivered copy come.
    const writes = [store.save(sending), store.save(next), store.save({ ...sending, delivery: 'delivered' })];
    release();
    await vi.waitFor(() => expect(seen.get('chat:ben')?.count).toBe(2));
    writes.push(store.save({ ...next, text: 'reply (edited)' }));
    expect(store.unsaved('chat:ben')?.count).toBe(2);
    files.heal();
    await Promise.all(writes);
    const [account] = readdirSync(root);
    const [file] = readdirSync(join(root, account ?? ''));
    expect(readFileSync(join(root, account ?? '', file ?? ''), 'utf8').trim().split('\n'), 'one line per message').toHaveLength(2);
    const reopened = new HistoryStore(root, 'ana@contoso.com');
    expect((await reopened.page('chat:ben', undefined, 10)).messages.map((m) => [m.text, m.delivery])).toEqual([['hello', 'delivered'], ['reply (edited)', 'delivered']]);
  });
});

/** Runs the writer child; resolves with its process and a live list of the indexes it saved. */
function writer(args: readonly string[]): { readonly child: ReturnType<typeof spawn>; readonly saved: number[]; readonly exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support', 'history-writer-child.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const saved: number[] = [];
  let rest = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('saved ')) saved.push(Number(line.slice(6)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, saved, exited };
}

describe('history written by other processes', () => {
  it('kill -9 during writes: every acknowledged message is readable, a cut last line is reported, not fatal', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-kill-'));
    // Large lines make it likely the kill lands inside a write.
    const w = writer([root, 'ana@contoso.com', 'chat:ben', '100000', 'k', '200000']);
    await vi.waitFor(() => expect(w.saved.length).toBeGreaterThanOrEqual(20), { timeout: 20_000 });
    w.child.kill('SIGKILL');
    await w.exited;
    const acknowledged = [...w.saved];
    const store = new HistoryStore(root, 'ana@contoso.com');
    const page = await store.page('chat:ben', undefined, 100_000);
    const ids = page.messages.map((m) => m.id);
    expect(ids.slice(0, acknowledged.length)).toEqual(acknowledged.map((i) => `k${i}`));
    // At most one damaged line, the last one, reported as a crash.
    expect(store.problems.length).toBeLessThanOrEqual(1);
    for (const problem of store.problems) expect(problem.reason).toMatch(/unfinished last line/);
    await store.save(message('chat:ben', 'after the crash'));
    const reopened = new HistoryStore(root, 'ana@contoso.com');
    const again = await reopened.page('chat:ben', undefined, 100_000);
    expect(again.messages.at(-1)?.text).toBe('after the crash');
    expect(again.messages).toHaveLength(page.messages.length + 1);
    // The damaged line stays where it was (now no longer the last one); nothing new is damaged.
    expect(reopened.problems.map((p) => p.line)).toEqual(store.problems.map((p) => p.line));
  });

  it('two processes writing the same history: every line of both, whole and in each one\'s order', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-two-'));
    const a = writer([root, 'ana@contoso.com', 'chat:ben', '300', 'a', '300']);
    const b = writer([root, 'ana@contoso.com', 'chat:ben', '300', 'b', '300']);
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    const store = new HistoryStore(root, 'ana@contoso.com');
    const ids = (await store.page('chat:ben', undefined, 1_000)).messages.map((m) => m.id);
    expect(store.problems).toEqual([]);
    expect(ids.filter((id) => id.startsWith('a'))).toEqual(Array.from({ length: 300 }, (_, i) => `a${i}`));
    expect(ids.filter((id) => id.startsWith('b'))).toEqual(Array.from({ length: 300 }, (_, i) => `b${i}`));
  });
});
