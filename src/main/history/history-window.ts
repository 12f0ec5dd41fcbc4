// One open conversation's newest messages in memory, and pages of older ones read back from the
// end of its file. A message stored twice (a newer delivery state appended later) counts once, with
// its newest content, at the place of its oldest copy met so far. A cursor is opaque to the windows:
// `m:<hash of a message id>` (older than that message of the window) or `o:<byte offset>` (older than
// that line of the file).
import { createHash } from 'node:crypto';
import type { ChatMessage, HistoryPage } from '../../shared/domain';
import type { HistoryReader, StoredMessage } from './history-reader';

/** Newest messages a window keeps; it is dropped and read again once it has grown to twice that. */
export const WINDOW_MESSAGES = 200;

export interface ConversationWindow {
  readonly file: string;
  /** Oldest first, one per message id. */
  readonly messages: ChatMessage[];
  /** The file's lines starting before this byte offset are not in `messages` (0: all are). */
  readonly diskBefore: number;
  /** Ids of older messages already handed out while paging back, so a copy further back is not shown twice. */
  olderSeen: Set<string>;
}

export async function loadWindow(reader: HistoryReader, file: string, unsaved: readonly ChatMessage[]): Promise<ConversationWindow> {
  const { newestFirst, stoppedAt } = await collect(reader.backward(file), new Set(), WINDOW_MESSAGES);
  const window: ConversationWindow = { file, messages: newestFirst.reverse(), diskBefore: stoppedAt ?? 0, olderSeen: new Set() };
  // Saved but not on disk yet (a full disk): the chat still shows them, in the order they were saved.
  for (const message of unsaved) upsertWindow(window, message);
  return window;
}

/** Adds or replaces (by id, keeping its place) a message; returns the window's new length. */
export function upsertWindow(window: ConversationWindow, message: ChatMessage): number {
  for (let i = window.messages.length - 1; i >= 0; i--) {
    if (window.messages[i]?.id === message.id) {
      window.messages[i] = message;
      return window.messages.length;
    }
  }
  window.messages.push(message);
  return window.messages.length;
}

export async function readPage(reader: HistoryReader, window: ConversationWindow, before: string | undefined, limit: number): Promise<HistoryPage> {
  const count = wholeLimit(limit);
  if (before === undefined) {
    window.olderSeen = new Set();
    return fromWindow(reader, window, window.messages.length, count);
  }
  const [kind, value = ''] = splitCursor(before);
  if (kind === 'm') {
    const index = window.messages.findIndex((m) => idHash(m.id) === value);
    if (index >= 0) return fromWindow(reader, window, index, count);
    // The window was read again meanwhile: find that message on disk, then go on from there.
    let passed = false;
    const after = filter(reader.backward(window.file), (s) => {
      if (passed) return true;
      passed = idHash(s.message.id) === value;
      return false;
    });
    return fromDisk(window, after, [], count);
  }
  const offset = Number(value);
  if (kind !== 'o' || value === '' || !Number.isSafeInteger(offset) || offset < 0) throw new Error(`Not a history cursor: ${JSON.stringify(before.slice(0, 40))}.`);
  return fromDisk(window, reader.backward(window.file, offset), [], count);
}

function splitCursor(cursor: string): [string, string] {
  const colon = cursor.indexOf(':');
  return colon < 0 ? ['', cursor] : [cursor.slice(0, colon), cursor.slice(colon + 1)];
}

function idHash(id: string): string {
  return createHash('sha1').update(id).digest('hex').slice(0, 16);
}

/** Messages of the window before `end`, then (if the page is not full) from the file. */
async function fromWindow(reader: HistoryReader, window: ConversationWindow, end: number, limit: number): Promise<HistoryPage> {
  const start = Math.max(0, end - limit);
  const taken = window.messages.slice(start, end);
  if (start > 0) return { messages: taken, olderCursor: `m:${idHash((window.messages[start] as ChatMessage).id)}` };
  if (window.diskBefore === 0) return { messages: taken };
  if (taken.length === limit) return { messages: taken, olderCursor: `o:${window.diskBefore}` };
  return fromDisk(window, reader.backward(window.file, window.diskBefore), taken, limit - taken.length);
}

async function fromDisk(window: ConversationWindow, source: AsyncIterable<StoredMessage>, newer: readonly ChatMessage[], limit: number): Promise<HistoryPage> {
  const skip = new Set([...window.messages.map((m) => m.id), ...window.olderSeen]);
  const { newestFirst, stoppedAt } = await collect(source, skip, limit);
  for (const m of newestFirst) window.olderSeen.add(m.id);
  const messages = [...newestFirst.reverse(), ...newer];
  return { messages, ...(stoppedAt !== undefined && stoppedAt > 0 ? { olderCursor: `o:${stoppedAt}` } : {}) };
}

/**
 * Up to `limit` distinct messages, newest first. `stoppedAt`: the offset of the line where it
 * stopped with more possibly before it; undefined when the file was read to its start.
 */
async function collect(source: AsyncIterable<StoredMessage>, skip: ReadonlySet<string>, limit: number): Promise<{ newestFirst: ChatMessage[]; stoppedAt: number | undefined }> {
  const newestFirst: ChatMessage[] = [];
  const taken = new Set<string>();
  for await (const { message, offset } of source) {
    if (skip.has(message.id)) continue;
    if (taken.has(message.id)) {
      // An older copy: the message belongs here, with the newest content already taken.
      const index = newestFirst.findIndex((m) => m.id === message.id);
      newestFirst.push(...newestFirst.splice(index, 1));
      continue;
    }
    taken.add(message.id);
    newestFirst.push(message);
    if (newestFirst.length >= limit) return { newestFirst, stoppedAt: offset };
  }
  return { newestFirst, stoppedAt: undefined };
}

async function* filter<T>(source: AsyncIterable<T>, keep: (item: T) => boolean): AsyncGenerator<T> {
  for await (const item of source) if (keep(item)) yield item;
}

/** A page or search limit as used: a whole number, at least one. */
export function wholeLimit(limit: number): number {
  return Math.max(1, Math.floor(limit));
}
