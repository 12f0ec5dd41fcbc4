// How client events land in the user's chats (ThreadsController.onEvent): invitations, starts that
// connect before they return, typing, people joining and leaving, IM connecting, and that every
// conversation event is claimed; plus who a group chat restored after a restart lists.
import { describe, expect, it } from 'vitest';
import type { ChatMessage, ConversationSummary } from '../../../src/shared/domain';
import type { HistoryPort } from '../../../src/main/session/ports';
import { UcwaError } from '../../../src/main/ucwa/index';
import type { UcwaEvent } from '../../../src/main/ucwa/index';
import { ana, ben, carl, threadsHarness as setup, until } from './support/scripted-threads';
import type { ThreadsHarness } from './support/scripted-threads';

const dana = { uri: 'sip:dana@contoso.com', name: 'Dana Wu' };

function on(s: ThreadsHarness, event: UcwaEvent): boolean {
  return s.threads.onEvent(event, s.client);
}

/** Ben invites the user into `conversationId` and it is accepted (auto-accept is on by default). */
function benCalls(s: ThreadsHarness, conversationId: string, extra: { threadId?: string } = {}): void {
  on(s, { type: 'incomingInvitation', invitationId: `inv-${conversationId}`, conversationId, from: ben, subject: '', ...extra });
  on(s, { type: 'invitationCompleted', invitationId: `inv-${conversationId}`, conversationId, direction: 'Incoming' });
}

/** Ben invites the user into a group chat (an onlineMeetingInvitation), accepted: its thread is `group:t1`. */
function groupInvitation(s: ThreadsHarness): string {
  on(s, { type: 'incomingInvitation', invitationId: 'inv-g', conversationId: 'conv-g', from: ben, subject: '', threadId: 'T1', group: true });
  on(s, { type: 'invitationCompleted', invitationId: 'inv-g', conversationId: 'conv-g', direction: 'Incoming' });
  return 'group:t1';
}

function summaries(s: ThreadsHarness, id: string): ConversationSummary[] {
  return s.pushes.filter((p) => p.name === 'conversationChanged').map((p) => p.payload as ConversationSummary).filter((x) => x.id === id);
}

/** The "joined" / "left" lines shown, as [chat, kind, who]. */
function lines(s: ThreadsHarness): [string, string | undefined, string | undefined][] {
  return s.added().filter((m) => m.system !== undefined).map((m) => [m.conversationId, m.system?.kind, m.system?.who.name]);
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('client events in the chats', () => {
  it('a group chat the user had left, restored after a restart, lists the others but not the user, and is named by them', async () => {
    const at = (time: number, m: Partial<ChatMessage>): ChatMessage => ({ id: `m${time}`, conversationId: 'group:t1', direction: 'in', from: ben, text: '', time, delivery: 'delivered', ...m });
    const saved = [at(1, { system: { kind: 'joined', who: ben } }), at(2, { text: 'hello' }), at(3, { system: { kind: 'you-left', who: ana } })];
    const history: HistoryPort = {
      save: async () => undefined,
      onUnsaved: () => () => undefined,
      flush: async () => 0,
      page: async (id) => ({ messages: id === 'group:t1' ? saved : [] }),
      find: async () => undefined,
      conversationIds: async () => ['group:t1'],
      search: async () => [],
    };
    const s = setup({ history });
    await s.threads.restore();
    const shown = summaries(s, 'group:t1');
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: 'Ben Osei', participants: [ben], group: true });
    expect(shown[0]?.subject).toBeUndefined();
    // Writing in it starts the group with Ben alone: the user is not invited to her own chat.
    const thread = s.threads.requireThread('group:t1');
    s.threads.send(thread, 'back', undefined);
    await until(() => thread.messages.some((m) => m.text === 'back' && m.delivery === 'delivered'));
    expect(s.client.log).toEqual([`start ${ben.uri} back`]);
  });

  it('writing again continues the thread an invitation named, even after a later invitation that named none', async () => {
    const s = setup();
    benCalls(s, 'c-a', { threadId: 'th-1' });
    on(s, { type: 'conversationEnded', conversationId: 'c-a' });
    const thread = s.threads.threadForUri(ben.uri);
    s.threads.send(thread, 'one', undefined);
    await until(() => thread.messages.some((m) => m.text === 'one' && m.delivery === 'delivered'));
    expect(s.client.starts.at(-1)?.threadId).toBe('th-1');
    on(s, { type: 'conversationEnded', conversationId: 'conv-1' });
    benCalls(s, 'c-b');
    on(s, { type: 'conversationEnded', conversationId: 'c-b' });
    s.threads.send(thread, 'two', undefined);
    await until(() => thread.messages.some((m) => m.text === 'two' && m.delivery === 'delivered'));
    expect(s.client.starts.map((x) => [x.message?.text, x.threadId])).toEqual([
      ['one', 'th-1'],
      ['two', 'th-1'],
    ]);
  });

  it('a waiting invitation ends as missed only when it is the incoming one that failed; its first line is kept unread', () => {
    const s = setup({ host: { autoAccept: () => false } });
    on(s, { type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-1', from: ben, subject: '', firstMessage: { text: 'are you there?' } });
    const thread = s.threads.threadForUri(ben.uri);
    expect(summaries(s, thread.id).at(-1)).toMatchObject({ state: 'incoming', invitation: { firstMessage: 'are you there?' } });
    // The user's own invitation in that conversation failing (IM re-added, say) is not Ben's.
    expect(on(s, { type: 'invitationFailed', invitationId: 'inv-2', conversationId: 'conv-1', direction: 'Outgoing', reason: { message: 'No.' } })).toBe(true);
    expect(summaries(s, thread.id).at(-1)).toMatchObject({ state: 'incoming', invitation: { firstMessage: 'are you there?' } });
    expect(s.added()).toEqual([]);
    // Nobody answered in time: the first line is kept as a received, unread message; the buttons go.
    expect(on(s, { type: 'invitationFailed', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Incoming', reason: { message: 'Timed out.' } })).toBe(true);
    expect(s.added().map((m) => [m.conversationId, m.text, m.direction])).toEqual([[thread.id, 'are you there?', 'in']]);
    const last = summaries(s, thread.id).at(-1);
    expect(last).toMatchObject({ state: 'idle', unread: 1 });
    expect(last?.invitation).toBeUndefined();
  });

  it('accepting Ben\'s invitation while a chat with Carl sits idle: Ben\'s conversation stays in Ben\'s chat', () => {
    const s = setup();
    const carlChat = s.threads.threadForUri(carl.uri);
    benCalls(s, 'conv-1');
    const benChat = s.threads.threadForUri(ben.uri);
    s.receive('hi');
    on(s, { type: 'typingChanged', conversationId: 'conv-1', participant: ben, isTyping: true });
    expect(s.added().map((m) => [m.conversationId, m.text])).toEqual([[benChat.id, 'hi']]);
    expect(s.pushes.filter((p) => p.name === 'typingChanged').map((p) => p.payload)).toEqual([{ conversationId: benChat.id, typing: ['Ben Osei'] }]);
    expect(summaries(s, benChat.id).at(-1)?.state).toBe('connected');
    expect(summaries(s, carlChat.id)).toEqual([]);
    expect([carlChat.state, carlChat.ucwaId]).toEqual(['idle', undefined]);
  });

  it('a reply in a group conversation that connected before its start returned lands in the group, not in another chat', async () => {
    const s = setup();
    const carlChat = s.threads.threadForUri(carl.uri);
    const group = s.threads.startGroup([ben.uri, carl.uri], '');
    const start = deferred<string>();
    s.client.nextStart = () => start.promise;
    s.threads.send(group, 'hello both', undefined);
    await until(() => s.client.starts.length === 1);
    const operationId = s.client.starts[0]?.operationId;
    expect(operationId).toBeDefined();
    on(s, { type: 'invitationCompleted', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Outgoing', ...(operationId === undefined ? {} : { operationId }) });
    s.receive('hi all');
    expect(s.added().filter((m) => m.direction === 'in').map((m) => [m.conversationId, m.text])).toEqual([[group.id, 'hi all']]);
    expect(summaries(s, group.id).at(-1)?.state).toBe('connected');
    expect(s.threads.store.all().map((t) => t.id)).toEqual([carlChat.id, group.id]);
    expect(summaries(s, carlChat.id)).toEqual([]);
    start.resolve('conv-1');
    await until(() => group.messages.some((m) => m.text === 'hello both' && m.delivery === 'delivered'));
    expect(carlChat.ucwaId).toBeUndefined();
  });

  it('a conversation Ben opened while the user\'s own start to him is pending stays the chat\'s until that start returns', async () => {
    const s = setup();
    const thread = s.threads.threadForUri(ben.uri);
    const start = deferred<string>();
    s.client.nextStart = () => start.promise;
    s.threads.send(thread, 'hello', undefined);
    await until(() => s.client.starts.length === 1);
    // Ben wrote first, in a conversation of his own.
    s.receive('hi', { conversationId: 'conv-9' });
    const operationId = s.client.starts[0]?.operationId;
    on(s, { type: 'invitationCompleted', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Outgoing', ...(operationId === undefined ? {} : { operationId }) });
    on(s, { type: 'typingChanged', conversationId: 'conv-9', participant: ben, isTyping: true });
    expect(s.pushes.filter((p) => p.name === 'typingChanged').map((p) => p.payload)).toEqual([{ conversationId: thread.id, typing: ['Ben Osei'] }]);
    start.resolve('conv-1');
    await until(() => thread.messages.some((m) => m.text === 'hello' && m.delivery === 'delivered'));
    expect(thread.ucwaId).toBe('conv-1');
  });

  it('IM joining a group chat already accepted does not announce the chat again', () => {
    const s = setup();
    const id = groupInvitation(s);
    expect(summaries(s, id).at(-1)?.state).toBe('connected');
    const before = s.pushes.length;
    expect(on(s, { type: 'invitationCompleted', invitationId: 'inv-im', conversationId: 'conv-g', direction: 'Outgoing', operationId: 'op-im' })).toBe(true);
    expect(s.pushes.length).toBe(before);
  });

  it('in a group, one person stopping typing leaves the others typing', () => {
    const s = setup();
    const id = groupInvitation(s);
    on(s, { type: 'typingChanged', conversationId: 'conv-g', participant: ben, isTyping: true });
    on(s, { type: 'typingChanged', conversationId: 'conv-g', participant: carl, isTyping: true });
    on(s, { type: 'typingChanged', conversationId: 'conv-g', participant: ben, isTyping: false });
    expect(s.pushes.filter((p) => p.name === 'typingChanged').map((p) => p.payload)).toEqual([
      { conversationId: id, typing: ['Ben Osei'] },
      { conversationId: id, typing: ['Ben Osei', 'Carl Berg'] },
      { conversationId: id, typing: ['Carl Berg'] },
    ]);
  });

  it('in a two-party chat only the other person leaving is "Ben left", named from the chat when the server gives no name', () => {
    const s = setup();
    // The user herself leaving the list is no "left" line: the conversation just ended.
    benCalls(s, 'conv-1');
    const thread = s.threads.threadForUri(ben.uri);
    on(s, { type: 'participantRemoved', conversationId: 'conv-1', participant: ana });
    on(s, { type: 'conversationEnded', conversationId: 'conv-1' });
    const first = summaries(s, thread.id).at(-1);
    expect(first?.state).toBe('ended');
    expect(first?.ended).toEqual({ at: s.clock.now });
    s.clock.now += 1_000;
    benCalls(s, 'conv-2');
    on(s, { type: 'participantRemoved', conversationId: 'conv-2', participant: { uri: 'sip:Ben@Contoso.com', name: '' } });
    on(s, { type: 'conversationEnded', conversationId: 'conv-2' });
    expect(summaries(s, thread.id).at(-1)?.ended).toEqual({ at: s.clock.now, by: 'Ben Osei' });
    s.clock.now += 1_000;
    benCalls(s, 'conv-3');
    on(s, { type: 'participantRemoved', conversationId: 'conv-3', participant: { uri: ben.uri, name: 'Ben O.' } });
    on(s, { type: 'conversationEnded', conversationId: 'conv-3' });
    expect(summaries(s, thread.id).at(-1)?.ended).toEqual({ at: s.clock.now, by: 'Ben O.' });
  });

  it('the user and the other person showing up in a two-party chat keep it a two-party chat, with no "joined" line', () => {
    const s = setup();
    benCalls(s, 'conv-1');
    on(s, { type: 'messagingStateChanged', conversationId: 'conv-1', state: 'Connected', formats: ['Plain'] });
    const thread = s.threads.threadForUri(ben.uri);
    const pushed = s.pushes.length;
    on(s, { type: 'participantAdded', conversationId: 'conv-1', participant: ana });
    on(s, { type: 'participantAdded', conversationId: 'conv-1', participant: { uri: 'sip:Ben@Contoso.com', name: 'Ben Osei' } });
    expect(s.threads.store.all().map((t) => t.id)).toEqual([thread.id]);
    expect(s.pushes.length).toBe(pushed);
    expect(lines(s)).toEqual([]);
    s.receive('still us');
    expect(s.added().map((m) => [m.conversationId, m.text])).toEqual([[thread.id, 'still us']]);
  });

  it('someone else joining a two-party chat makes it a group chat with both; Ben\'s chat stays for later', () => {
    const s = setup();
    benCalls(s, 'conv-1');
    const chat = s.threads.threadForUri(ben.uri);
    on(s, { type: 'participantAdded', conversationId: 'conv-1', participant: carl });
    const group = s.threads.store.all().find((t) => t.group);
    expect(group).toBeDefined();
    const id = group?.id ?? '';
    expect(summaries(s, id).at(-1)).toMatchObject({ state: 'connected', participants: [ben, carl], title: 'Ben Osei, Carl Berg' });
    expect(summaries(s, chat.id).at(-1)?.state).toBe('idle');
    expect(lines(s)).toEqual([[id, 'joined', 'Carl Berg']]);
    // What is said now is said in the group.
    s.receive('welcome Carl');
    expect(s.added().filter((m) => m.system === undefined).map((m) => [m.conversationId, m.text])).toEqual([[id, 'welcome Carl']]);
  });

  it('in a group, the user\'s own arrival is not listed; others joining once IM is up are news', () => {
    const s = setup();
    const id = groupInvitation(s);
    // IM connecting: people arriving before it were there already.
    on(s, { type: 'messagingStateChanged', conversationId: 'conv-g', state: 'Connecting', formats: [] });
    on(s, { type: 'participantAdded', conversationId: 'conv-g', participant: ana });
    on(s, { type: 'participantAdded', conversationId: 'conv-g', participant: carl });
    expect(lines(s)).toEqual([]);
    on(s, { type: 'messagingStateChanged', conversationId: 'conv-g', state: 'Connected', formats: ['Plain'] });
    on(s, { type: 'participantAdded', conversationId: 'conv-g', participant: dana });
    expect(lines(s)).toEqual([[id, 'joined', 'Dana Wu']]);
    expect(summaries(s, id).at(-1)?.participants).toEqual([ben, carl, dana]);
  });

  it('claims every conversation event, also those of conversations it does not know or has left, so the session does not handle them again', async () => {
    const s = setup();
    benCalls(s, 'conv-1');
    const claimed = (event: UcwaEvent): boolean => on(s, event);
    expect(claimed({ type: 'participantAdded', conversationId: 'conv-1', participant: ana })).toBe(true);
    expect(claimed({ type: 'participantAdded', conversationId: 'conv-1', participant: ben })).toBe(true);
    expect(claimed({ type: 'participantAdded', conversationId: 'conv-x', participant: carl })).toBe(true);
    expect(claimed({ type: 'participantAddFailed', conversationId: 'conv-1', participant: carl, reason: { message: 'No.' } })).toBe(true);
    expect(claimed({ type: 'participantRemoved', conversationId: 'conv-1', participant: ben })).toBe(true);
    expect(claimed({ type: 'messagingStateChanged', conversationId: 'conv-1', state: 'Connected', formats: ['Plain'] })).toBe(true);
    expect(claimed({ type: 'messageReceived', conversationId: 'conv-1', messageId: 'm1', from: ben, time: new Date(s.clock.now), text: 'hi' })).toBe(true);
    expect(claimed({ type: 'invitationFailed', invitationId: 'inv-9', conversationId: 'conv-9', direction: 'Incoming', reason: { message: 'No.' } })).toBe(true);
    expect(claimed({ type: 'conversationStateChanged', conversationId: 'conv-x', state: 'Connected' })).toBe(true);
    expect(claimed({ type: 'conversationReplaced', conversationId: 'conv-1', by: 'conv-2' })).toBe(true);
    s.receive('in the new one', { conversationId: 'conv-2' });
    expect(s.added().map((m) => m.text)).toEqual(['hi', 'in the new one']);
    // The event channel resumed: the server closed the conversations, so writing starts a new one.
    expect(claimed({ type: 'channelResumed' })).toBe(true);
    const thread = s.threads.threadForUri(ben.uri);
    s.threads.send(thread, 'again', undefined);
    await until(() => thread.messages.some((m) => m.text === 'again' && m.delivery === 'delivered'));
    expect(s.client.log).toEqual(['accept inv-conv-1', `start ${ben.uri} again`]);

    // A late acceptance of an invitation given up on: the message it carried arrived after all.
    s.client.nextStart = () => Promise.reject(new UcwaError('invitation-failed', 'No answer.', { subcode: 'Timeout' }));
    on(s, { type: 'conversationEnded', conversationId: 'conv-1' });
    const late = s.threads.send(thread, 'late', undefined);
    await until(() => thread.messages.some((m) => m.id === late.id && m.delivery === 'failed'));
    const operationId = s.client.starts.at(-1)?.operationId ?? '';
    expect(claimed({ type: 'invitationCompleted', invitationId: 'inv-late', conversationId: 'conv-7', direction: 'Outgoing', operationId })).toBe(true);
    expect(s.added().at(-1)).toMatchObject({ id: late.id, delivery: 'delivered', deliveryNote: 'reachedAfterAll' });

    // A group chat left: its late events are taken and dropped.
    const group = s.threads.startGroup([carl.uri, dana.uri], '');
    s.client.nextStart = async () => 'conv-g';
    s.threads.send(group, 'hello both', undefined);
    await until(() => group.state === 'connected' && group.messages.some((m) => m.delivery === 'delivered'));
    await s.threads.leave(group.id);
    expect(claimed({ type: 'participantAdded', conversationId: 'conv-g', participant: ben })).toBe(true);
  });
});
