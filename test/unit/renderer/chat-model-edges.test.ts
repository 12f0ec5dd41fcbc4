// A chat window's model at its edges: "left"/"ended" lines where they happened (each once, all of
// them kept), no "New messages" line for messages that arrive after the window opened, and a
// retried message that stays where it was while new ones arrive.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage, ConversationSummary } from '../../../src/shared/domain';
import { ok } from '../../../src/shared/ipc-contract';
import { conversations } from '../../../src/renderer/state/app-state';
import { ChatModel } from '../../../src/renderer/state/chat-model';
import { setPageLocale } from '../../../src/renderer/i18n';
import { memoryBridge } from './support/memory-bridge';

beforeAll(() => setPageLocale('en'));

const ID = 'chat:ben@contoso.com';
const ben = { uri: 'sip:ben@contoso.com', name: 'Ben Osei' };
const msg = (n: number): ChatMessage => ({ id: `m${n}`, conversationId: ID, direction: 'in', from: ben, text: `line ${n}`, time: n * 1_000, delivery: 'delivered' });
const summary = (unread: number, extra: Partial<ConversationSummary> = {}): ConversationSummary => ({ id: ID, title: 'Ben Osei', participants: [ben], state: 'connected', unread, typing: [], ...extra });
const show = (next: ConversationSummary): void => {
  conversations.value = new Map([[ID, next]]);
};

async function model(): Promise<{ chat: ChatModel; memory: ReturnType<typeof memoryBridge> }> {
  const memory = memoryBridge({ getConversation: () => ok({ summary: summary(0), participants: [ben] }), getHistory: () => ok({ messages: [msg(1), msg(2)] }) });
  const chat = new ChatModel(memory.bridge, ID);
  await chat.start();
  return { chat, memory };
}

beforeEach(() => show(summary(0)));

describe('a chat window\'s status lines', () => {
  it('says who left, once, where it happened, and keeps it when the conversation ends again later', async () => {
    const { chat } = await model();
    expect(chat.notes.value).toEqual([]);
    show(summary(0, { state: 'ended', ended: { at: 2_500, by: 'Ben Osei' } }));
    expect(chat.notes.value).toEqual([{ key: 'ended-2500', time: 2_500, text: 'Ben Osei left the conversation' }]);
    // The same ending seen again (the summary changed for another reason) is not a second line.
    show(summary(1, { state: 'ended', ended: { at: 2_500, by: 'Ben Osei' } }));
    expect(chat.notes.value).toHaveLength(1);
    // Writing again starts a new conversation; the server ends that one too.
    show(summary(0, { state: 'connected' }));
    show(summary(0, { state: 'ended', ended: { at: 7_000 } }));
    show(summary(0, { state: 'ended', ended: { at: 7_000 } }));
    expect(chat.notes.value).toEqual([
      { key: 'ended-2500', time: 2_500, text: 'Ben Osei left the conversation' },
      { key: 'ended-7000', time: 7_000, text: 'The conversation ended' },
    ]);
  });
});

describe('a chat window\'s "New messages" line', () => {
  it('is not added for messages that arrive after the window opened with nothing unread', async () => {
    const { chat, memory } = await model();
    chat.rememberUnread();
    expect(chat.firstUnreadId.value).toBeUndefined();
    // The window is in the background: a message comes in and stays unread; the window asks again.
    memory.emit('messageAdded', msg(3));
    show(summary(1));
    chat.rememberUnread();
    expect(chat.messages.value.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(chat.firstUnreadId.value).toBeUndefined();
  });
});

describe('a retried message', () => {
  it('stays where it was, sent again, while the replies after it arrive at the end', async () => {
    const failed: ChatMessage = { ...msg(1), direction: 'out', from: { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz' }, delivery: 'failed' };
    const memory = memoryBridge({ getConversation: () => ok({ summary: summary(0), participants: [ben] }), getHistory: () => ok({ messages: [failed, msg(2)] }) });
    const chat = new ChatModel(memory.bridge, ID);
    await chat.start();
    // The session sends it again now (a new time), as an update of the same message.
    memory.emit('messageUpdated', { ...failed, time: 9_000, delivery: 'sending' });
    expect(chat.messages.value.map((m) => [m.id, m.delivery])).toEqual([['m1', 'sending'], ['m2', 'delivered']]);
    // A late line with the same second as the last one, then a reply: both go to the end.
    memory.emit('messageAdded', { ...msg(3), time: 2_000 });
    memory.emit('messageAdded', { ...msg(4), time: 10_000 });
    expect(chat.messages.value.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });
});
