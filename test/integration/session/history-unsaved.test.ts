// The session with a history on a disk that fills up, against the simulator: the chat is told
// ("History could not be saved: disk full — will retry") through the conversation's state, the
// messages stay on screen, and after space returns and a restart not one message is missing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage, ConversationSummary } from '../../../src/shared/domain';
import type { EventName } from '../../../src/shared/ipc-contract';
import { HistoryStore } from '../../../src/main/history/history-store';
import { headlessSession } from '../../../src/main/session/headless-session';
import { UcwaClient } from '../../../src/main/ucwa/index';
import { startSim } from '../../support/simulator';
import { mountRefusal, mountTmpfs } from './support/disk';
import type { MountedDisk } from './support/disk';
import { FaultyHistoryFiles } from './support/faulty-history-files';

const disks: MountedDisk[] = [];
afterEach(() => {
  for (const disk of disks.splice(0)) disk.unmount();
});

interface Disk {
  readonly root: string;
  readonly files?: FaultyHistoryFiles;
  fill(): void;
  makeRoom(): void;
}

/** A real 64 KiB tmpfs where mount is allowed; otherwise the fault layer (and it says which). */
function fullableDisk(): Disk {
  if (mountRefusal === undefined) {
    const disk = mountTmpfs('64k');
    disks.push(disk);
    console.log('history-unsaved: a real 64 KiB tmpfs fills up');
    // Fill it with a file of our own, removed again to make room.
    return {
      root: disk.dir,
      fill: () => {
        try {
          writeFileSync(join(disk.dir, 'ballast'), Buffer.alloc(1 << 20));
        } catch {
          // ENOSPC, as intended: the ballast took every free block it could.
        }
      },
      makeRoom: () => rmSync(join(disk.dir, 'ballast')),
    };
  }
  console.log(`history-unsaved: the fault layer stands in for a full disk (${mountRefusal})`);
  const files = new FaultyHistoryFiles();
  return { root: mkdtempSync(join(tmpdir(), 'ucwa-unsaved-')), files, fill: () => files.fail('ENOSPC'), makeRoom: () => files.heal() };
}

describe('unsaved history in the session', () => {
  it('says so in the conversation while the disk is full, keeps the chat, and loses nothing after a restart', async () => {
    const sim = await startSim();
    const disk = fullableDisk();
    const pushes: { name: EventName; payload: unknown }[] = [];
    const open = (account: string) => new HistoryStore(disk.root, account, { retryBaseMs: 20, retryMaxMs: 100, ...(disk.files === undefined ? {} : { files: disk.files }) });
    const session = headlessSession({
      createClient: (o) => new UcwaClient({ ...o, endpointId: 'unsaved-ana', backoffBaseMs: 50 }),
      demo: { start: async () => ({ server: sim.url, user: 'ana@contoso.com', password: 'demo' }) },
      push: (name, payload) => pushes.push({ name, payload }),
      openHistory: open,
    });
    const handlers = session.handlers();
    await handlers.signInDemo({}, { windowId: 1 });
    const conversationId = await handlers.openChat({ uri: 'echo@contoso.com' }, { windowId: 1 });
    const summaries = (): ConversationSummary[] => pushes.filter((p) => p.name === 'conversationChanged').map((p) => p.payload as ConversationSummary).filter((s) => s.id === conversationId);
    const echoes = (): ChatMessage[] => pushes.filter((p) => p.name === 'messageAdded').map((p) => p.payload as ChatMessage).filter((m) => m.direction === 'in');

    await handlers.sendMessage({ conversationId, text: 'saved fine' }, { windowId: 1 });
    await expect.poll(() => echoes().length).toBe(1);
    disk.fill();
    for (const text of ['one', 'two', 'three']) await handlers.sendMessage({ conversationId, text: `${text} ${'.'.repeat(2_000)}` }, { windowId: 1 });
    await expect.poll(() => echoes().length, { timeout: 10_000 }).toBe(4);
    await expect.poll(() => summaries().at(-1)?.unsavedHistory?.reason).toBe('disk full');
    expect(session.snapshot().conversations.find((c) => c.id === conversationId)?.unsavedHistory?.count).toBeGreaterThan(0);
    // The chat still has everything: from memory.
    const page = await handlers.getHistory({ conversationId, limit: 50 }, { windowId: 1 });
    expect(page.messages.map((m) => m.text.slice(0, 10)).sort()).toEqual(['saved fine', 'Echo: save', 'one ......', 'Echo: one ', 'two ......', 'Echo: two ', 'three ....', 'Echo: thre'].sort());

    disk.makeRoom();
    await expect.poll(() => summaries().at(-1)?.unsavedHistory, { timeout: 10_000 }).toBeUndefined();
    await session.signOut();

    // A restart: a new history on the same disk.
    const reopened = open('ana@contoso.com');
    const onDisk = await reopened.page(conversationId, undefined, 50);
    // Every one, in the order the chat showed them.
    expect(onDisk.messages.map((m) => m.text)).toEqual(page.messages.map((m) => m.text));
    expect(onDisk.messages.every((m) => m.delivery === 'delivered')).toBe(true);
    expect(reopened.problems).toEqual([]);
  });
});
