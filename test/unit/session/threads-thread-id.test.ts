// Continuing the UCWA thread of an ended conversation when writing again (§6.7, §10.21), and the
// server refusing that thread id (409 ThreadIdAlreadyExists): one fresh start, never a loop.
import { describe, expect, it } from 'vitest';
import type { Thread } from '../../../src/main/session/conversation-store';
import { UcwaError } from '../../../src/main/ucwa/index';
import { ben, threadsHarness as setup, until } from './support/scripted-threads';
import type { ThreadsHarness } from './support/scripted-threads';

/** Ben's chat on UCWA thread T-1 (named by his invitation), whose conversation has been deleted. */
function endedChatOnThread(s: ThreadsHarness): Thread {
  s.threads.onEvent({ type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-1', from: ben, subject: '', threadId: 'T-1' }, s.client);
  s.threads.onEvent({ type: 'invitationCompleted', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Incoming' }, s.client);
  // The end does not repeat the thread id.
  s.threads.onEvent({ type: 'conversationEnded', conversationId: 'conv-1' }, s.client);
  const thread = s.threads.threadForUri(ben.uri);
  expect(thread.state).toBe('ended');
  return thread;
}

/** Starts answered in turn by these outcomes: a conversation id, or a refusal. */
function script(s: ThreadsHarness, outcomes: readonly (string | UcwaError)[]): void {
  let next = 0;
  s.client.nextStart = async () => {
    const outcome = outcomes[next++];
    if (outcome === undefined) throw new Error('no more scripted starts');
    if (outcome instanceof UcwaError) throw outcome;
    return outcome;
  };
}

const threadIdTaken = (): UcwaError => new UcwaError('http', '409 ThreadIdAlreadyExists', { status: 409, subcode: 'ThreadIdAlreadyExists' });

async function sendAndSettle(s: ThreadsHarness, thread: Thread, text: string): Promise<string | undefined> {
  const sent = s.threads.send(thread, text, undefined);
  await until(() => s.added().some((m) => m.id === sent.id && m.delivery !== 'sending'));
  return s.added().findLast((m) => m.id === sent.id)?.delivery;
}

describe('the UCWA thread of a chat', () => {
  it('writing again after the conversation ended continues its thread, even when the end did not name it; an end that names one is taken', async () => {
    const s = setup();
    const thread = endedChatOnThread(s);
    expect(await sendAndSettle(s, thread, 'again')).toBe('delivered');
    expect(s.client.starts.map((i) => i.threadId)).toEqual(['T-1']);

    s.threads.onEvent({ type: 'conversationEnded', conversationId: 'conv-1', threadId: 'T-2' }, s.client);
    expect(await sendAndSettle(s, thread, 'and again')).toBe('delivered');
    expect(s.client.starts.map((i) => i.threadId)).toEqual(['T-1', 'T-2']);
  });

  it('a refused thread id (409 ThreadIdAlreadyExists): the message goes out at once in a fresh conversation, and the thread id is dropped', async () => {
    const s = setup();
    const thread = endedChatOnThread(s);
    script(s, [threadIdTaken(), 'conv-2', 'conv-3']);
    expect(await sendAndSettle(s, thread, 'again')).toBe('delivered');
    expect(s.client.starts.map((i) => [i.threadId, i.message?.text])).toEqual([
      ['T-1', 'again'],
      [undefined, 'again'],
    ]);
    expect(s.client.starts[1]).not.toHaveProperty('threadId');
    expect([thread.ucwaId, thread.state]).toEqual(['conv-2', 'connected']);

    // The next time the chat is started, the refused thread id is not tried again.
    s.threads.onEvent({ type: 'conversationEnded', conversationId: 'conv-2' }, s.client);
    expect(await sendAndSettle(s, thread, 'later')).toBe('delivered');
    expect(s.client.starts.map((i) => i.threadId)).toEqual(['T-1', undefined, undefined]);
  });

  it('the fresh start is tried once: refused again, the message fails rather than starting over and over', async () => {
    const s = setup();
    const thread = endedChatOnThread(s);
    script(s, [threadIdTaken(), threadIdTaken(), threadIdTaken(), 'conv-4']);
    expect(await sendAndSettle(s, thread, 'again')).toBe('failed');
    expect(s.client.starts.map((i) => i.threadId)).toEqual(['T-1', undefined]);
    expect(thread.ucwaId).toBeUndefined();
  });

  it('a 409 of another kind keeps the thread id: the message fails, and its retry still continues the thread', async () => {
    const s = setup();
    const thread = endedChatOnThread(s);
    script(s, [new UcwaError('http', '409 AnotherOperationPending', { status: 409, subcode: 'AnotherOperationPending' }), 'conv-2']);
    const sent = s.threads.send(thread, 'again', undefined);
    await until(() => s.added().some((m) => m.id === sent.id && m.delivery === 'failed'));
    expect(s.client.starts.map((i) => i.threadId)).toEqual(['T-1']);
    await s.threads.retry(thread.id, sent.id);
    await until(() => s.added().some((m) => m.id === sent.id && m.delivery === 'delivered'));
    expect(s.client.starts.map((i) => i.threadId)).toEqual(['T-1', 'T-1']);
  });
});
