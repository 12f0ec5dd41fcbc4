// A 1,000,000-message conversation on disk: opening it (its newest page) and searching the whole
// history. The file is generated once and kept in the temp folder for later runs. Prints; never
// fails on speed.
import { appendFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChatMessage } from '../src/shared/domain';
import { HistoryStore, encodeHistoryLine } from '../src/main/history/history-store';
import { median, ms } from './stats';

const MESSAGES = 1_000_000;
const ACCOUNT = 'bench@contoso.com';

async function historyRoot(): Promise<string> {
  const root = join(tmpdir(), 'ucwa-bench-history-v1');
  if (existsSync(join(root, 'complete'))) return root;
  rmSync(root, { recursive: true, force: true });
  const building = `${root}.building`;
  rmSync(building, { recursive: true, force: true });
  const store = new HistoryStore(building, ACCOUNT);
  const first: ChatMessage = { id: 'm0', conversationId: 'chat:ben@contoso.com', direction: 'in', from: { uri: 'sip:ben@contoso.com', name: 'Ben' }, text: 'message 0', time: 1_600_000_000_000, delivery: 'delivered' };
  await store.save(first);
  const dir = join(building, readdirSync(building)[0] ?? '');
  const file = join(dir, readdirSync(dir)[0] ?? '');
  for (let start = 1; start < MESSAGES; start += 20_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(MESSAGES, start + 20_000); i++) {
      const out = i % 2 === 0;
      lines.push(encodeHistoryLine({ id: `m${i}`, conversationId: first.conversationId, direction: out ? 'out' : 'in', from: out ? { uri: 'sip:ana@contoso.com', name: 'Ana' } : first.from, text: i === 123_456 ? 'the quarterly budget spreadsheet' : `message ${i}: see you at the meeting`, time: first.time + i * 1000, delivery: 'delivered' }));
    }
    appendFileSync(file, lines.join(''));
  }
  mkdirSync(building, { recursive: true });
  renameSync(building, root);
  appendFileSync(join(root, 'complete'), '');
  return root;
}

export async function benchHistory(runs: number): Promise<{ historyOpen1mMs: number; historySearch1mMs: number }> {
  const root = await historyRoot();
  const open: number[] = [];
  const search: number[] = [];
  let found = 0;
  for (let r = 0; r < runs; r++) {
    // A fresh store each time: nothing of the conversation in memory, as after a restart.
    const store = new HistoryStore(root, ACCOUNT);
    let start = performance.now();
    const page = await store.page('chat:ben@contoso.com', undefined, 100);
    open.push(performance.now() - start);
    if (page.messages.length !== 100) throw new Error('the newest page did not come back whole');
    start = performance.now();
    found = (await store.search('quarterly budget')).length;
    search.push(performance.now() - start);
  }
  console.log(`history of ${MESSAGES.toLocaleString('en-US')} messages: open (newest 100) ${ms(median(open))}; search streaming the whole file ${ms(median(search))} (${found} hit; median of ${runs})`);
  return { historyOpen1mMs: median(open), historySearch1mMs: median(search) };
}
