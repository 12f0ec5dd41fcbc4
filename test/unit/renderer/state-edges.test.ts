// Edges of the renderer's pure state helpers that the main tests leave open: exact words per
// connection state, tones per availability, initials from untidy names, the contact filter's
// ordering and limits, the message grouping boundary, and the chat model's unread line timing.
import { beforeAll, describe, expect, it } from 'vitest';
import { setPageLocale } from '../../../src/renderer/i18n';
import type { ChatMessage, Contact, ConversationSummary, HistoryPage } from '../../../src/shared/domain';
import { ok } from '../../../src/shared/ipc-contract';
import type { Result } from '../../../src/shared/ipc-contract';
import { conversations } from '../../../src/renderer/state/app-state';
import { ChatModel } from '../../../src/renderer/state/chat-model';
import { filterContacts, indexContacts } from '../../../src/renderer/state/contact-filter';
import { GROUP_GAP_MS, messageRows } from '../../../src/renderer/state/message-rows';
import { availabilityTone, connectionLabel, initials } from '../../../src/renderer/state/presence-labels';
import { virtualWindow } from '../../../src/renderer/state/virtual-window';
import { memoryBridge } from './support/memory-bridge';
import { errorDetail } from '../../../src/shared/error-detail';
import { loadErrorWording } from '../../../src/renderer/state/errors';

// The windows load their language's catalog before they show any text; so do these tests.
beforeAll(() => setPageLocale('en'));

describe('presence words', () => {
  it('names every connection state the windows show', async () => {
    await loadErrorWording();
    expect(connectionLabel({ state: 'signed-out' })).toBeUndefined();
    expect(connectionLabel({ state: 'signing-in' })).toBe('Signing in…');
    expect(connectionLabel({ state: 'reconnecting' })).toBe('Reconnecting…');
    expect(connectionLabel({ state: 'reconnecting', nextAttemptAt: 1_200 }, 1_000)).toBe('Reconnecting…');
    expect(connectionLabel({ state: 'reconnecting', nextAttemptAt: 500 }, 1_000)).toBe('Reconnecting…');
    expect(connectionLabel({ state: 'reconnecting', nextAttemptAt: 2_600 }, 1_000)).toBe('Reconnecting in 2 s…');
    expect(connectionLabel({ state: 'offline' })).toBe('Offline: waiting for the network.');
    expect(connectionLabel({ state: 'offline', detail: errorDetail('asleepOrOffline', {}) })).toBe('No connection: asleep or off the network.');
    expect(connectionLabel({ state: 'failed' })).toBe('Signed out by the server.');
  });

  it('gives each availability its colour', () => {
    expect(['Online', 'Busy', 'IdleBusy', 'DoNotDisturb', 'BeRightBack', 'Away', 'IdleOnline', 'Offwork', 'Offline', 'Unknown'].map((a) => availabilityTone(a as Parameters<typeof availabilityTone>[0]))).toEqual([
      'available',
      'busy',
      'busy',
      'dnd',
      'away',
      'away',
      'away',
      'away',
      'offline',
      'offline',
    ]);
  });

  it('makes initials from the first and last of several words, whatever the spacing', () => {
    expect(initials('  maria  de la   cruz ')).toBe('MC');
    expect(initials('ana\truiz')).toBe('AR');
    expect(initials('')).toBe('?');
  });
});

describe('contact filter', () => {
  const person = (name: string, uri: string, extra: Partial<Contact> = {}): Contact => ({ uri, name, presence: { availability: 'Online' }, ...extra });

  it('does not match the sip: prefix or absent titles, and splits the query on any spacing', () => {
    const index = indexContacts([person('Ben Osei', 'SIP:ben@contoso.com'), person('Dana Kim', 'sip:dana@contoso.com', { title: 'Support Lead' })]);
    expect(filterContacts(index, 'sip')).toEqual([]);
    expect(filterContacts(index, 'undefined')).toEqual([]);
    expect(filterContacts(index, 'ben@').map((c) => c.name)).toEqual(['Ben Osei']);
    expect(filterContacts(index, 'dana\tsupport').map((c) => c.name)).toEqual(['Dana Kim']);
    expect(filterContacts(index, 'lead').map((c) => c.name)).toEqual(['Dana Kim']);
    // Fields are matched one by one: a query does not run from one field into the next.
    expect(filterContacts(index, 'oseiben')).toEqual([]);
  });

  it('stops at the limit of name matches, and name matches come before other matches', () => {
    const index = indexContacts([person('Other Bob', 'sip:o@x.com', { department: 'bobs' }), ...Array.from({ length: 5 }, (_, i) => person(`Bob ${i}`, `sip:b${i}@x.com`))]);
    expect(filterContacts(index, 'bob', 3).map((c) => c.name)).toEqual(['Bob 0', 'Bob 1', 'Bob 2']);
    expect(filterContacts(index, 'bob', 10).map((c) => c.name)).toEqual(['Bob 0', 'Bob 1', 'Bob 2', 'Bob 3', 'Bob 4', 'Other Bob']);
  });
});

describe('virtual window', () => {
  it('scrolled past the end, still shows the last row', () => {
    const window = virtualWindow({ count: 10, heightOf: () => 20, scrollTop: 10_000, viewport: 100, overscan: 0 });
    expect([window.start, window.end, window.padTop, window.padBottom, window.total]).toEqual([9, 10, 180, 0, 200]);
  });
});

describe('message rows', () => {
  const msg = (id: string, time: number): ChatMessage => ({ id, conversationId: 'c', direction: 'in', from: { uri: 'sip:ben@x.com', name: 'Ben' }, text: 't', time, delivery: 'delivered' });

  it('a pause of exactly five minutes keeps the group; the unread line has its own key', () => {
    const start = new Date(2026, 10, 24, 9, 0).getTime();
    const rows = messageRows([msg('a', start), msg('b', start + GROUP_GAP_MS)], 'b');
    expect(rows.map((r) => r.key)).toEqual([expect.stringMatching(/^day-/), 'a', 'unread-line', 'b']);
    const plain = messageRows([msg('a', start), msg('b', start + GROUP_GAP_MS)]);
    expect(plain.map((r) => (r.kind === 'message' ? r.startsGroup : r.kind))).toEqual(['day', true, false]);
  });
});

describe('a chat model\'s unread line and updates', () => {
  const ID = 'chat:ben';
  const ben = { uri: 'sip:ben@contoso.com', name: 'Ben' };
  const m = (n: number, direction: 'in' | 'out' = 'in'): ChatMessage => ({ id: `m${n}`, conversationId: ID, direction, from: ben, text: `line ${n}`, time: n * 1_000, delivery: 'delivered' });
  const summary = (unread: number): ConversationSummary => ({ id: ID, title: 'Ben', participants: [ben], state: 'connected', unread, typing: [] });

  it('waits for the history before placing the line, even when a message arrived first', async () => {
    conversations.value = new Map([[ID, summary(1)]]);
    let answer: (page: Result<HistoryPage>) => void = () => undefined;
    const memory = memoryBridge({ getConversation: () => ok({ summary: summary(1), participants: [ben] }), getHistory: () => new Promise((resolve) => (answer = resolve)) });
    const chat = new ChatModel(memory.bridge, ID);
    const starting = chat.start();
    await Promise.resolve();
    memory.emit('messageAdded', m(9));
    chat.rememberUnread();
    expect(chat.firstUnreadId.value).toBeUndefined();
    answer(ok({ messages: [m(1), m(2), m(3, 'out')] }));
    await starting;
    expect(chat.firstUnreadId.value).toBe('m9');
  });

  it('counts only incoming messages back from the end', async () => {
    conversations.value = new Map([[ID, summary(1)]]);
    const memory = memoryBridge({ getConversation: () => ok({ summary: summary(1), participants: [ben] }), getHistory: () => ok({ messages: [m(1), m(2), m(3, 'out')] }) });
    const chat = new ChatModel(memory.bridge, ID);
    await chat.start();
    expect(chat.hasOlder.value).toBe(false);
    chat.rememberUnread();
    expect(chat.firstUnreadId.value).toBe('m2');
  });

  it('updates its only message in place, and ignores updates for other conversations', async () => {
    conversations.value = new Map([[ID, summary(0)]]);
    const memory = memoryBridge({ getConversation: () => ok({ summary: summary(0), participants: [ben] }), getHistory: () => ok({ messages: [m(1, 'out')] }) });
    const chat = new ChatModel(memory.bridge, ID);
    await chat.start();
    memory.emit('messageUpdated', { ...m(1, 'out'), delivery: 'failed' });
    memory.emit('messageUpdated', { ...m(5), conversationId: 'chat:other' });
    expect(chat.messages.value.map((x) => [x.id, x.delivery])).toEqual([['m1', 'failed']]);
  });

  it('knows there is more history after a page that has a cursor', async () => {
    conversations.value = new Map([[ID, summary(0)]]);
    const pages: Record<string, HistoryPage> = { first: { messages: [m(5)], olderCursor: 'a' }, a: { messages: [m(4)], olderCursor: 'b' }, b: { messages: [m(3)] } };
    const memory = memoryBridge({ getConversation: () => ok({ summary: summary(0), participants: [ben] }), getHistory: (input) => ok(pages[input.before ?? 'first'] ?? { messages: [] }) });
    const chat = new ChatModel(memory.bridge, ID);
    await chat.start();
    await chat.loadOlder();
    expect(chat.hasOlder.value).toBe(true);
    await chat.loadOlder();
    expect(chat.hasOlder.value).toBe(false);
  });
});
