// The conversations list as windows read it (ConversationStore through the threads controller): one
// thread per person or group that keeps its messages and people across invitations, the title,
// subject, people and last message of each summary, late starts found in the right thread, memory bounds.
import { describe, expect, it } from 'vitest';
import type { ChatMessage, Contact } from '../../../src/shared/domain';
import type { HistoryPort } from '../../../src/main/session/ports';
import { ConversationStore } from '../../../src/main/session/conversation-store';
import { UcwaError } from '../../../src/main/ucwa/index';
import { errorDetail } from '../../../src/shared/error-detail';
import { UNSHOWABLE_MESSAGE } from '../../../src/shared/message-preview';
import { ben, carl, threadsHarness as setup, until } from './support/scripted-threads';

const dana = { uri: 'sip:dana@contoso.com', name: 'Dana Wu' };
/** Ben and Carl are in the contact list: their names are known. */
const contacts: Contact[] = [ben, carl].map((p) => ({ ...p, presence: { availability: 'Online' } }));

/** A history that keeps nothing: the thread only has to know there is one. */
function nullHistory(ids: readonly string[] = [], saved: readonly ChatMessage[] = []): HistoryPort {
  return {
    save: async () => undefined,
    onUnsaved: () => () => undefined,
    flush: async () => 0,
    page: async (id) => ({ messages: saved.filter((m) => m.conversationId === id) }),
    find: async () => undefined,
    conversationIds: async () => [...ids],
    search: async () => [],
  };
}

describe('what the conversations list shows of a chat', () => {
  it('a two-party chat is titled after the other person, lists them, and has no subject until one is given', async () => {
    const s = setup({ contacts });
    const thread = s.threads.threadForUri(ben.uri);
    s.threads.send(thread, 'hello', undefined);
    await until(() => s.added().some((m) => m.delivery === 'delivered'));
    const summary = s.shown(thread.id);
    expect(summary).toMatchObject({ title: 'Ben Osei', participants: [ben], state: 'connected', lastMessage: { text: 'hello', fromName: 'Ana Ruiz' } });
    expect(summary).not.toHaveProperty('subject');
    expect(summary).not.toHaveProperty('group');

    // An invitation with a subject: the chat shows it, still titled after Ben.
    s.threads.onEvent({ type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-7', from: ben, subject: 'Lunch on Friday' }, s.client);
    expect(s.shown(thread.id)).toMatchObject({ title: 'Ben Osei', subject: 'Lunch on Friday', participants: [ben] });
  });

  it('a group chat without a subject is titled with its people\'s names; with one, by its subject', () => {
    const s = setup({ contacts });
    const unnamed = s.threads.startGroup([ben.uri, carl.uri], '');
    const unnamedSummary = s.shown(unnamed.id);
    expect(unnamedSummary).toMatchObject({ title: 'Ben Osei, Carl Berg', participants: [ben, carl], group: true });
    expect(unnamedSummary).not.toHaveProperty('subject');

    const named = s.threads.startGroup([ben.uri, carl.uri], 'Budget 2027');
    expect(s.shown(named.id)).toMatchObject({ title: 'Budget 2027', subject: 'Budget 2027', participants: [ben, carl], group: true });
  });

  it('the last message shown is the last thing said, not a "joined" line after it', async () => {
    const s = setup();
    const thread = s.threads.startGroup([ben.uri, carl.uri], '');
    s.threads.send(thread, 'hello both', undefined);
    await until(() => thread.state === 'connected' && thread.messages.some((m) => m.delivery === 'delivered'));
    s.threads.onEvent({ type: 'participantAdded', conversationId: 'conv-1', participant: dana }, s.client);
    expect(s.added().at(-1)?.system).toMatchObject({ kind: 'joined', who: dana });
    const summary = s.shown(thread.id);
    expect(summary?.lastMessage).toMatchObject({ text: 'hello both', fromName: 'Ana Ruiz' });
    expect(summary?.lastMessage?.text).not.toBe(UNSHOWABLE_MESSAGE);
  });
});

describe('threads that last', () => {
  it('the same person is always the same thread, whatever the case of the address, with its messages', () => {
    const store = new ConversationStore();
    const first = store.threadFor(ben);
    store.upsert(first, { id: 'in:1', conversationId: first.id, direction: 'in', from: ben, text: 'hi', time: 1, delivery: 'delivered' });
    const again = store.threadFor({ uri: 'SIP:Ben@Contoso.com', name: 'Ben Osei' });
    expect(again).toBe(first);
    expect(again.messages.map((m) => m.text)).toEqual(['hi']);
    expect(store.all()).toHaveLength(1);
  });

  it('a second invitation into the same group chat continues its thread: its messages, its people and their names stay', () => {
    const s = setup();
    s.threads.onEvent({ type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-1', from: ben, subject: '', threadId: 'T1', group: true }, s.client);
    s.threads.onEvent({ type: 'invitationCompleted', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Incoming' }, s.client);
    s.threads.onEvent({ type: 'participantAdded', conversationId: 'conv-1', participant: carl }, s.client);
    s.receive('hi all', { from: carl });
    s.threads.onEvent({ type: 'conversationEnded', conversationId: 'conv-1' }, s.client);
    const id = 'group:t1';
    expect(s.shown(id)).toMatchObject({ title: 'Ben Osei, Carl Berg', state: 'ended' });

    // Ben asks again, this time without his display name.
    s.threads.onEvent({ type: 'incomingInvitation', invitationId: 'inv-2', conversationId: 'conv-2', from: { uri: ben.uri, name: '' }, subject: '', threadId: 'T1', group: true }, s.client);
    expect(s.client.log).toEqual(['accept inv-1', 'accept inv-2']);
    expect(s.threads.store.all().map((t) => t.id)).toEqual([id]);
    const thread = s.threads.requireThread(id);
    expect(thread.messages.map((m) => m.text)).toEqual(['hi all']);
    expect(s.shown(id)).toMatchObject({ title: 'Ben Osei, Carl Berg', participants: [ben, carl], state: 'incoming', lastMessage: { text: 'hi all', fromName: 'Carl Berg' } });
  });

  it('the first person of a group we start is no news: no "joined" line for them, even when they join before the start returns', async () => {
    const s = setup();
    let answer: (id: string) => void = () => undefined;
    let operationId: string | undefined;
    s.client.nextStart = (input) => {
      operationId = input.operationId;
      return new Promise<string>((resolve) => {
        answer = resolve;
      });
    };
    const thread = s.threads.startGroup([ben.uri, carl.uri], '');
    s.threads.send(thread, 'hello both', undefined);
    await until(() => operationId !== undefined);
    // The invitation is accepted and Ben is in before the start itself answers.
    s.threads.onEvent({ type: 'invitationCompleted', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Outgoing', ...(operationId === undefined ? {} : { operationId }) }, s.client);
    s.threads.onEvent({ type: 'participantAdded', conversationId: 'conv-1', participant: ben }, s.client);
    expect(thread.state).toBe('connected');
    answer('conv-1');
    await until(() => thread.messages.some((m) => m.delivery === 'delivered') && s.client.log.includes(`add conv-1 ${carl.uri}`));
    // Carl, added after IM was up, is news.
    s.threads.onEvent({ type: 'participantAdded', conversationId: 'conv-1', participant: carl }, s.client);
    expect(s.added().filter((m) => m.system !== undefined).map((m) => [m.system?.kind, m.system?.who.uri])).toEqual([['joined', carl.uri]]);
  });

  it('an invitation accepted after we gave up on it marks its message delivered in its own chat, not in another one', async () => {
    const s = setup();
    const other = s.threads.threadForUri(ben.uri);
    const thread = s.threads.threadForUri(carl.uri);
    let operationId: string | undefined;
    s.client.nextStart = async (input) => {
      operationId = input.operationId;
      throw new UcwaError('invitation-failed', errorDetail('nobodyAnswered', {}), { subcode: 'Timeout' });
    };
    const sent = s.threads.send(thread, 'are you there?', undefined);
    await until(() => s.added().some((m) => m.id === sent.id && m.delivery === 'failed'));
    s.threads.onEvent({ type: 'invitationCompleted', invitationId: 'inv-9', conversationId: 'conv-9', direction: 'Outgoing', ...(operationId === undefined ? {} : { operationId }) }, s.client);
    expect(s.added().at(-1)).toMatchObject({ id: sent.id, conversationId: thread.id, delivery: 'delivered', deliveryNote: 'reachedAfterAll' });
    expect([thread.state, thread.ucwaId]).toEqual(['connected', 'conv-9']);
    expect([other.state, other.ucwaId, other.messages]).toEqual(['idle', undefined, []]);
    expect(s.client.log).toEqual([`start ${carl.uri} are you there?`]);
  });

  it('a group restored with nobody left in it invents no one: an invitation back into it names only who sent it', async () => {
    const mine: ChatMessage = { id: 'out:1', conversationId: 'group:t1', direction: 'out', from: { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz' }, text: 'anyone?', time: 5, delivery: 'delivered' };
    const invitations: [string, string][] = [];
    const s = setup({
      history: nullHistory(['group:t1'], [mine]),
      host: {
        autoAccept: () => false,
        notify: { incomingMessage: () => undefined, incomingInvitation: (id, fromName) => invitations.push([id, fromName]) },
      },
    });
    await s.threads.restore();
    expect(s.shown('group:t1')).toMatchObject({ title: '', participants: [], group: true });
    // Someone without a display name invites us back into that group.
    s.threads.onEvent({ type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-1', from: { uri: ben.uri, name: '' }, subject: '', threadId: 'T1', group: true }, s.client);
    expect(invitations).toEqual([['group:t1', '']]);
  });
});

describe('memory with a persistent history', () => {
  it('a thread holds at most twice its 200 newest messages, then is cut back to the newest 200', () => {
    const s = setup({ history: nullHistory() });
    const thread = s.threads.threadForUri(ben.uri);
    for (let i = 1; i <= 400; i += 1) s.receive(`line ${i}`);
    expect(thread.messages).toHaveLength(400);
    expect(thread.messages[0]?.text).toBe('line 1');
    s.receive('line 401');
    expect(thread.messages.map((m) => m.text)).toEqual(Array.from({ length: 200 }, (_, i) => `line ${i + 202}`));
    // Every message was shown all the same.
    expect(s.added()).toHaveLength(401);
    for (let i = 402; i <= 601; i += 1) s.receive(`line ${i}`);
    expect(thread.messages).toHaveLength(400);
    expect(thread.messages.at(-1)?.text).toBe('line 601');
  });
});
