// Memory per message (bench/index.ts, run with --expose-gc): incoming messages through the session's
// conversation model and the persistent history, as in the app. Prints `MEMORY {"rssMb":[…]}`: RSS
// after GC before the first message and after each further 10,000.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore } from '../src/main/history/history-store';
import { ThreadsController } from '../src/main/session/threads-controller';
import type { UcwaClient, UcwaEvent } from '../src/main/ucwa/index';

const rounds = Number(process.argv[2] ?? '2');
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const root = mkdtempSync(join(tmpdir(), 'ucwa-bench-memory-'));
const history = new HistoryStore(root, 'ana@contoso.com');
const threads = new ThreadsController(
  {
    push: () => undefined,
    windows: { openChat: () => undefined, openSettings: () => undefined, hide: () => undefined, isChatFocused: () => false },
    notify: { incomingMessage: () => undefined },
    client: () => ({}) as UcwaClient,
    me: () => ({ uri: 'sip:ana@contoso.com', name: 'Ana', presence: { availability: 'Online' } }),
    contact: () => undefined,
    history: () => history,
    isUp: () => true,
    now: () => Date.now(),
    autoAccept: () => true,
  },
  { outboxTimeoutMs: 60_000, retryBaseMs: 1_000 },
);
const senders = ['ben', 'carl', 'dana', 'omar', 'lena'];
let n = 0;
async function receive(count: number): Promise<void> {
  for (let i = 0; i < count; i++, n++) {
    const who = senders[n % senders.length] ?? 'ben';
    const event: UcwaEvent = { type: 'messageReceived', conversationId: `/ucwa/oauth/v1/applications/1/communication/conversations/${who}`, messageId: `/ucwa/oauth/v1/applications/1/communication/conversations/${who}/messaging/messages/${n}`, from: { uri: `sip:${who}@contoso.com`, name: who }, time: new Date(), text: `Message number ${n} from ${who}: lunch at noon tomorrow, the usual place?` };
    threads.onEvent(event, {} as UcwaClient);
    if (i % 500 === 499) await history.flush();
  }
  await history.flush();
}
const heapMb: number[] = [];
function rssAfterGc(): number {
  for (let i = 0; i < 3; i++) gc?.();
  const usage = process.memoryUsage();
  heapMb.push(usage.heapUsed / 1024 / 1024);
  return usage.rss / 1024 / 1024;
}
// Warm-up: code compiled, first files open, before the baseline.
await receive(2_000);
const rssMb = [rssAfterGc()];
for (let r = 0; r < rounds; r++) {
  await receive(10_000);
  rssMb.push(rssAfterGc());
}
rmSync(root, { recursive: true, force: true });
console.log(`MEMORY ${JSON.stringify({ rssMb, heapMb })}`);
process.exit(0);
