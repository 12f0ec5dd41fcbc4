// The history's on-disk format and its edges: where an account's files live (changing that would
// lose everyone's history), lines that are not messages, files cut short, lookups and search limits.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { parseHistoryLine } from '../../../src/main/history/history-record';
import { HistoryStore, encodeHistoryLine } from '../../../src/main/history/history-store';
import { errorDetail } from '../../../src/shared/error-detail';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const checksum = (text: string): string => sha(text).slice(0, 16);
const accountDir = (root: string, account: string): string => join(root, sha(account).slice(0, 24));
const fileOf = (root: string, account: string, conversationId: string): string => join(accountDir(root, account), `${sha(conversationId).slice(0, 32)}.jsonl`);

let n = 0;
function message(conversationId: string, text: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  n++;
  return { id: `id-${n}`, conversationId, direction: 'in', from: { uri: 'sip:ben@contoso.com', name: 'Ben' }, text, time: 1_000 + n, delivery: 'delivered', ...extra };
}

function freshRoot(): string {
  return mkdtempSync(join(tmpdir(), 'ucwa-history-edges-'));
}

describe('history lines', () => {
  const valid = message('chat:ben', 'hello', { html: '<b>hello</b>', failureReason: errorDetail('cannotReach', { host: 'lync.contoso.com', cause: 'ECONNRESET' }), delivery: 'failed', direction: 'out' });

  it('read back exactly what was written, html and failure reason included', () => {
    expect(parseHistoryLine(encodeHistoryLine(valid).trim(), checksum)).toEqual({ ok: true, message: valid });
    const plain = message('chat:ben', 'plain');
    const parsed = parseHistoryLine(encodeHistoryLine(plain).trim(), checksum);
    expect(parsed).toEqual({ ok: true, message: plain });
    expect(parsed.ok && Object.keys(parsed.message)).not.toContain('html');
  });

  it('name what is wrong with a line that is not a stored message', () => {
    const line = (m: unknown, v: unknown = 1): string => JSON.stringify({ v, c: checksum(JSON.stringify(m)), m });
    expect(parseHistoryLine('{"v":1', checksum)).toEqual({ ok: false, reason: 'not JSON' });
    expect(parseHistoryLine(line(valid, 2), checksum)).toEqual({ ok: false, reason: 'not a history record' });
    expect(parseHistoryLine(JSON.stringify({ v: 1, m: valid }), checksum)).toEqual({ ok: false, reason: 'not a history record' });
    expect(parseHistoryLine(JSON.stringify({ v: 1, c: 'nope', m: valid }), checksum)).toEqual({ ok: false, reason: 'checksum mismatch' });
    for (const broken of [{ ...valid, id: '' }, { ...valid, conversationId: '' }, { ...valid, direction: 'sideways' }, { ...valid, delivery: 'lost' }, { ...valid, time: 'noon' }]) {
      expect(parseHistoryLine(line(broken), checksum), JSON.stringify(broken)).toEqual({ ok: false, reason: 'not a message' });
    }
    for (const fine of [{ ...valid, direction: 'in' }, { ...valid, delivery: 'sending' }, { ...valid, delivery: 'delivered' }]) {
      expect(parseHistoryLine(line(fine), checksum).ok, JSON.stringify(fine)).toBe(true);
    }
  });
});

describe('history files', () => {
  it('live under a folder named for the account, whatever its case', async () => {
    const root = freshRoot();
    await new HistoryStore(root, 'Ana@Contoso.com').save(message('chat:ben', 'hi'));
    expect(readFileSync(fileOf(root, 'ana@contoso.com', 'chat:ben'), 'utf8')).toContain('"hi"');
    expect((await new HistoryStore(root, 'ANA@CONTOSO.COM').page('chat:ben', undefined, 10)).messages.map((m) => m.text)).toEqual(['hi']);
  });

  it('a whole file gets no blank line between runs; an empty one gets none at its start', async () => {
    const root = freshRoot();
    await new HistoryStore(root, 'ana@contoso.com').save(message('chat:ben', 'one'));
    await new HistoryStore(root, 'ana@contoso.com').save(message('chat:ben', 'two'));
    const file = fileOf(root, 'ana@contoso.com', 'chat:ben');
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(3);
    const empty = fileOf(root, 'ana@contoso.com', 'chat:lena');
    writeFileSync(empty, '');
    await new HistoryStore(root, 'ana@contoso.com').save(message('chat:lena', 'first'));
    expect(readFileSync(empty, 'utf8').startsWith('{')).toBe(true);
  });

  it('reports a damaged first line in each of two conversations', async () => {
    const root = freshRoot();
    const store = new HistoryStore(root, 'ana@contoso.com');
    await store.save(message('chat:ben', 'b'));
    await store.save(message('chat:lena', 'l'));
    for (const id of ['chat:ben', 'chat:lena']) writeFileSync(fileOf(root, 'ana@contoso.com', id), `garbage\n${readFileSync(fileOf(root, 'ana@contoso.com', id), 'utf8')}`);
    const reopened = new HistoryStore(root, 'ana@contoso.com');
    expect((await reopened.page('chat:ben', undefined, 10)).damaged).toBe(1);
    expect((await reopened.page('chat:lena', undefined, 10)).damaged).toBe(1);
    expect(reopened.problems.map((p) => [p.line, p.reason])).toEqual([
      [1, 'not JSON'],
      [1, 'not JSON'],
    ]);
  });

  it('knows whether it holds a message', async () => {
    const store = new HistoryStore(freshRoot(), 'ana@contoso.com');
    const kept = message('chat:ben', 'kept');
    await store.save(kept);
    await store.save(message('chat:ben', 'other'));
    expect(await store.has('chat:ben', kept.id)).toBe(true);
    expect(await store.has('chat:ben', 'id-none')).toBe(false);
    expect(await store.has('chat:lena', kept.id)).toBe(false);
  });

  it('lists the conversations it has files for, and only those files', async () => {
    const root = freshRoot();
    const fresh = new HistoryStore(root, 'ana@contoso.com');
    await fresh.page('chat:ben', undefined, 10);
    // No folder yet: what was opened in this run.
    expect(await fresh.conversationIds()).toEqual(['chat:ben']);
    await new HistoryStore(root, 'ana@contoso.com').save(message('chat:lena', 'x'));
    writeFileSync(join(accountDir(root, 'ana@contoso.com'), 'leftover.tmp'), encodeHistoryLine(message('chat:ghost', 'x')));
    mkdirSync(join(accountDir(root, 'ana@contoso.com'), 'sub.jsonl.d'), { recursive: true });
    expect(await new HistoryStore(root, 'ana@contoso.com').conversationIds()).toEqual(['chat:lena']);
  });
});

describe('history search', () => {
  it('ignores blank queries, trims the query, and keeps the newest hits up to the limit', async () => {
    const store = new HistoryStore(freshRoot(), 'ana@contoso.com');
    for (let i = 0; i < 5; i++) await store.save(message(i % 2 === 0 ? 'chat:ben' : 'chat:lena', `Report ${i}`));
    await store.save(message('chat:ben', 'unrelated'));
    expect(await store.search('   ')).toEqual([]);
    expect(await store.search('')).toEqual([]);
    const hits = await store.search('  REPORT ', 3);
    expect(hits.map((h) => h.message.text)).toEqual(['Report 4', 'Report 3', 'Report 2']);
    expect(hits.map((h) => h.conversationId)).toEqual(['chat:ben', 'chat:lena', 'chat:ben']);
    expect(await store.search('report')).toHaveLength(5);
  });
});
