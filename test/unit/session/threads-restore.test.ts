// How a chat ends and starts again (Disconnected vs deleted, the other side leaving, a missed
// invitation), incoming messages (typing, notifications, plain text), invitations accepted after we
// gave up on them, and what a failed delivery in an open conversation leaves for the next message.
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../src/shared/domain';
import type { Thread } from '../../../src/main/session/conversation-store';
import { UcwaError } from '../../../src/main/ucwa/index';
import { ben, carl, threadsHarness as setup, until } from './support/scripted-threads';
import type { ScriptedThreadsClient, ThreadsHarness } from './support/scripted-threads';

/** Ben invited us and the chat was accepted: it is up in conv-1. */
function acceptedChat(s: ThreadsHarness): Thread {
  s.threads.onEvent({ type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-1', from: ben, subject: '' }, s.client);
  s.threads.onEvent({ type: 'invitationCompleted', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Incoming' }, s.client);
  const thread = s.threads.threadForUri(ben.uri);
  expect(thread.state).toBe('connected');
  return thread;
}

/** The operation of the last conversation start the client was asked for. */
function lastOperation(client: ScriptedThreadsClient): string {
  const operationId = client.starts.at(-1)?.operationId;
  if (operationId === undefined) throw new Error('no start carried an operation id');
  return operationId;
}

const nobodyAnswered = (): Promise<string> => Promise.reject(new UcwaError('invitation-failed', 'Nobody answered.', { subcode: 'Timeout' }));

describe('a chat that ends and starts again', () => {
  it('disconnected but kept by the server: the chat says it ended, writing again goes into the same conversation, and its Connected or Conferenced update restarts the chat', async () => {
    const s = setup();
    const thread = acceptedChat(s);
    s.clock.now += 1_000;
    s.threads.onEvent({ type: 'conversationStateChanged', conversationId: 'conv-1', state: 'Disconnected' }, s.client);
    expect(s.shown(thread.id)).toMatchObject({ state: 'ended', ended: { at: 1_001_000 } });

    // Writing again: into the conversation the server still has (it re-adds IM), not a new one.
    const again = s.threads.send(thread, 'still there?', undefined);
    await until(() => s.added().some((m) => m.id === again.id && m.delivery === 'delivered'));
    expect(s.client.log.filter((l) => !l.startsWith('accept'))).toEqual(['send conv-1 still there?']);

    // On the way back up the conversation is Connecting: the chat is not back yet.
    s.threads.onEvent({ type: 'conversationStateChanged', conversationId: 'conv-1', state: 'Connecting' }, s.client);
    expect(thread.state).toBe('ended');
    expect(s.shown(thread.id)?.state).toBe('ended');
    s.threads.onEvent({ type: 'conversationStateChanged', conversationId: 'conv-1', state: 'Connected' }, s.client);
    expect(thread.state).toBe('connected');
    expect(s.shown(thread.id)).toMatchObject({ state: 'connected' });
    expect(s.shown(thread.id)?.ended).toBeUndefined();

    // A conference (the conversation was escalated) brings it back just the same.
    s.threads.onEvent({ type: 'conversationStateChanged', conversationId: 'conv-1', state: 'Disconnected' }, s.client);
    expect(thread.state).toBe('ended');
    s.threads.onEvent({ type: 'conversationStateChanged', conversationId: 'conv-1', state: 'Conferenced' }, s.client);
    expect(thread.state).toBe('connected');
    expect(s.shown(thread.id)?.ended).toBeUndefined();
  });

  it('an accepted chat is connected when its invitation completes; the conversation update that comes first changes nothing', () => {
    const s = setup();
    s.threads.onEvent({ type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-1', from: ben, subject: '' }, s.client);
    const thread = s.threads.threadForUri(ben.uri);
    // §6.5: after the accept the conversation is updated to Connected, then the invitation completes.
    expect(s.threads.onEvent({ type: 'conversationStateChanged', conversationId: 'conv-1', state: 'Connected' }, s.client)).toBe(true);
    expect(thread.state).toBe('incoming');
    expect(s.shown(thread.id)?.state).toBe('incoming');
    s.threads.onEvent({ type: 'invitationCompleted', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Incoming' }, s.client);
    expect(s.shown(thread.id)?.state).toBe('connected');
  });

  it('the other side left: the chat says Ben left, once, when the conversation is disconnected and then deleted', async () => {
    const s = setup();
    const thread = acceptedChat(s);
    // §6.7: participant deleted, the conversation Disconnected, then deleted.
    s.threads.onEvent({ type: 'participantRemoved', conversationId: 'conv-1', participant: ben }, s.client);
    s.clock.now += 1_000;
    s.threads.onEvent({ type: 'conversationStateChanged', conversationId: 'conv-1', state: 'Disconnected' }, s.client);
    expect(s.shown(thread.id)?.ended).toEqual({ at: 1_001_000, by: 'Ben Osei' });
    const endedPushes = s.pushes.filter((p) => p.name === 'conversationChanged' && (p.payload as ConversationSummary).state === 'ended').length;
    s.clock.now += 1_000;
    s.threads.onEvent({ type: 'conversationEnded', conversationId: 'conv-1' }, s.client);
    expect(s.shown(thread.id)?.ended).toEqual({ at: 1_001_000, by: 'Ben Osei' });
    expect(thread.ended).toEqual({ at: 1_001_000, by: 'Ben Osei' });
    expect(s.pushes.filter((p) => p.name === 'conversationChanged' && (p.payload as ConversationSummary).state === 'ended')).toHaveLength(endedPushes);
    // Deleted: writing again starts a new conversation.
    const next = s.threads.send(thread, 'hello?', undefined);
    await until(() => s.added().some((m) => m.id === next.id && m.delivery === 'delivered'));
    expect(s.client.log.at(-1)).toBe('start sip:ben@contoso.com hello?');
  });

  it('an invitation nobody answered (chats not accepted automatically) ends as a missed one, not as an ended conversation', () => {
    const s = setup({ host: { autoAccept: () => false } });
    s.threads.onEvent({ type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-1', from: ben, subject: '', firstMessage: { text: 'are you there?' } }, s.client);
    const thread = s.threads.threadForUri(ben.uri);
    s.threads.onEvent({ type: 'conversationEnded', conversationId: 'conv-1' }, s.client);
    const summary = s.shown(thread.id);
    expect(summary).toMatchObject({ state: 'idle', unread: 1, lastMessage: { text: 'are you there?' } });
    expect(summary?.ended).toBeUndefined();
    expect(summary?.invitation).toBeUndefined();
    expect(thread.state).toBe('idle');
  });
});

describe('incoming messages', () => {
  it('a message in a conversation we had not heard of continues there: the reply goes into it', async () => {
    const s = setup();
    s.receive('hi');
    const thread = s.threads.threadForUri(ben.uri);
    const reply = s.threads.send(thread, 'hello back', undefined);
    await until(() => s.added().some((m) => m.id === reply.id && m.delivery === 'delivered'));
    expect(s.client.log).toEqual(['send conv-1 hello back']);
  });

  it('a message from Ben ends his typing in a group chat, not Carl\'s', () => {
    const s = setup();
    s.threads.onEvent({ type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-1', from: ben, subject: 'Plans', threadId: 'T1', group: true }, s.client);
    s.threads.onEvent({ type: 'invitationCompleted', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Incoming' }, s.client);
    s.threads.onEvent({ type: 'participantAdded', conversationId: 'conv-1', participant: carl }, s.client);
    const group = s.threads.store.thread('group:t1');
    expect(group?.group).toBe(true);
    s.threads.onEvent({ type: 'typingChanged', conversationId: 'conv-1', participant: ben, isTyping: true }, s.client);
    s.threads.onEvent({ type: 'typingChanged', conversationId: 'conv-1', participant: carl, isTyping: true }, s.client);
    expect(group?.typing).toEqual(['Ben Osei', 'Carl Berg']);
    s.receive('on my way');
    expect(s.shown('group:t1')?.typing).toEqual(['Carl Berg']);
  });

  it('a plain-text message comes in, and goes out, without any HTML part', async () => {
    const s = setup();
    s.receive('plain');
    expect(s.added()[0]).toStrictEqual({ id: 'in:m-plain', conversationId: 'chat:ben@contoso.com', direction: 'in', from: ben, text: 'plain', time: 1_000_000, delivery: 'delivered' });
    // In the open conversation, and as the first message of a new one.
    const reply = s.threads.send(s.threads.threadForUri(ben.uri), 'plain reply', undefined);
    const first = s.threads.send(s.threads.threadForUri('sip:lena@contoso.com'), 'plain start', undefined);
    await until(() => s.added().filter((m) => (m.id === reply.id || m.id === first.id) && m.delivery === 'delivered').length === 2);
    expect(s.client.sendInputs).toStrictEqual([{ conversationId: 'conv-1', body: { text: 'plain reply' } }]);
    expect(s.client.starts.map((i) => i.message)).toStrictEqual([{ text: 'plain start' }]);
  });

  it('notifies a two-party message under the person\'s name, a group message under the group\'s name', () => {
    const s = setup();
    s.receive('hi');
    s.threads.onEvent({ type: 'incomingInvitation', invitationId: 'inv-2', conversationId: 'conv-2', from: carl, subject: 'Plans', threadId: 'T2', group: true }, s.client);
    s.threads.onEvent({ type: 'invitationCompleted', invitationId: 'inv-2', conversationId: 'conv-2', direction: 'Incoming' }, s.client);
    s.receive('in the group', { conversationId: 'conv-2', from: carl });
    expect(s.notifications).toEqual([
      { text: 'hi', title: 'Ben Osei', group: undefined },
      { text: 'in the group', title: 'Plans', group: 'Plans' },
    ]);
  });
});

describe('an invitation accepted after we gave up on it', () => {
  it('marks its message delivered (reached after all), and the chat continues in that conversation', async () => {
    const s = setup();
    // Earlier messages in the chat, whose conversation is over.
    s.receive('hi');
    s.threads.onEvent({ type: 'conversationEnded', conversationId: 'conv-1' }, s.client);
    const thread = s.threads.threadForUri(ben.uri);
    s.client.nextStart = nobodyAnswered;
    const sent = s.threads.send(thread, 'are you there', undefined);
    await until(() => s.added().some((m) => m.id === sent.id && m.delivery === 'failed'));

    s.threads.onEvent({ type: 'invitationCompleted', invitationId: 'inv-7', conversationId: 'conv-7', direction: 'Outgoing', operationId: lastOperation(s.client) }, s.client);
    const update = s.added().at(-1);
    expect(update).toMatchObject({ id: sent.id, delivery: 'delivered', deliveryNote: 'reachedAfterAll' });
    expect(update?.failureReason).toBeUndefined();
    expect(thread.messages.map((m) => [m.text, m.delivery])).toEqual([
      ['hi', 'delivered'],
      ['are you there', 'delivered'],
    ]);
    expect(s.shown(thread.id)?.state).toBe('connected');

    const next = s.threads.send(thread, 'good', undefined);
    await until(() => s.added().some((m) => m.id === next.id && m.delivery === 'delivered'));
    expect(s.client.log.at(-1)).toBe('send conv-7 good');
  });

  it('after its message was retried and delivered, the late acceptance changes nothing on it and the chat stays where it is', async () => {
    const s = setup();
    const thread = s.threads.threadForUri(ben.uri);
    s.client.nextStart = nobodyAnswered;
    const sent = s.threads.send(thread, 'are you there', undefined);
    await until(() => s.added().some((m) => m.id === sent.id && m.delivery === 'failed'));
    const late = lastOperation(s.client);
    s.client.nextStart = async () => 'conv-2';
    await s.threads.retry(thread.id, sent.id);
    await until(() => s.added().some((m) => m.id === sent.id && m.delivery === 'delivered'));
    const updates = s.added().length;

    s.threads.onEvent({ type: 'invitationCompleted', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Outgoing', operationId: late }, s.client);
    expect(s.added()).toHaveLength(updates);
    expect(thread.messages.find((m) => m.id === sent.id)?.deliveryNote).toBeUndefined();

    const next = s.threads.send(thread, 'good', undefined);
    await until(() => s.added().some((m) => m.id === next.id && m.delivery === 'delivered'));
    expect(s.client.log.at(-1)).toBe('send conv-2 good');
  });

  it('a retry still waiting for the connection is not sent again once the late acceptance delivered it', async () => {
    let up = true;
    const s = setup({ host: { isUp: () => up } });
    const thread = s.threads.threadForUri(ben.uri);
    s.client.nextStart = nobodyAnswered;
    const sent = s.threads.send(thread, 'are you there', undefined);
    await until(() => s.added().some((m) => m.id === sent.id && m.delivery === 'failed'));
    const late = lastOperation(s.client);

    // The user retries while the session is down: the retry waits in the outbox.
    up = false;
    await s.threads.retry(thread.id, sent.id);
    s.threads.onEvent({ type: 'invitationCompleted', invitationId: 'inv-7', conversationId: 'conv-7', direction: 'Outgoing', operationId: late }, s.client);
    up = true;
    s.threads.deliveries.up();
    // A later message, queued behind the retry, shows the outbox has moved past it.
    const next = s.threads.send(thread, 'good', undefined);
    await until(() => s.added().some((m) => m.id === next.id && m.delivery === 'delivered'));
    expect(s.client.log).toEqual(['start sip:ben@contoso.com are you there', 'send conv-7 good']);
    expect(thread.messages.find((m) => m.id === sent.id)).toMatchObject({ delivery: 'delivered', deliveryNote: 'reachedAfterAll' });
  });
  it('a start whose answer was lost when the connection dropped is recognised when its invitation completes: delivered once, never started again', async () => {
    let up = true;
    const s = setup({ host: { isUp: () => up } });
    const thread = s.threads.threadForUri(ben.uri);
    // The server took the POST; the Wi-Fi dropped before its answer came back.
    s.client.nextStart = () => {
      up = false;
      return Promise.reject(new UcwaError('unreachable', 'connection reset'));
    };
    const sent = s.threads.send(thread, 'are you there', undefined);
    await until(() => s.client.starts.length === 1 && thread.state === 'idle');

    s.threads.onEvent({ type: 'invitationCompleted', invitationId: 'inv-7', conversationId: 'conv-7', direction: 'Outgoing', operationId: lastOperation(s.client) }, s.client);
    expect(thread.messages.find((m) => m.id === sent.id)).toMatchObject({ delivery: 'delivered', deliveryNote: 'reachedAfterAll' });
    up = true;
    s.threads.deliveries.up();
    const next = s.threads.send(thread, 'good', undefined);
    await until(() => s.added().some((m) => m.id === next.id && m.delivery === 'delivered'));
    expect(s.client.log).toEqual(['start sip:ben@contoso.com are you there', 'send conv-7 good']);
  });
});

describe('a failed delivery in an open conversation', () => {
  it('not delivered, or not confirmed: the conversation is given up and the next message starts a new one', async () => {
    for (const code of ['delivery-failed', 'delivery-unconfirmed'] as const) {
      const s = setup();
      const thread = s.threads.threadForUri(ben.uri);
      const one = s.threads.send(thread, 'one', undefined);
      await until(() => s.added().some((m) => m.id === one.id && m.delivery === 'delivered'));
      s.client.nextSend = () => Promise.reject(new UcwaError(code, 'Not delivered.'));
      const two = s.threads.send(thread, 'two', undefined);
      await until(() => s.added().some((m) => m.id === two.id && m.delivery === 'failed'));
      s.client.nextSend = async () => ({ operationId: 'op' });
      const three = s.threads.send(thread, 'three', undefined);
      await until(() => s.added().some((m) => m.id === three.id && m.delivery === 'delivered'));
      expect(s.client.log, code).toEqual(['start sip:ben@contoso.com one', 'send conv-1 two', 'start sip:ben@contoso.com three']);
      expect(thread.ucwaId, code).toBe('conv-2');
    }
  });
});
