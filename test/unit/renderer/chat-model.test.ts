// One chat window's model: history pages, live messages in time order without duplicates, sending,
// retrying, typing notices (throttled), read state and the "New messages" line.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage, ConversationSummary, HistoryPage } from '../../../src/shared/domain';
import { fail, ok } from '../../../src/shared/ipc-contract';
import { conversations } from '../../../src/renderer/state/app-state';
import { ChatModel } from '../../../src/renderer/state/chat-model';
import { memoryBridge } from './support/memory-bridge';
import type { Handlers } from './support/memory-bridge';
import { errorDetail } from '../../../src/shared/error-detail';

import { setPageLocale } from '../../../src/renderer/i18n';
import { said } from './support/said';

// The windows load their language's catalog before they show any text; so do these tests.
beforeAll(() => setPageLocale('en'));

const ID = 'chat:ben@contoso.com';
const ben = { uri: 'sip:ben@contoso.com', name: 'Ben Osei' };

function msg(n: number, direction: 'in' | 'out' = 'in', extra: Partial<ChatMessage> = {}): ChatMessage {
  return { id: `m${n}`, conversationId: ID, direction, from: ben, text: `line ${n}`, time: n * 1_000, delivery: 'delivered', ...extra };
}

function summary(unread: number): ConversationSummary {
  return { id: ID, title: 'Ben Osei', participants: [ben], state: 'connected', unread, typing: [] };
}

async function model(handlers: Handlers = {}, page: HistoryPage = { messages: [msg(1), msg(2)] }) {
  const memory = memoryBridge({ getConversation: () => ok({ summary: summary(0), participants: [ben] }), getHistory: () => ok(page), ...handlers });
  const chat = new ChatModel(memory.bridge, ID);
  await chat.start();
  return { chat, memory };
}

const texts = (chat: ChatModel): string[] => chat.messages.value.map((m) => m.text);

beforeEach(() => {
  conversations.value = new Map([[ID, summary(0)]]);
});

describe('a chat window\'s model', () => {
  it('loads the participants and the newest page of history', async () => {
    const { chat, memory } = await model({}, { messages: [msg(2), msg(1)], olderCursor: '1', damaged: 3 });
    expect(memory.calls.filter((c) => c.method !== 'getConversation')).toEqual([{ method: 'getHistory', input: { conversationId: ID, limit: 100 } }]);
    expect(chat.participants.value).toEqual([ben]);
    expect(texts(chat)).toEqual(['line 1', 'line 2']);
    expect(chat.hasOlder.value).toBe(true);
    expect(chat.damaged.value).toBe(3);
    expect(chat.error.value).toBeUndefined();
  });

  it('shows why when the conversation or its history cannot be read', async () => {
    const gone = await model({ getConversation: () => fail('not-found', 'No such conversation.', undefined, errorDetail('noSuchConversation', {})) });
    // The words come from the code and detail; the English message is for logs only.
    expect(await said(gone.chat.error.value)).toBe('That is no longer there. That conversation does not exist.');
    const broken = await model({ getHistory: () => fail('internal', 'The history cannot be read.') });
    expect(await said(broken.chat.error.value)).toBe('Something went wrong in the app.');
    expect(broken.chat.hasOlder.value).toBe(false);
  });

  it('takes its own conversation\'s pushes: new at the end, updates in place, late ones by time', async () => {
    const { chat, memory } = await model();
    memory.emit('messageAdded', msg(3));
    memory.emit('messageAdded', { ...msg(9), conversationId: 'chat:someone-else' });
    memory.emit('messageUpdated', msg(2, 'in', { text: 'line 2, edited' }));
    memory.emit('messageAdded', { ...msg(15), time: 1_500 });
    expect(texts(chat)).toEqual(['line 1', 'line 15', 'line 2, edited', 'line 3']);
    memory.emit('messageAdded', msg(3));
    expect(texts(chat)).toHaveLength(4);
  });

  it('pages back through history with the cursor, one page at a time, until there is no more', async () => {
    const pages: Record<string, HistoryPage> = { first: { messages: [msg(5), msg(6)], olderCursor: 'c5' }, c5: { messages: [msg(3), msg(4), msg(5)], olderCursor: 'c3' }, c3: { messages: [msg(1)] } };
    const { chat, memory } = await model({ getHistory: (input) => ok(pages[input.before ?? 'first'] ?? { messages: [] }) });
    const loading = chat.loadOlder();
    expect(chat.loadingOlder.value).toBe(true);
    await chat.loadOlder();
    await loading;
    expect(chat.loadingOlder.value).toBe(false);
    expect(texts(chat)).toEqual(['line 3', 'line 4', 'line 5', 'line 6']);
    await chat.loadOlder();
    expect(texts(chat)).toEqual(['line 1', 'line 3', 'line 4', 'line 5', 'line 6']);
    expect(chat.hasOlder.value).toBe(false);
    await chat.loadOlder();
    expect(memory.calls.filter((c) => c.method === 'getHistory').map((c) => (c.input as { before?: string }).before)).toEqual([undefined, 'c5', 'c3']);
  });

  it('a page that fails to load says why and keeps what is shown', async () => {
    const { chat } = await model({ getHistory: (input) => (input.before === undefined ? ok({ messages: [msg(2)], olderCursor: 'x' }) : fail('internal', 'Disk error.')) });
    await chat.loadOlder();
    expect(await said(chat.error.value)).toBe('Something went wrong in the app.');
    expect(texts(chat)).toEqual(['line 2']);
    expect(chat.loadingOlder.value).toBe(false);
  });

  it('sends without trailing blanks, nothing for blanks only, and says why a send failed', async () => {
    let answer: 'ok' | 'fail' = 'ok';
    const { chat, memory } = await model({
      sendMessage: (input) => (answer === 'ok' ? ok(msg(7, 'out', { text: input.text, delivery: 'sending' })) : fail('not-signed-in', 'Sign in first.', undefined, errorDetail('signInFirst', {}))),
    });
    expect(await chat.send('  \n ')).toBe(false);
    expect(memory.calls.some((c) => c.method === 'sendMessage')).toBe(false);
    expect(await chat.send('  hi there \n')).toBe(true);
    expect(memory.calls.find((c) => c.method === 'sendMessage')?.input).toEqual({ conversationId: ID, text: '  hi there' });
    expect(chat.messages.value.at(-1)).toMatchObject({ text: '  hi there', delivery: 'sending' });
    answer = 'fail';
    expect(await chat.send('again')).toBe(false);
    expect(await said(chat.error.value)).toBe('You are not signed in. Sign in first.');
    answer = 'ok';
    expect(await chat.send('and again')).toBe(true);
    expect(chat.error.value).toBeUndefined();
  });

  it('keeps the newer state when the push beat the send\'s own answer', async () => {
    const { chat, memory } = await model({ sendMessage: () => ok(msg(7, 'out', { delivery: 'sending' })) });
    memory.emit('messageAdded', msg(7, 'out', { delivery: 'delivered' }));
    await chat.send('line 7');
    expect(chat.messages.value.filter((m) => m.id === 'm7').map((m) => m.delivery)).toEqual(['delivered']);
  });

  it('retries a failed message, or says why it could not', async () => {
    let works = true;
    const { chat } = await model({ retryMessage: () => (works ? ok(msg(8, 'out', { delivery: 'sending' })) : fail('not-found', 'There is no failed message to retry.', undefined, errorDetail('noFailedMessage', {}))) });
    await chat.retry('m8');
    expect(chat.messages.value.at(-1)?.id).toBe('m8');
    works = false;
    await chat.retry('m8');
    expect(await said(chat.error.value)).toBe('That is no longer there. There is no failed message to retry.');
  });

  it('sends one typing notice per three seconds, and a send starts that over', async () => {
    const { chat, memory } = await model({ sendMessage: () => ok(msg(7, 'out')) });
    const typed = (): number => memory.calls.filter((c) => c.method === 'setTyping').length;
    chat.typing(10_000);
    chat.typing(12_999);
    expect(typed()).toBe(1);
    chat.typing(13_000);
    expect(typed()).toBe(2);
    await chat.send('x');
    chat.typing(13_001);
    expect(typed()).toBe(3);
    expect(memory.calls.find((c) => c.method === 'setTyping')?.input).toEqual({ conversationId: ID });
  });

  it('marks read only what is unread', async () => {
    const { chat, memory } = await model();
    chat.markRead();
    expect(memory.calls.some((c) => c.method === 'markRead')).toBe(false);
    conversations.value = new Map([[ID, summary(2)]]);
    chat.markRead();
    expect(memory.calls.filter((c) => c.method === 'markRead').map((c) => c.input)).toEqual([{ conversationId: ID }]);
  });

  it('puts the "New messages" line above the first message that was unread when the window opened', async () => {
    conversations.value = new Map([[ID, summary(2)]]);
    const { chat } = await model({}, { messages: [msg(1), msg(2, 'out'), msg(3), msg(4)] });
    expect(chat.firstUnreadId.value).toBeUndefined();
    chat.rememberUnread();
    expect(chat.firstUnreadId.value).toBe('m3');
    // Read later, it stays where it was.
    conversations.value = new Map([[ID, summary(0)]]);
    chat.rememberUnread();
    expect(chat.firstUnreadId.value).toBe('m3');
  });

  it('no line when nothing was unread, and none before the history is in', async () => {
    const none = await model({}, { messages: [msg(1), msg(2)] });
    none.chat.rememberUnread();
    expect(none.chat.firstUnreadId.value).toBeUndefined();
    conversations.value = new Map([[ID, summary(5)]]);
    const memory = memoryBridge({ getConversation: () => ok({ summary: summary(5), participants: [ben] }), getHistory: () => ok({ messages: [msg(1), msg(2)] }) });
    const early = new ChatModel(memory.bridge, ID);
    early.rememberUnread();
    expect(early.firstUnreadId.value).toBeUndefined();
    await early.start();
    // More unread than loaded: the line goes above the oldest loaded one.
    expect(early.firstUnreadId.value).toBe('m1');
  });
});
