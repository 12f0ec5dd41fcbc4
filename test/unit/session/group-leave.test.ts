// Leaving a group chat (#16) with a scripted client: one DELETE of its conversation, a "you-left"
// line naming the user, late events of the left conversation reopen nothing, writing again starts
// the group anew; a two-party chat cannot be left, an idle group is a no-op, a failed DELETE
// leaves the chat as it was; the IPC input is validated.
import { describe, expect, it } from 'vitest';
import { invokeContract } from '../../../src/shared/ipc-contract';
import { IpcFailure } from '../../../src/shared/ipc-failure';
import { UcwaError } from '../../../src/main/ucwa/index';
import { ben, carl, threadsHarness as setup, until } from './support/scripted-threads';
import type { ThreadsHarness } from './support/scripted-threads';

/** A group with Ben and Carl whose conversation `conv-1` is up. */
async function liveGroup(s: ThreadsHarness): Promise<string> {
  const thread = s.threads.startGroup([ben.uri, carl.uri], '');
  s.threads.send(thread, 'hello both', undefined);
  await until(() => thread.state === 'connected' && thread.messages.some((m) => m.delivery === 'delivered'));
  await until(() => s.client.log.includes(`add conv-1 ${carl.uri}`));
  return thread.id;
}

describe('leaving a group chat', () => {
  it('sends one DELETE, says "you left" naming the user, goes idle, and late events of that conversation reopen nothing', async () => {
    const s = setup();
    const id = await liveGroup(s);
    await s.threads.leave(id);
    expect(s.client.log.filter((l) => l.startsWith('leave'))).toEqual(['leave conv-1']);
    const lines = s.added().filter((m) => m.system !== undefined);
    expect(lines.map((m) => [m.conversationId, m.system?.kind, m.system?.who.uri])).toEqual([[id, 'you-left', 'sip:ana@contoso.com']]);
    const thread = s.threads.requireThread(id);
    expect(thread.state).toBe('idle');
    expect(thread.ucwaId).toBeUndefined();

    // The server may still send what happened before it saw the DELETE.
    s.threads.onEvent({ type: 'messageReceived', conversationId: 'conv-1', messageId: 'late', from: carl, time: new Date(1_000_000), text: 'late one' }, s.client);
    s.threads.onEvent({ type: 'participantAdded', conversationId: 'conv-1', participant: { uri: 'sip:dana@contoso.com', name: 'Dana' } }, s.client);
    s.threads.onEvent({ type: 'participantRemoved', conversationId: 'conv-1', participant: ben }, s.client);
    s.threads.onEvent({ type: 'conversationStateChanged', conversationId: 'conv-1', state: 'Connected' }, s.client);
    expect(s.added().map((m) => m.text)).not.toContain('late one');
    expect(s.threads.store.all().map((t) => t.id)).toEqual([id]);
    expect(thread.state).toBe('idle');
    expect([...thread.participants.values()].map((p) => p.uri).sort()).toEqual([ben.uri, carl.uri]);

    // Leaving again: nothing to leave, no second DELETE or line.
    await s.threads.leave(id);
    expect(s.client.log.filter((l) => l.startsWith('leave'))).toHaveLength(1);
    expect(s.added().filter((m) => m.system?.kind === 'you-left')).toHaveLength(1);
  });

  it('writing after leaving starts the group again with the same people, in a new conversation', async () => {
    const s = setup();
    const id = await liveGroup(s);
    await s.threads.leave(id);
    const thread = s.threads.requireThread(id);
    s.threads.send(thread, 'back again', undefined);
    await until(() => thread.messages.find((m) => m.text === 'back again')?.delivery === 'delivered');
    expect(s.client.log.filter((l) => l.startsWith('start'))).toEqual([`start ${ben.uri} hello both`, `start ${ben.uri} back again`]);
    await until(() => s.client.log.includes(`add conv-2 ${carl.uri}`));
    expect(thread.ucwaId).toBe('conv-2');
    expect(thread.state).toBe('connected');
  });

  it('refuses a two-party chat and an unknown one with a clear error; a group never started is a no-op', async () => {
    const s = setup();
    const chat = s.threads.threadForUri(ben.uri);
    chat.ucwaId = 'conv-9';
    chat.state = 'connected';
    await expect(s.threads.leave(chat.id)).rejects.toMatchObject({ code: 'invalid-input', detail: { reason: 'notAGroupChat' } });
    await expect(s.threads.leave('group:nope')).rejects.toBeInstanceOf(IpcFailure);
    const idle = s.threads.startGroup([ben.uri, carl.uri], '');
    await s.threads.leave(idle.id);
    expect(s.client.log).toEqual([]);
    expect(s.added()).toEqual([]);
    expect(chat.state).toBe('connected');
  });

  it('a DELETE that fails leaves the chat as it was (still heard); one the server no longer knows counts as left', async () => {
    const s = setup();
    const id = await liveGroup(s);
    s.client.leaveOutcome = () => Promise.reject(new UcwaError('http', 'server error', { status: 500 }));
    await expect(s.threads.leave(id)).rejects.toBeInstanceOf(UcwaError);
    const thread = s.threads.requireThread(id);
    expect(thread.state).toBe('connected');
    s.threads.onEvent({ type: 'messageReceived', conversationId: 'conv-1', messageId: 'still', from: carl, time: new Date(1_000_000), text: 'still heard' }, s.client);
    expect(thread.messages.map((m) => m.text)).toContain('still heard');
    expect(s.added().filter((m) => m.system !== undefined)).toEqual([]);

    s.client.leaveOutcome = () => Promise.reject(new UcwaError('not-found', 'gone', { status: 404 }));
    await s.threads.leave(id);
    expect(thread.state).toBe('idle');
    expect(s.added().filter((m) => m.system?.kind === 'you-left')).toHaveLength(1);
  });

  it('the IPC input is one conversation id, nothing else', () => {
    const parse = (input: unknown): boolean => invokeContract.leaveConversation.input.safeParse(input).success;
    expect(parse({ conversationId: 'group:abc' })).toBe(true);
    expect(parse({})).toBe(false);
    expect(parse({ conversationId: '' })).toBe(false);
    expect(parse({ conversationId: 'x'.repeat(201) })).toBe(false);
    expect(parse({ conversationId: 42 })).toBe(false);
    expect(parse({ conversationId: 'group:abc', extra: true })).toBe(false);
    expect(parse('group:abc')).toBe(false);
  });
});
