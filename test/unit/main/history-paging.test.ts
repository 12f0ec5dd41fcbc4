// A long history is read from its end in pages, kept in memory only as a window, and searched by
// streaming: what each of those must preserve (every message once, in order, newest copy wins).
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { HistoryStore, encodeHistoryLine } from '../../../src/main/history/history-store';
import { nodeHistoryFiles } from '../../../src/main/history/history-files';
import type { HistoryFiles } from '../../../src/main/history/history-files';
import { linesBackward, linesForward } from '../../../src/main/history/history-lines';
import { errorDetail } from '../../../src/shared/error-detail';

function message(conversationId: string, i: number, extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id: `${conversationId}/m${i}`, conversationId, direction: i % 2 === 0 ? 'in' : 'out', from: { uri: 'sip:ben@contoso.com', name: 'Ben' }, text: `message ${i} ${'é'.repeat(i % 7)}`, time: 1_700_000_000_000 + i, delivery: 'delivered', ...extra };
}

/** Counts what is read, to prove the store does not read whole files. */
class CountingFiles implements HistoryFiles {
  bytesRead = 0;
  wholeReads = 0;
  append = nodeHistoryFiles.append;
  list = nodeHistoryFiles.list;
  size = nodeHistoryFiles.size;
  async read(file: string): Promise<string> {
    this.wholeReads++;
    return nodeHistoryFiles.read(file);
  }
  async readRange(file: string, start: number, length: number): Promise<Buffer> {
    const bytes = await nodeHistoryFiles.readRange(file, start, length);
    this.bytesRead += bytes.length;
    return bytes;
  }
}

/** Writes a conversation file straight away (as an earlier run would have), in the store's own format. */
async function seed(root: string, account: string, messages: readonly ChatMessage[]): Promise<string> {
  const store = new HistoryStore(root, account);
  await store.save(messages[0] as ChatMessage);
  const dir = join(root, readdirSync(root)[0] ?? '');
  const file = join(dir, readdirSync(dir)[0] ?? '');
  appendFileSync(file, messages.slice(1).map(encodeHistoryLine).join(''));
  return file;
}

async function everyPage(store: HistoryStore, conversationId: string, limit: number): Promise<ChatMessage[][]> {
  const pages: ChatMessage[][] = [];
  let page = await store.page(conversationId, undefined, limit);
  pages.unshift([...page.messages]);
  while (page.olderCursor !== undefined) {
    page = await store.page(conversationId, page.olderCursor, limit);
    pages.unshift([...page.messages]);
  }
  return pages;
}

describe('history read from its end', () => {
  it('opens a 20,000-message conversation reading only its last page, and pages back through every message once, in order', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-'));
    const all = Array.from({ length: 20_000 }, (_, i) => message('chat:ben', i));
    const file = await seed(root, 'ana@contoso.com', all);
    const files = new CountingFiles();
    const store = new HistoryStore(root, 'ana@contoso.com', { files });
    const last = await store.page('chat:ben', undefined, 100);
    expect(last.messages.map((m) => m.id)).toEqual(all.slice(-100).map((m) => m.id));
    expect(files.wholeReads).toBe(0);
    expect(files.bytesRead, `read of a ${(await nodeHistoryFiles.size(file)) / 1024} KiB file`).toBeLessThanOrEqual(128 * 1024);
    const pages = await everyPage(store, 'chat:ben', 150);
    expect(pages.flat().map((m) => m.id)).toEqual(all.map((m) => m.id));
    expect(pages.every((p) => p.length <= 150)).toBe(true);
    expect(store.problems).toEqual([]);
  });

  it('shows a message stored twice (its delivery state changed later) once, newest state, at its first place — also across pages', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-'));
    const lines: ChatMessage[] = [];
    for (let i = 0; i < 3_000; i++) {
      lines.push(message('chat:ben', i, i % 10 === 0 ? { delivery: 'sending' } : {}));
      // The delivered copy comes a few messages later, as when delivery takes a moment.
      if (i % 10 === 3 && i < 2_990) lines.push({ ...message('chat:ben', i - 3), delivery: 'delivered' });
    }
    await seed(root, 'ana@contoso.com', lines);
    const store = new HistoryStore(root, 'ana@contoso.com');
    for (const limit of [7, 100, 1_000]) {
      const pages = await everyPage(store, 'chat:ben', limit);
      const shown = pages.flat();
      expect(new Set(shown.map((m) => m.id)).size, `page size ${limit}`).toBe(3_000);
      // The last one's delivered copy never came: it is still sending.
      expect(shown.filter((m) => m.delivery === 'sending').map((m) => m.id), `page size ${limit}`).toEqual(['chat:ben/m2990']);
      const firstPlace = shown.map((m) => Number(m.id.split('/m')[1]));
      const displaced = firstPlace.filter((n, i) => i > 0 && n < (firstPlace[i - 1] ?? 0)).length;
      // Only a copy whose original lies past a read's end (a page, the window) can land a little off.
      expect(displaced, `page size ${limit}`).toBeLessThanOrEqual(pages.length + 1);
    }
  });

  it('keeps a window of the newest messages while many are saved, and pages cleanly from memory into the file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-'));
    const store = new HistoryStore(root, 'ana@contoso.com');
    await store.page('chat:ben', undefined, 50);
    const saved = Array.from({ length: 1_500 }, (_, i) => message('chat:ben', i));
    await Promise.all(saved.map((m) => store.save(m)));
    await store.save({ ...(saved[1_499] as ChatMessage), delivery: 'failed', failureReason: errorDetail('notSent', {}) });
    const pages = await everyPage(store, 'chat:ben', 64);
    expect(pages.flat().map((m) => m.id)).toEqual(saved.map((m) => m.id));
    expect(pages.flat().at(-1)?.delivery).toBe('failed');
    expect((await store.page('chat:ben', undefined, 100_000)).messages).toHaveLength(1_500);
  });

  it('refuses a cursor it did not hand out, with a clear error', async () => {
    const store = new HistoryStore(mkdtempSync(join(tmpdir(), 'ucwa-history-')), 'ana@contoso.com');
    await store.save(message('chat:ben', 1));
    await expect(store.page('chat:ben', 'o:-5', 10)).rejects.toThrow(/Not a history cursor/);
    await expect(store.page('chat:ben', '12', 10)).rejects.toThrow(/Not a history cursor/);
    await expect(store.page('chat:ben', 'o:abc', 10)).rejects.toThrow(/Not a history cursor/);
  });
});

describe('history search streams through the files', () => {
  it('finds matches anywhere in a long file without reading it whole, newest copy and newest first', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-'));
    const all = Array.from({ length: 20_000 }, (_, i) => message('chat:ben', i, i === 5 || i === 19_990 ? { text: `Quarterly "Report" ${i}` } : {}));
    all.push({ ...(all[5] as ChatMessage), delivery: 'failed' });
    await seed(root, 'ana@contoso.com', all);
    const files = new CountingFiles();
    const store = new HistoryStore(root, 'ana@contoso.com', { files });
    const hits = await store.search('"report"');
    expect(hits.map((h) => [h.message.text, h.message.delivery])).toEqual([
      ['Quarterly "Report" 19990', 'delivered'],
      ['Quarterly "Report" 5', 'failed'],
    ]);
    expect(files.wholeReads).toBe(0);
    expect((await store.search('MESSAGE 1999 é')).map((h) => h.message.id)).toEqual(['chat:ben/m1999']);
  });
});

describe('history lines', () => {
  const cases: Record<string, string> = {
    'ends with a newline': 'a\nbb\n\nccc\n',
    'cut short at the end': 'a\nbb\nccc',
    'only a newline': '\n',
    'starts with empty lines': '\n\nx\n',
    'multi-byte text across chunks': `${'é'.repeat(5)}\n${'€'.repeat(3)}\nzz\n`,
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`reads the same lines backwards as forwards, with exact byte offsets: ${name}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ucwa-lines-'));
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'f.jsonl');
      appendFileSync(file, text);
      const size = Buffer.byteLength(text);
      const expected = text.split('\n');
      if (expected.at(-1) === '') expected.pop();
      for (const chunk of [1, 2, 3, 5, 64]) {
        const back = [];
        for await (const line of linesBackward(nodeHistoryFiles, file, size, size, chunk)) back.unshift(line);
        const forward = [];
        for await (const line of linesForward(nodeHistoryFiles, file, size, chunk)) forward.push(line);
        expect(back.map((l) => l.text), `chunk ${chunk}`).toEqual(expected);
        expect(forward, `chunk ${chunk}`).toEqual(back);
        for (const line of back) expect(Buffer.from(text).subarray(line.offset).toString().startsWith(line.text)).toBe(true);
        expect(back.filter((l) => l.unfinished).map((l) => l.text)).toEqual(text.endsWith('\n') ? [] : [expected.at(-1)]);
      }
    });
  }
});
