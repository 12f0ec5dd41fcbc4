import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { HistoryStore } from '../../../src/main/history/history-store';

let n = 0;
function message(conversationId: string, text: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  n++;
  return { id: `m${n}`, conversationId, direction: 'in', from: { uri: 'sip:ben@contoso.com', name: 'Ben' }, text, time: 1_700_000_000_000 + n, delivery: 'delivered', ...extra };
}

function accountDir(root: string): string {
  const [dir] = readdirSync(root);
  return join(root, dir ?? '');
}

describe('history store', () => {
  it('survives a restart, pages newest-last, and keeps the latest delivery state', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-'));
    const store = new HistoryStore(root, 'ana@contoso.com');
    const sent = message('chat:ben', 'hi', { direction: 'out', delivery: 'sending' });
    await store.save(sent);
    for (let i = 0; i < 5; i++) await store.save(message('chat:ben', `line ${i}`));
    await store.save({ ...sent, delivery: 'delivered' });
    const reopened = new HistoryStore(root, 'ana@contoso.com');
    const last = await reopened.page('chat:ben', undefined, 4);
    expect(last.messages.map((m) => m.text)).toEqual(['line 1', 'line 2', 'line 3', 'line 4']);
    const older = await reopened.page('chat:ben', last.olderCursor, 4);
    expect(older.messages.map((m) => [m.text, m.delivery])).toEqual([['hi', 'delivered'], ['line 0', 'delivered']]);
    expect(older.olderCursor).toBeUndefined();
    expect(reopened.problems).toEqual([]);
  });

  it('keeps a group chat\'s joins and leaves as data across a restart', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-'));
    const store = new HistoryStore(root, 'ana@contoso.com');
    const carl = { uri: 'sip:carl@contoso.com', name: 'Carl Berg' };
    await store.save({ ...message('group:g1', ''), from: carl, system: { kind: 'joined', who: carl } });
    await store.save({ ...message('group:g1', ''), id: 'left-1', from: carl, system: { kind: 'left', who: carl } });
    const reopened = new HistoryStore(root, 'ana@contoso.com');
    const page = await reopened.page('group:g1', undefined, 10);
    expect(page.messages.map((m) => [m.system?.kind, m.system?.who.name])).toEqual([['joined', 'Carl Berg'], ['left', 'Carl Berg']]);
    expect(reopened.problems).toEqual([]);
  });

  it('searches every conversation of the account by text, newest first, and keeps accounts apart', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-'));
    const ana = new HistoryStore(root, 'ana@contoso.com');
    await ana.save(message('chat:ben', 'Lunch at noon?'));
    await ana.save(message('chat:lena', 'no LUNCH today'));
    await ana.save(message('chat:lena', 'something else'));
    await new HistoryStore(root, 'dana@contoso.com').save(message('chat:x', 'lunch for dana'));
    const hits = await new HistoryStore(root, 'ana@contoso.com').search('lunch');
    expect(hits.map((h) => [h.conversationId, h.message.text])).toEqual([['chat:lena', 'no LUNCH today'], ['chat:ben', 'Lunch at noon?']]);
    expect((await new HistoryStore(root, 'ana@contoso.com').conversationIds()).sort()).toEqual(['chat:ben', 'chat:lena']);
  });

  it('skips and reports a corrupt tail (a crash mid-write) and a damaged line, losing nothing else', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-'));
    const store = new HistoryStore(root, 'ana@contoso.com');
    for (const text of ['one', 'two', 'three']) await store.save(message('chat:ben', text));
    const dir = accountDir(root);
    const file = join(dir, readdirSync(dir)[0] ?? '');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = (lines[1] ?? '').replace('two', 'TWO');
    writeFileSync(file, lines.join('\n'));
    appendFileSync(file, '{"v":1,"c":"abc","m":{"id":"half');
    const reopened = new HistoryStore(root, 'ana@contoso.com');
    const page = await reopened.page('chat:ben', undefined, 10);
    expect(page.messages.map((m) => m.text)).toEqual(['one', 'three']);
    // The window is told, so it can say that some saved history could not be shown.
    expect(page.damaged).toBe(2);
    await reopened.conversationIds();
    expect((await reopened.page('chat:ben', undefined, 10)).damaged).toBe(2);
    expect((await reopened.page('chat:lena', undefined, 10)).damaged).toBeUndefined();
    expect(reopened.problems.map((p) => [p.line, p.reason])).toEqual([
      [2, 'checksum mismatch'],
      [4, 'not JSON (an unfinished last line, as after a crash)'],
    ]);
    await reopened.save(message('chat:ben', 'four'));
    // The next write starts on a fresh line, so the damaged tail does not swallow it.
    const again = new HistoryStore(root, 'ana@contoso.com');
    expect((await again.page('chat:ben', undefined, 10)).messages.map((m) => m.text)).toEqual(['one', 'three', 'four']);
  });

  it('keeps every one of many concurrent saves, in order', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ucwa-history-'));
    const store = new HistoryStore(root, 'ana@contoso.com');
    const batch = Array.from({ length: 200 }, (_, i) => message('chat:ben', `m${i}`));
    await Promise.all(batch.map((m) => store.save(m)));
    const reopened = new HistoryStore(root, 'ana@contoso.com');
    expect((await reopened.page('chat:ben', undefined, 500)).messages.map((m) => m.text)).toEqual(batch.map((m) => m.text));
  });
});
