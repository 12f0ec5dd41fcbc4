// npm run soak: 50 conversations, 5,000 messages each way (over SOAK_SECONDS, default 60) while random
// faults hit the event channels; then checks nothing was lost or duplicated. Not part of the
// default tests (it takes minutes). Prints messages/s, recovery times and RSS growth; exits 1 on
// a message lost without its sender being told, or shown twice. A message the server had accepted
// when the sender's application vanished may or may not have arrived: it is shown as failed with
// Retry (never resent on its own), and counted apart.
//
// `--disk-full` (npm run soak -- --disk-full): every side also keeps a history on disk, and for the
// middle third of the sending the disk refuses every write (ENOSPC, injected in the history's file
// layer). After a restart (a fresh history on the same folders) every message sent or received
// must be on disk: lost-on-disk must be 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ChatMessage } from '../src/shared/domain';
import { nodeHistoryFiles } from '../src/main/history/history-files';
import type { HistoryFiles } from '../src/main/history/history-files';
import { HistoryStore } from '../src/main/history/history-store';
import { headlessSession } from '../src/main/session/headless-session';
import type { SessionService } from '../src/main/session/session-service';
import { UcwaClient } from '../src/main/ucwa/index';
import { createSimulator } from '../src/simulator/index';
import { median, ms, percentile } from './stats';

const CONVERSATIONS = Number(process.env.SOAK_CONVERSATIONS ?? 50);
const MESSAGES_EACH_WAY = Number(process.env.SOAK_MESSAGES ?? 5_000);
const perConversation = Math.ceil(MESSAGES_EACH_WAY / CONVERSATIONS);
/** Sending is spread over this long so that faults land while traffic flows. */
const SEND_SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const DISK_FULL = process.argv.includes('--disk-full');

/** The real disk, except that while `full` every append fails as a full disk does. */
const disk = { full: false, refused: 0 };
const fullableFiles: HistoryFiles = {
  append: async (dir, file, text) => {
    if (disk.full) {
      disk.refused++;
      throw Object.assign(new Error('ENOSPC: no space left on device (injected)'), { code: 'ENOSPC' });
    }
    await nodeHistoryFiles.append(dir, file, text);
  },
  read: (file) => nodeHistoryFiles.read(file),
  list: (dir) => nodeHistoryFiles.list(dir),
  size: (file) => nodeHistoryFiles.size(file),
  readRange: (file, start, length) => nodeHistoryFiles.readRange(file, start, length),
};
const historyRoot = DISK_FULL ? mkdtempSync(join(tmpdir(), 'ucwa-soak-history-')) : '';
const openHistory = (account: string): HistoryStore => new HistoryStore(historyRoot, account, { files: fullableFiles, retryBaseMs: 200, retryMaxMs: 2_000 });

interface Side {
  readonly uri: string;
  readonly service: SessionService;
  readonly received: Map<string, string[]>;
  readonly delivered: Set<string>;
  readonly failed: Map<string, string>;
  /** Every message this side showed (sent or received), by id: what its history must hold. */
  readonly shown: Map<string, string>;
  /** Conversations whose chat was told "History could not be saved". */
  readonly toldUnsaved: Set<string>;
  reconnectStartedAt: number | undefined;
  readonly recoveries: number[];
}

const users = Array.from({ length: CONVERSATIONS + 1 }, (_, i) => ({ uri: `sip:u${String(i).padStart(3, '0')}@contoso.com`, name: `User ${i}`, password: 'demo' }));
const sim = createSimulator({ directory: { domain: 'contoso.com', users, scripted: [] }, botDelayMs: 10 });
const { url } = await sim.start();

function side(uri: string): Side {
  const s: Side = { uri, service: undefined as unknown as SessionService, received: new Map(), delivered: new Set(), failed: new Map(), shown: new Map(), toldUnsaved: new Set(), reconnectStartedAt: undefined, recoveries: [] };
  const service = headlessSession({
    createClient: (o) => new UcwaClient({ ...o, endpointId: `soak-${uri}`, backoffBaseMs: 200, backoffMaxMs: 2_000, invitationTimeoutMs: 45_000, deliveryTimeoutMs: 45_000 }),
    demo: { start: async () => ({ server: url, user: uri.replace(/^sip:/, ''), password: 'demo' }) },
    push: (name, payload) => {
      if (name === 'messageAdded' || name === 'messageUpdated') s.shown.set((payload as ChatMessage).id, (payload as ChatMessage).conversationId);
      if (name === 'conversationChanged' && (payload as { unsavedHistory?: unknown }).unsavedHistory !== undefined) s.toldUnsaved.add((payload as { id: string }).id);
      if (name === 'messageAdded') {
        const m = payload as ChatMessage;
        if (m.direction === 'in') s.received.set(m.conversationId, [...(s.received.get(m.conversationId) ?? []), m.text]);
      } else if (name === 'messageUpdated') {
        const m = payload as ChatMessage;
        if (m.delivery === 'delivered') s.delivered.add(m.id);
        if (m.delivery === 'failed') s.failed.set(m.id, m.failureReason?.reason ?? '');
      } else if (name === 'connectionChanged') {
        const state = (payload as { state: string }).state;
        if (state === 'reconnecting' && s.reconnectStartedAt === undefined) s.reconnectStartedAt = performance.now();
        if (state === 'connected' && s.reconnectStartedAt !== undefined) {
          s.recoveries.push(performance.now() - s.reconnectStartedAt);
          s.reconnectStartedAt = undefined;
        }
      }
    },
    reconnectBaseMs: 300,
    reconnectMaxMs: 3_000,
    ...(DISK_FULL ? { openHistory } : {}),
  });
  Object.assign(s, { service });
  return s;
}

const hub = side(users[0]?.uri ?? '');
const peers = users.slice(1).map((u) => side(u.uri));
const rssBefore = process.memoryUsage().rss;
await hub.service.handlers().signInDemo({}, { windowId: 1 });
for (const peer of peers) await peer.service.handlers().signInDemo({}, { windowId: 1 });
console.log(`soak: ${CONVERSATIONS} conversations, ${perConversation * CONVERSATIONS} messages each way, random faults`);

const faults = [
  (uri: string) => sim.control.dropEventConnections(uri),
  () => sim.control.failNext({ count: 3, status: 503, path: '/events', retryAfterSeconds: 1 }),
  (uri: string) => sim.control.expireToken(uri),
  (uri: string) => sim.control.staleEventLinks(uri),
  (uri: string) => sim.control.expireApplication(uri),
];
let faultCount = 0;
const faultTimer = setInterval(() => {
  const all = [hub, ...peers];
  const victim = all[Math.floor(Math.random() * all.length)];
  const fault = faults[Math.floor(Math.random() * faults.length)];
  if (victim !== undefined && fault !== undefined) {
    fault(victim.uri.replace(/^sip:/, ''));
    faultCount++;
  }
}, 1_500);

const started = performance.now();
const hubChats = await Promise.all(peers.map((p) => hub.service.handlers().openChat({ uri: p.uri }, { windowId: 1 })));
const peerChats = await Promise.all(peers.map((p) => p.service.handlers().openChat({ uri: hub.uri }, { windowId: 1 })));
const sentHub: ChatMessage[] = [];
const sentPeers: ChatMessage[] = [];
for (let i = 0; i < perConversation; i++) {
  // The middle third of the sending happens on a full disk.
  if (DISK_FULL) disk.full = i >= perConversation / 3 && i < (2 * perConversation) / 3;
  await Promise.all(
    peers.map(async (peer, c) => {
      sentHub.push(await hub.service.handlers().sendMessage({ conversationId: hubChats[c] ?? '', text: `h${c}-${i}` }, { windowId: 1 }));
      sentPeers.push(await peer.service.handlers().sendMessage({ conversationId: peerChats[c] ?? '', text: `p${c}-${i}` }, { windowId: 1 }));
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, (SEND_SECONDS * 1000) / perConversation));
}
clearInterval(faultTimer);
disk.full = false;

const deadline = performance.now() + 5 * 60_000;
const settled = (): boolean => sentHub.every((m) => hub.delivered.has(m.id) || hub.failed.has(m.id)) && sentPeers.every((m) => peers.some((p) => p.delivered.has(m.id) || p.failed.has(m.id)));
while (!settled() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
const seconds = (performance.now() - started) / 1000;

let lost = 0;
let duplicated = 0;
let failed = 0;
const lostTexts: string[] = [];
const duplicatedTexts: string[] = [];
// What the sender was told did not (or may not have) get through: shown as failed, with Retry.
const textOf = new Map([...sentHub, ...sentPeers].map((m) => [m.id, m.text]));
const failedTexts = new Set([hub, ...peers].flatMap((s) => [...s.failed.keys()].map((id) => textOf.get(id) ?? id)));
let arrivedAnyway = 0;
let failedNotArrived = 0;
for (const [c, peer] of peers.entries()) {
  const expectedAtPeer = Array.from({ length: perConversation }, (_, i) => `h${c}-${i}`);
  const expectedAtHub = Array.from({ length: perConversation }, (_, i) => `p${c}-${i}`);
  const atPeer = [...peer.received.values()].flat().filter((t) => t.startsWith(`h${c}-`));
  const atHub = [...hub.received.values()].flat().filter((t) => t.startsWith(`p${c}-`));
  for (const [expected, got] of [[expectedAtPeer, atPeer], [expectedAtHub, atHub]] as const) {
    const seen = new Map<string, number>();
    for (const t of got) seen.set(t, (seen.get(t) ?? 0) + 1);
    for (const t of expected) {
      if (seen.has(t)) {
        if (failedTexts.has(t)) arrivedAnyway++;
      } else if (failedTexts.has(t)) {
        failedNotArrived++;
      } else {
        // Neither arrived nor reported failed to the sender: lost without anybody being told.
        lost++;
        lostTexts.push(t);
      }
    }
    for (const [t, n] of seen) if (n > 1) {
      duplicated += n - 1;
      duplicatedTexts.push(t);
    }
  }
  failed += peer.failed.size;
}
failed += hub.failed.size;
const recoveries = [hub, ...peers].flatMap((s) => s.recoveries);
console.log(`messages: ${sentHub.length + sentPeers.length} in ${seconds.toFixed(1)} s = ${((sentHub.length + sentPeers.length) / seconds).toFixed(0)} messages/s (sending paced over ${SEND_SECONDS} s; SOAK_SECONDS=0 for flat out)`);
console.log(`faults injected: ${faultCount}; recoveries: ${recoveries.length}, median ${ms(median(recoveries))}, p95 ${ms(percentile(recoveries, 95))}`);
console.log(`lost without the sender being told: ${lost}, duplicated: ${duplicated}, shown as failed with Retry: ${failed} (${failedNotArrived} did not arrive, ${arrivedAnyway} arrived anyway)`);
if (lostTexts.length > 0) console.log(`lost: ${lostTexts.slice(0, 20).join(', ')}`);
if (duplicatedTexts.length > 0) console.log(`duplicated: ${duplicatedTexts.slice(0, 20).join(', ')}`);
const failures = [hub, ...peers].flatMap((s) => [...s.failed.values()]);
if (failures.length > 0) console.log(`failure reasons: ${[...new Set(failures)].slice(0, 10).join(' | ')}`);
console.log(`RSS growth: ${((process.memoryUsage().rss - rssBefore) / 1024 / 1024).toFixed(1)} MiB`);
for (const s of [hub, ...peers]) await s.service.signOut().catch(() => undefined);
await sim.stop();

let lostOnDisk = 0;
if (DISK_FULL) {
  // Sign-out flushed what was waiting; a restart reads every history afresh.
  for (const s of [hub, ...peers]) {
    const reopened = openHistory(s.uri.replace(/^sip:/, ''));
    const onDisk = new Set<string>();
    for (const conversationId of new Set(s.shown.values())) for (const m of (await reopened.page(conversationId, undefined, 1_000_000)).messages) onDisk.add(m.id);
    for (const id of s.shown.keys()) if (!onDisk.has(id)) lostOnDisk++;
  }
  const told = [hub, ...peers].reduce((n, s) => n + s.toldUnsaved.size, 0);
  console.log(`disk full for the middle third: ${disk.refused} writes refused; ${told} chats were told their history could not be saved; after a restart lost on disk: ${lostOnDisk}`);
  rmSync(historyRoot, { recursive: true, force: true });
}
process.exit(lost === 0 && duplicated === 0 && lostOnDisk === 0 ? 0 : 1);
