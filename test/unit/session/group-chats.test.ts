// Group chats as the user sees them (src/main/session/group-chats.ts through the ThreadsController):
// which chat a group or an invitation is, a two-party chat that becomes a group, who is invited and
// when, the "joined / left / could not be added / you left" lines, typing and subjects.
import { describe, expect, it } from 'vitest';
import type { ChatMessage, Contact, ConversationSummary } from '../../../src/shared/domain';
import type { UcwaEvent } from '../../../src/main/ucwa/index';
import { UcwaError } from '../../../src/main/ucwa/index';
import { ben, carl, historyOf, threadsHarness as setup, until } from './support/scripted-threads';
import type { ThreadsHarness } from './support/scripted-threads';

const contacts: Contact[] = [ben, carl].map((p) => ({ ...p, presence: { availability: 'Online' } }));
const dana = { uri: 'sip:dana@contoso.com', name: 'dana@contoso.com' };

/** Every state the windows were shown for this conversation, in order. */
function statesShown(s: ThreadsHarness, id: string): string[] {
  return s.pushes
    .filter((p) => p.name === 'conversationChanged')
    .map((p) => p.payload as ConversationSummary)
    .filter((c) => c.id === id)
    .map((c) => c.state);
}

/** The lines ("joined", "left"…) the windows were shown: [conversation, kind, who, name]. */
function lines(s: ThreadsHarness): [string, string | undefined, string | undefined, string | undefined][] {
  return s.added()
    .filter((m) => m.system !== undefined)
    .map((m) => [m.conversationId, m.system?.kind, m.system?.who.uri, m.system?.who.name]);
}

function on(s: ThreadsHarness, event: UcwaEvent): void {
  s.threads.onEvent(event, s.client);
}

/** startConversation answers only when the test says so. */
function heldStart(s: ThreadsHarness): { answer: (id: string) => void } {
  const held = { answer: (id: string): void => void id };
  s.client.nextStart = () =>
    new Promise<string>((resolve) => {
      held.answer = resolve;
    });
  return held;
}

/** A group with Ben and Carl we started: its conversation `conv-1` is up and Carl invited. */
async function liveGroup(s: ThreadsHarness, subject = ''): Promise<string> {
  const thread = s.threads.startGroup([ben.uri, carl.uri], subject);
  s.threads.send(thread, 'hello both', undefined);
  await until(() => thread.messages.some((m) => m.delivery === 'delivered'));
  await until(() => s.client.log.includes(`add conv-1 ${carl.uri}`));
  return thread.id;
}

describe('which chat a group is', () => {
  it('two groups started with the same people are two chats, each started in its own conversation', async () => {
    const s = setup({ contacts });
    const first = s.threads.startGroup([ben.uri, carl.uri], '');
    const second = s.threads.startGroup([ben.uri, carl.uri], '');
    expect(second.id).not.toBe(first.id);
    expect(s.threads.store.all()).toEqual([first, second]);
    s.threads.send(first, 'one', undefined);
    s.threads.send(second, 'two', undefined);
    await until(() => [first, second].every((t) => t.messages.some((m) => m.delivery === 'delivered')));
    expect([first.messages.map((m) => m.text), second.messages.map((m) => m.text)]).toEqual([['one'], ['two']]);
    expect([first.ucwaId, second.ucwaId]).toEqual(['conv-1', 'conv-2']);
  });

  it('invitations into two different group threads are two chats; a group of an earlier run is found again by its thread, whatever its capitals', async () => {
    const earlier: ChatMessage = { id: 'in:old', conversationId: 'group:t1', direction: 'in', from: carl, text: 'see you monday', time: 5, delivery: 'delivered' };
    const s = setup({ history: historyOf({ 'group:t1': [earlier] }) });
    await s.threads.restore();
    on(s, { type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-1', from: ben, subject: '', threadId: 'T1', group: true });
    on(s, { type: 'incomingInvitation', invitationId: 'inv-2', conversationId: 'conv-2', from: ben, subject: '', threadId: 'T2', group: true });
    expect(s.threads.store.all().map((t) => t.id)).toEqual(['group:t1', 'group:t2']);
    const restored = s.threads.requireThread('group:t1');
    expect([restored.ucwaId, restored.messages.map((m) => m.text)]).toEqual(['conv-1', ['see you monday']]);
    expect(s.shown('group:t1')?.participants).toEqual([carl, ben]);
    expect(s.threads.requireThread('group:t2').ucwaId).toBe('conv-2');
  });
  it('a later invitation into a group that names no subject keeps the group\'s subject; one that names a new subject renames it', () => {
    const s = setup();
    on(s, { type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-1', from: ben, subject: 'Plans', threadId: 'T1', group: true });
    on(s, { type: 'conversationEnded', conversationId: 'conv-1' });
    on(s, { type: 'incomingInvitation', invitationId: 'inv-2', conversationId: 'conv-2', from: carl, subject: '', threadId: 'T1', group: true });
    expect(s.shown('group:t1')).toMatchObject({ title: 'Plans', subject: 'Plans' });
    on(s, { type: 'conversationEnded', conversationId: 'conv-2' });
    on(s, { type: 'incomingInvitation', invitationId: 'inv-3', conversationId: 'conv-3', from: ben, subject: 'Friday', threadId: 'T1', group: true });
    expect(s.shown('group:t1')).toMatchObject({ title: 'Friday', subject: 'Friday' });
  });
});

describe('a two-party chat becomes a group', () => {
  it('adding Carl to a live chat with Ben: the conversation moves to a new group named by its people, Ben stops typing in the old chat, Carl is invited and his joining is news', async () => {
    const s = setup({ contacts });
    const chat = s.threads.threadForUri(ben.uri);
    s.threads.send(chat, 'hi', undefined);
    await until(() => chat.messages[0]?.delivery === 'delivered');
    on(s, { type: 'typingChanged', conversationId: 'conv-1', participant: ben, isTyping: true });
    expect(s.shown(chat.id)?.typing).toEqual([]);
    expect(chat.typing).toEqual(['Ben Osei']);

    const id = await s.threads.addParticipants(chat.id, [carl.uri]);
    expect(id).not.toBe(chat.id);
    expect(s.shown(chat.id)).toMatchObject({ state: 'idle', typing: [] });
    const group = s.shown(id);
    expect(group).toMatchObject({ title: 'Ben Osei, Carl Berg', participants: [ben, carl], state: 'connected', group: true });
    expect(group).not.toHaveProperty('subject');
    expect(s.client.log).toEqual([`start ${ben.uri} hi`, `add conv-1 ${carl.uri}`]);

    // Ben was there already; Carl arriving is news, said with no words of its own (the window words it).
    on(s, { type: 'participantAdded', conversationId: 'conv-1', participant: ben });
    on(s, { type: 'participantAdded', conversationId: 'conv-1', participant: carl });
    expect(lines(s)).toEqual([[id, 'joined', carl.uri, 'Carl Berg']]);
    expect(s.added().at(-1)).toMatchObject({ conversationId: id, direction: 'in', from: carl, text: '', delivery: 'delivered', system: { kind: 'joined', who: carl } });
  });

  it('adding Carl to a chat whose conversation has ended makes a group that starts its own conversation: Ben first, then Carl is invited', async () => {
    const s = setup({ contacts });
    const chat = s.threads.threadForUri(ben.uri);
    s.threads.send(chat, 'hi', undefined);
    await until(() => chat.messages[0]?.delivery === 'delivered');
    // Disconnected, not deleted: the chat keeps its conversation to re-add IM to (§6.7).
    on(s, { type: 'conversationStateChanged', conversationId: 'conv-1', state: 'Disconnected' });
    expect([chat.state, chat.ucwaId]).toEqual(['ended', 'conv-1']);

    const id = await s.threads.addParticipants(chat.id, [carl.uri]);
    expect(s.shown(id)?.state).toBe('idle');
    expect([chat.state, chat.ucwaId]).toEqual(['ended', 'conv-1']);
    const group = s.threads.requireThread(id);
    s.threads.send(group, 'hello both', undefined);
    await until(() => s.client.log.includes(`add conv-2 ${carl.uri}`));
    expect(s.client.log).toEqual([`start ${ben.uri} hi`, `start ${ben.uri} hello both`, `add conv-2 ${carl.uri}`]);
    expect(group.messages.map((m) => m.delivery)).toEqual(['delivered']);
  });

  it('adding Carl while the first message to Ben is still on its way: a new group, not started yet; the chat with Ben carries on and delivers', async () => {
    const s = setup({ contacts });
    const held = heldStart(s);
    const chat = s.threads.threadForUri(ben.uri);
    s.threads.send(chat, 'hi', undefined);
    await until(() => s.client.starts.length === 1);

    const id = await s.threads.addParticipants(chat.id, [carl.uri]);
    expect([...new Set(statesShown(s, id))]).toEqual(['idle']);
    expect(statesShown(s, chat.id)).toEqual(['idle', 'connecting']);
    held.answer('conv-1');
    await until(() => chat.messages[0]?.delivery === 'delivered');
    expect([chat.state, chat.ucwaId]).toEqual(['connected', 'conv-1']);
    expect(s.threads.requireThread(id).ucwaId).toBeUndefined();
  });

  it('Ben adds Carl while our start is still connecting (Ben already answered): the conversation moves to the group, Carl was there before IM connected, and what he says is in the group', async () => {
    const s = setup({ contacts });
    heldStart(s);
    const chat = s.threads.threadForUri(ben.uri);
    s.threads.send(chat, 'hi', undefined);
    await until(() => s.client.starts.length === 1);
    s.receive('hello');
    expect([chat.state, chat.ucwaId]).toEqual(['connecting', 'conv-1']);

    on(s, { type: 'participantAdded', conversationId: 'conv-1', participant: carl });
    const group = s.threads.store.all().find((t) => t.group);
    expect(group?.ucwaId).toBe('conv-1');
    expect(s.shown(group?.id ?? '')).toMatchObject({ participants: [ben, carl], state: 'connecting' });
    expect(lines(s)).toEqual([]);
    s.receive('hi all', { from: carl, messageId: 'carl-1' });
    expect(s.added().at(-1)).toMatchObject({ conversationId: group?.id, text: 'hi all' });
    expect(chat.messages.map((m) => m.text)).toEqual(['hi', 'hello']);
  });
  it('adding Carl after Ben accepted but before our start has answered: the conversation stays with the group once the start answers, and Carl\'s words are shown there', async () => {
    const s = setup({ contacts });
    const held = heldStart(s);
    const chat = s.threads.threadForUri(ben.uri);
    s.threads.send(chat, 'hi', undefined);
    await until(() => s.client.starts.length === 1);
    on(s, { type: 'invitationCompleted', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Outgoing', operationId: s.client.starts[0]?.operationId ?? '' });
    const id = await s.threads.addParticipants(chat.id, [carl.uri]);
    expect(s.client.log).toEqual([`start ${ben.uri} hi`, `add conv-1 ${carl.uri}`]);

    held.answer('conv-1');
    await until(() => chat.messages[0]?.delivery === 'delivered');
    expect([chat.state, chat.ucwaId]).toEqual(['idle', undefined]);
    expect(s.shown(chat.id)?.state).toBe('idle');
    s.receive('hi all', { from: carl, messageId: 'carl-1' });
    expect(s.added().at(-1)).toMatchObject({ conversationId: id, text: 'hi all' });
    // Writing in the chat with Ben again is a conversation of its own, not the group's.
    s.client.nextStart = async () => 'conv-2';
    const again = s.threads.send(chat, 'just you', undefined);
    await until(() => s.added().some((m) => m.id === again.id && m.delivery === 'delivered'));
    expect(s.client.log.at(-1)).toBe(`start ${ben.uri} just you`);
  });

  it('Ben adds Carl while our start is still connecting: when the invitation completes and the start answers, the group is connected and keeps the conversation', async () => {
    const s = setup({ contacts });
    const held = heldStart(s);
    const chat = s.threads.threadForUri(ben.uri);
    s.threads.send(chat, 'hi', undefined);
    await until(() => s.client.starts.length === 1);
    s.receive('hello');
    on(s, { type: 'participantAdded', conversationId: 'conv-1', participant: carl });
    const group = s.threads.store.all().find((t) => t.group);
    on(s, { type: 'invitationCompleted', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Outgoing', operationId: s.client.starts[0]?.operationId ?? '' });
    held.answer('conv-1');
    await until(() => chat.messages[0]?.delivery === 'delivered');
    expect(s.shown(group?.id ?? '')?.state).toBe('connected');
    expect([chat.state, chat.ucwaId]).toEqual(['idle', undefined]);
    s.receive('hi all', { from: carl, messageId: 'carl-1' });
    expect(s.added().at(-1)).toMatchObject({ conversationId: group?.id, text: 'hi all' });
  });
});

describe('who is invited, and when', () => {
  it('a group with a subject starts with it; one without, or one made from a chat, asks for none', async () => {
    const s = setup({ contacts });
    await liveGroup(s, 'Plans');
    expect(s.client.starts[0]?.subject).toBe('Plans');

    const t = setup({ contacts });
    await liveGroup(t);
    expect(t.client.starts[0]?.subject ?? '').toBe('');
  });

  it('a person added twice with different capitals is listed once, as first written; people added to a live group are invited', async () => {
    const s = setup({ contacts });
    const id = await liveGroup(s);
    await s.threads.addParticipants(id, ['dana@contoso.com', 'DANA@contoso.com']);
    expect(s.shown(id)?.participants).toEqual([ben, carl, dana]);
    expect(s.client.log).toContain(`add conv-1 ${dana.uri}`);
  });

  it('people added to a group whose invitation is still waiting are listed but not invited into a conversation we are not in', async () => {
    const s = setup({ contacts, host: { autoAccept: () => false } });
    on(s, { type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-1', from: ben, subject: '', threadId: 'T1', group: true });
    const id = await s.threads.addParticipants('group:t1', [dana.uri]);
    expect(id).toBe('group:t1');
    expect(s.shown(id)?.participants).toEqual([ben, dana]);
    expect(s.client.log).toEqual([]);
  });

  it('someone who could not be added is taken off the list with a line; someone already in the chat is not, whatever a late failure says', async () => {
    const s = setup({ contacts });
    s.client.addOutcome = (uri) => (uri === carl.uri ? Promise.reject(new UcwaError('http', 'refused', { status: 403 })) : Promise.resolve());
    const id = await liveGroup(s);
    await until(() => lines(s).length === 1);
    expect(lines(s)).toEqual([[id, 'add-failed', carl.uri, 'Carl Berg']]);
    expect(s.shown(id)?.participants).toEqual([ben]);

    // Ben joined (he took the start); a failed invitation of him changes nothing.
    on(s, { type: 'participantAddFailed', conversationId: 'conv-1', participant: ben, reason: { code: 'RemoteFailure', subcode: 'Timeout', message: 'Ben did not answer.' } });
    expect(s.shown(id)?.participants).toEqual([ben]);
    expect(lines(s)).toHaveLength(1);
  });

  it('a group with nobody left in it sends nothing: the message fails as not sent', async () => {
    const mine: ChatMessage = { id: 'out:1', conversationId: 'group:t1', direction: 'out', from: { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz' }, text: 'anyone?', time: 5, delivery: 'delivered' };
    const s = setup({ history: historyOf({ 'group:t1': [mine] }) });
    await s.threads.restore();
    const sent = s.threads.send(s.threads.requireThread('group:t1'), 'hello?', undefined);
    await until(() => s.added().some((m) => m.id === sent.id && m.delivery === 'failed'));
    expect(s.added().at(-1)).toMatchObject({ id: sent.id, delivery: 'failed', failureReason: { reason: 'notSent' } });
    expect(s.client.log).toEqual([]);
  });
});

describe('who leaves', () => {
  it('Carl leaving ends his typing (even when the news of it has no name) and is one "left" line under the name he was known by', async () => {
    const s = setup({ contacts });
    const id = await liveGroup(s);
    on(s, { type: 'participantAdded', conversationId: 'conv-1', participant: carl });
    on(s, { type: 'typingChanged', conversationId: 'conv-1', participant: ben, isTyping: true });
    on(s, { type: 'typingChanged', conversationId: 'conv-1', participant: carl, isTyping: true });
    expect(s.threads.requireThread(id).typing).toEqual(['Ben Osei', 'Carl Berg']);

    on(s, { type: 'participantRemoved', conversationId: 'conv-1', participant: { uri: carl.uri, name: '' } });
    expect(s.shown(id)).toMatchObject({ typing: ['Ben Osei'], participants: [ben] });
    // The same news again: he is gone already.
    on(s, { type: 'participantRemoved', conversationId: 'conv-1', participant: carl });
    expect(lines(s)).toEqual([
      [id, 'joined', carl.uri, 'Carl Berg'],
      [id, 'left', carl.uri, 'Carl Berg'],
    ]);
  });

  it('after the user left, nobody is typing, and writing again starts anew: Ben taking the new start is no news', async () => {
    const s = setup({ contacts });
    const id = await liveGroup(s);
    on(s, { type: 'typingChanged', conversationId: 'conv-1', participant: carl, isTyping: true });
    await s.threads.leave(id);
    expect(s.shown(id)).toMatchObject({ state: 'idle', typing: [] });

    const held = heldStart(s);
    const thread = s.threads.requireThread(id);
    s.threads.send(thread, 'back again', undefined);
    await until(() => s.client.starts.length === 2);
    const operationId = s.client.starts[1]?.operationId ?? '';
    on(s, { type: 'invitationCompleted', invitationId: 'inv-2', conversationId: 'conv-2', direction: 'Outgoing', operationId });
    on(s, { type: 'participantAdded', conversationId: 'conv-2', participant: ben });
    held.answer('conv-2');
    await until(() => s.client.log.includes(`add conv-2 ${carl.uri}`));
    expect(lines(s).map(([, kind, who]) => [kind, who])).toEqual([['you-left', 'sip:ana@contoso.com']]);
  });
});
