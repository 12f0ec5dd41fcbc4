// Conversations as the person sees them, driven by client events and a scripted client: typing,
// ended conversations, incoming HTML, retrying a failed message, typing notices, search and
// restore without a history, and what a failed attempt leaves behind for the next one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, HistoryPage } from '../../../src/shared/domain';
import type { HistoryPort } from '../../../src/main/session/ports';
import { HistoryStore } from '../../../src/main/history/history-store';
import { UcwaError } from '../../../src/main/ucwa/index';
import { ben, threadsHarness as setup, until } from './support/scripted-threads';
import { errorDetail } from '../../../src/shared/error-detail';

describe('threads', () => {
  it('an incoming invitation opens the thread and is accepted; typing comes and goes; the end leaves the thread idle', () => {
    const { client, threads, pushes, receive } = setup();
    expect(threads.onEvent({ type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-1', from: ben, subject: 'Lunch' }, client)).toBe(true);
    expect(client.log).toEqual(['accept inv-1']);
    const thread = threads.threadForUri('ben@contoso.com');
    expect([thread.state, thread.subject, thread.ucwaId]).toEqual(['incoming', 'Lunch', 'conv-1']);
    expect(threads.onEvent({ type: 'invitationCompleted', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Incoming' }, client)).toBe(true);
    expect(thread.state).toBe('connected');
    for (const isTyping of [true, true]) expect(threads.onEvent({ type: 'typingChanged', conversationId: 'conv-1', participant: ben, isTyping }, client)).toBe(true);
    expect(thread.typing).toEqual(['Ben Osei']);
    expect(pushes.filter((p) => p.name === 'typingChanged').at(-1)?.payload).toEqual({ conversationId: thread.id, typing: ['Ben Osei'] });
    // A message from Ben ends his typing.
    receive('hi');
    expect(thread.typing).toEqual([]);
    threads.onEvent({ type: 'typingChanged', conversationId: 'conv-1', participant: ben, isTyping: true }, client);
    threads.onEvent({ type: 'typingChanged', conversationId: 'conv-1', participant: ben, isTyping: false }, client);
    expect(thread.typing).toEqual([]);
    threads.onEvent({ type: 'typingChanged', conversationId: 'conv-1', participant: ben, isTyping: true }, client);
    expect(threads.onEvent({ type: 'conversationEnded', conversationId: 'conv-1' }, client)).toBe(true);
    // The other side is gone: the chat says the conversation ended (writing again restarts it).
    expect([thread.state, thread.ucwaId, thread.typing]).toEqual(['ended', undefined, []]);
    // Events for conversations nobody knows are taken and change nothing.
    expect(threads.onEvent({ type: 'typingChanged', conversationId: 'conv-x', participant: ben, isTyping: true }, client)).toBe(true);
    expect(threads.onEvent({ type: 'conversationEnded', conversationId: 'conv-x' }, client)).toBe(true);
    expect(threads.onEvent({ type: 'meChanged' }, client)).toBe(false);
  });

  it('keeps the HTML of an incoming message and names the thread after a stranger\'s address', () => {
    const { threads, added, receive } = setup();
    receive('bold', { html: '<b>bold</b>', from: { uri: 'sip:stranger@fabrikam.com', name: '' } });
    expect(added()[0]).toMatchObject({ text: 'bold', html: '<b>bold</b>', direction: 'in', delivery: 'delivered' });
    expect(threads.threadForUri('sip:stranger@fabrikam.com').remote).toEqual({ uri: 'sip:stranger@fabrikam.com', name: '' });
    expect(threads.threadForUri('SIP:carl@contoso.com').remote).toEqual({ uri: 'SIP:carl@contoso.com', name: 'carl@contoso.com' });
  });

  it('sends over the open conversation with the HTML; a new thread starts a conversation that carries the message', async () => {
    const { client, threads, added } = setup();
    const thread = threads.threadForUri('ben@contoso.com');
    threads.send(thread, 'hello', undefined);
    await until(() => added().some((m) => m.delivery === 'delivered'));
    expect(client.log).toEqual(['start sip:ben@contoso.com hello']);
    expect([thread.state, thread.ucwaId]).toEqual(['connected', 'conv-1']);
    threads.send(thread, 'bold', '<b>bold</b>');
    await until(() => added().filter((m) => m.delivery === 'delivered').length === 2);
    expect(client.log.at(-1)).toBe('send conv-1 bold <b>bold</b>');
    expect(added().at(-1)).toMatchObject({ from: { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz' }, html: '<b>bold</b>' });
  });

  it('a failed start leaves the thread idle; a conversation that died is started afresh next time', async () => {
    const { client, threads, added } = setup();
    const thread = threads.threadForUri('ben@contoso.com');
    client.nextStart = async () => {
      throw new UcwaError('invitation-failed', errorDetail('serverReason', { reason: 'Ben declined.' }));
    };
    const sent = threads.send(thread, 'one', undefined);
    await until(() => added().some((m) => m.id === sent.id && m.delivery === 'failed'));
    expect(thread.state).toBe('idle');
    expect(added().find((m) => m.id === sent.id && m.delivery === 'failed')?.failureReason).toEqual(errorDetail('serverReason', { reason: 'Ben declined.' }));
    // Retrying the failed one keeps its id; this time the conversation opens.
    client.nextStart = async () => 'conv-2';
    const again = await threads.retry(thread.id, sent.id);
    expect(again.id).toBe(sent.id);
    await until(() => added().some((m) => m.id === sent.id && m.delivery === 'delivered'));
    expect(thread.ucwaId).toBe('conv-2');
    // The conversation died under the next message (nothing was sent): it is forgotten, and the
    // message goes out in a new one.
    client.nextSend = async () => {
      throw new UcwaError('not-found', 'Gone.');
    };
    client.nextStart = async () => 'conv-4';
    const two = threads.send(thread, 'two', undefined);
    await until(() => added().some((m) => m.id === two.id && m.delivery === 'delivered'));
    expect(thread.ucwaId).toBe('conv-4');
    // A refusal of another kind keeps the conversation.
    thread.ucwaId = 'conv-3';
    client.nextSend = async () => {
      throw new UcwaError('wrong-credentials', 'No.');
    };
    const three = threads.send(thread, 'three', undefined);
    await until(() => added().some((m) => m.id === three.id && m.delivery === 'failed'));
    expect([thread.ucwaId, thread.state]).toEqual(['conv-3', 'connected']);
  });

  it('retries only a message that failed, in a thread that exists', async () => {
    const { threads } = setup();
    const thread = threads.threadForUri('ben@contoso.com');
    const sent = threads.send(thread, 'pending', undefined);
    await expect(threads.retry(thread.id, sent.id)).rejects.toThrow('There is no failed message to retry.');
    await expect(threads.retry('chat:nobody', sent.id)).rejects.toThrow('That conversation does not exist.');
  });

  it('sends a typing notice at most every three seconds, and only in an open conversation', async () => {
    const { client, threads, clock } = setup();
    const thread = threads.threadForUri('ben@contoso.com');
    await threads.setTyping(thread.id);
    expect(client.log).toEqual([]);
    thread.ucwaId = 'conv-1';
    await threads.setTyping(thread.id);
    clock.now += 2_999;
    await threads.setTyping(thread.id);
    expect(client.log).toEqual(['typing conv-1']);
    clock.now += 1;
    await threads.setTyping(thread.id);
    expect(client.log).toEqual(['typing conv-1', 'typing conv-1']);
  });

  it('without a history, searches the messages in memory, newest first, and pages them', async () => {
    const { threads, receive, clock } = setup();
    receive('Report one');
    clock.now += 10;
    receive('nothing here');
    clock.now += 10;
    receive('the REPORT two');
    expect((await threads.search('report', 10)).map((m) => m.text)).toEqual(['the REPORT two', 'Report one']);
    expect((await threads.search('report', 1)).map((m) => m.text)).toEqual(['the REPORT two']);
    const page = (await threads.page('chat:ben@contoso.com', undefined, 2)) as HistoryPage;
    expect(page.messages.map((m) => m.text)).toEqual(['nothing here', 'the REPORT two']);
  });

  it('retries a failed message older than the thread keeps in memory, read back from the history on disk', async () => {
    const history = new HistoryStore(mkdtempSync(join(tmpdir(), 'ucwa-retry-')), 'ana@contoso.com');
    const { client, threads, added, receive } = setup({ history });
    const thread = threads.threadForUri('ben@contoso.com');
    client.nextStart = async () => {
      throw new UcwaError('invitation-failed', 'Ben declined.');
    };
    const old = threads.send(thread, 'the old one', undefined);
    await until(() => added().some((m) => m.id === old.id && m.delivery === 'failed'));
    thread.ucwaId = 'conv-1';
    for (let i = 0; i < 450; i += 1) receive(`line ${i}`);
    await history.flush();
    expect(thread.messages.some((m) => m.id === old.id)).toBe(false);
    client.nextStart = async () => 'conv-2';
    client.nextSend = async () => ({ operationId: 'op' });
    thread.ucwaId = undefined;
    const again = await threads.retry(thread.id, old.id);
    expect([again.id, again.text]).toEqual([old.id, 'the old one']);
    await until(() => added().some((m) => m.id === old.id && m.delivery === 'delivered'));
    // Delivered now, so it is not retried twice; and a message that never failed is not retried at all.
    await history.flush();
    await expect(threads.retry(thread.id, old.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(threads.retry(thread.id, 'm-line 0')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('restores chat threads from the history with their last message, skipping other ids', async () => {
    const last: ChatMessage = { id: 'in:x', conversationId: 'chat:ben@contoso.com', direction: 'in', from: ben, text: 'see you', time: 5, delivery: 'delivered' };
    const history: HistoryPort = {
      save: async () => undefined,
      onUnsaved: () => () => undefined,
      flush: async () => 0,
      page: async (id) => ({ messages: id === 'chat:ben@contoso.com' ? [last] : [] }),
      find: async () => undefined,
      conversationIds: async () => ['chat:ben@contoso.com', 'group:42', 'chat:lena@contoso.com'],
      search: async () => [],
    };
    const { threads, pushes } = setup({ history });
    await threads.restore();
    expect(threads.store.all().map((t) => [t.id, t.remote.name, t.messages.length])).toEqual([
      ['chat:ben@contoso.com', 'Ben Osei', 1],
      ['chat:lena@contoso.com', 'lena@contoso.com', 0],
    ]);
    expect(pushes.filter((p) => p.name === 'conversationChanged')).toHaveLength(2);
  });

  it('restores a group chat after a restart with the people still in it, and writing in it starts the group again', async () => {
    const carl = { uri: 'sip:carl@contoso.com', name: 'Carl Ng' };
    const dana = { uri: 'sip:dana@contoso.com', name: 'Dana Wu' };
    const at = (time: number, m: Partial<ChatMessage>): ChatMessage => ({ id: `m${time}`, conversationId: 'group:t1', direction: 'in', from: ben, text: '', time, delivery: 'delivered', ...m });
    const saved: ChatMessage[] = [
      at(1, { system: { kind: 'joined', who: ben } }),
      at(2, { system: { kind: 'joined', who: carl } }),
      at(3, { system: { kind: 'add-failed', who: dana } }),
      at(4, { text: 'hello all' }),
      at(5, { from: carl, text: 'bye' }),
      at(6, { system: { kind: 'left', who: carl } }),
      at(7, { direction: 'out', from: { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz' }, text: 'see you, Ben' }),
    ];
    const history: HistoryPort = {
      save: async () => undefined,
      onUnsaved: () => () => undefined,
      flush: async () => 0,
      // Newest first, as a page of the history store may come: the restore orders by time.
      page: async (id) => ({ messages: id === 'group:t1' ? [...saved].reverse() : [] }),
      find: async () => undefined,
      conversationIds: async () => ['group:t1'],
      search: async () => [],
    };
    const { threads, pushes } = setup({ history });
    await threads.restore();
    const group = threads.store.thread('group:t1');
    expect(group?.group).toBe(true);
    expect([...(group?.participants.values() ?? [])]).toEqual([ben]);
    expect(group?.messages.map((m) => m.text)).toEqual(['see you, Ben']);
    expect(pushes.filter((p) => p.name === 'conversationChanged')).toHaveLength(1);
  });

  it('forgets UCWA conversations when the application is lost, saying so only for threads that were not idle', () => {
    const { threads, pushes } = setup();
    const open = threads.threadForUri('ben@contoso.com');
    const idle = threads.threadForUri('lena@contoso.com');
    open.ucwaId = 'conv-1';
    open.state = 'connected';
    idle.ucwaId = 'conv-2';
    threads.forgetConversations();
    expect([open.ucwaId, open.state, idle.ucwaId, idle.state]).toEqual([undefined, 'idle', undefined, 'idle']);
    expect(pushes.filter((p) => p.name === 'conversationChanged').map((p) => (p.payload as { id: string }).id)).toEqual([open.id]);
    threads.clear();
    expect(threads.store.all()).toEqual([]);
  });
});
