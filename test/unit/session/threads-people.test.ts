// Who is in a conversation, as the windows are told it: addresses typed without "sip:", group
// members (never the user, never twice), people added to a chat, the people of a restored group,
// a waiting invitation's first line, missed transcripts shown once, read marks, a user not yet known.
import { describe, expect, it } from 'vitest';
import type { ChatMessage, Contact } from '../../../src/shared/domain';
import { ana, ben, carl, historyOf, threadsHarness as setup, until } from './support/scripted-threads';
import type { ThreadsHarness } from './support/scripted-threads';

const contacts: Contact[] = [ben, carl].map((p) => ({ ...p, presence: { availability: 'Online' } }));

function lastUnread(s: ThreadsHarness): unknown {
  return s.pushes.filter((p) => p.name === 'unreadChanged').at(-1)?.payload;
}

function thrown(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** A group with Ben and Carl whose conversation `conv-1` is up and Carl invited. */
async function liveGroup(s: ThreadsHarness): Promise<string> {
  const thread = s.threads.startGroup([ben.uri, carl.uri], '');
  s.threads.send(thread, 'hello both', undefined);
  await until(() => thread.messages.some((m) => m.delivery === 'delivered'));
  await until(() => s.client.log.includes(`add conv-1 ${carl.uri}`));
  return thread.id;
}

describe('who is in a conversation', () => {
  describe('addresses', () => {
    it('an address typed without "sip:" gets it, even when its host part has "sip:" in it; a stranger is named by the address', async () => {
      const s = setup({ contacts });
      const chat = s.threads.threadForUri('dana@sip:5061');
      expect(chat.remote).toEqual({ uri: 'sip:dana@sip:5061', name: 'dana@sip:5061' });
      s.threads.send(chat, 'hi', undefined);
      await until(() => chat.messages[0]?.delivery === 'delivered');
      expect(s.client.log).toEqual(['start sip:dana@sip:5061 hi']);

      const group = s.threads.startGroup(['erik@sip:5061', 'ben@contoso.com'], '');
      expect([...group.participants.values()]).toEqual([{ uri: 'sip:erik@sip:5061', name: 'erik@sip:5061' }, ben]);
      expect(s.shown(group.id)?.title).toBe('erik@sip:5061, Ben Osei');
    });
  });

  describe('starting a group chat', () => {
    it('lists each chosen person once and never the user; choosing only yourself is refused and starts nothing', () => {
      const s = setup({ contacts });
      const group = s.threads.startGroup([ana.uri, ben.uri, 'SIP:Ana@Contoso.com', carl.uri, ben.uri], 'Plans');
      expect([...group.participants.values()]).toEqual([ben, carl]);
      expect(s.shown(group.id)?.participants).toEqual([ben, carl]);

      expect(thrown(() => s.threads.startGroup(['SIP:ANA@contoso.com', ana.uri], ''))).toMatchObject({ code: 'invalid-input', detail: { reason: 'chooseSomeoneElse' } });
      expect(s.threads.store.all()).toEqual([group]);
    });

    it('two addresses are two people even when their capitals are the same (Turkish dotless ı)', () => {
      const s = setup();
      const group = s.threads.startGroup(['ilkay@contoso.com', 'ılkay@contoso.com'], '');
      expect([...group.participants.values()].map((p) => p.uri)).toEqual(['sip:ilkay@contoso.com', 'sip:ılkay@contoso.com']);
    });
  });

  describe('adding people', () => {
    it('to a two-party chat: the user and the other person are there already, so nothing changes; someone new makes it a group', async () => {
      const s = setup({ contacts });
      const chat = s.threads.threadForUri(ben.uri);
      s.threads.send(chat, 'hi', undefined);
      await until(() => chat.messages[0]?.delivery === 'delivered');

      expect(await s.threads.addParticipants(chat.id, [ana.uri])).toBe(chat.id);
      expect(await s.threads.addParticipants(chat.id, ['BEN@contoso.com'])).toBe(chat.id);
      expect(await s.threads.addParticipants(chat.id, ['sip:Ana@contoso.com', 'sip:Ben@Contoso.com'])).toBe(chat.id);
      expect(s.threads.store.all()).toEqual([chat]);
      expect([chat.state, chat.ucwaId]).toEqual(['connected', 'conv-1']);
      expect(s.client.log).toEqual(['start sip:ben@contoso.com hi']);

      const id = await s.threads.addParticipants(chat.id, ['carl@contoso.com', ana.uri]);
      expect(id).not.toBe(chat.id);
      expect([...s.threads.requireThread(id).participants.values()].map(({ uri, name }) => ({ uri, name }))).toEqual([ben, carl]);
      expect(s.client.log.at(-1)).toBe(`add conv-1 ${carl.uri}`);
      expect(chat.state).toBe('idle');
    });

    it('to a group: people in it already and the user are not invited again; someone new is, and the windows see the new list', async () => {
      const s = setup({ contacts });
      const id = await liveGroup(s);
      const before = s.client.log.length;

      expect(await s.threads.addParticipants(id, ['sip:CARL@contoso.com', ana.uri, 'Ben@contoso.com'])).toBe(id);
      expect(s.client.log.slice(before)).toEqual([]);
      expect([...s.threads.requireThread(id).participants.values()]).toEqual([ben, carl]);

      const dana = { uri: 'sip:dana@contoso.com', name: 'dana@contoso.com' };
      expect(await s.threads.addParticipants(id, ['dana@contoso.com'])).toBe(id);
      expect(s.client.log.slice(before)).toEqual([`add conv-1 ${dana.uri}`]);
      expect(s.shown(id)?.participants).toEqual([ben, carl, dana]);
    });
  });

  describe('restoring conversations of an earlier run', () => {
    const at = (time: number, m: Partial<ChatMessage>): ChatMessage => ({ id: `m${time}`, conversationId: 'group:t2', direction: 'in', from: ben, text: '', time, delivery: 'delivered', ...m });

    it('only chats and groups come back: other ids in the history are no conversation; an unreadable list restores nothing', async () => {
      const line = (conversationId: string): ChatMessage[] => [{ id: `in:${conversationId}`, conversationId, direction: 'in', from: ben, text: 'hi', time: 5, delivery: 'delivered' }];
      const s = setup({ history: historyOf({ 'chat:ben@contoso.com': line('chat:ben@contoso.com'), 'conv-7': line('conv-7'), 'missed:x': line('missed:x') }) });
      await s.threads.restore();
      expect(s.threads.store.all().map((t) => t.id)).toEqual(['chat:ben@contoso.com']);

      const broken = setup({ history: historyOf({ 'chat:ben@contoso.com': line('chat:ben@contoso.com') }, () => Promise.reject(new Error('disk gone'))) });
      await broken.threads.restore();
      expect([broken.threads.store.all(), broken.pushes]).toEqual([[], []]);
    });

    it("a restored group's people are everyone who wrote or joined, by the name they were known by, never the user (who left it)", async () => {
      const history = historyOf({
        'group:t2': [
          at(1, { system: { kind: 'joined', who: ben } }),
          at(2, { from: carl, text: 'hi all' }),
          at(3, { from: { uri: ben.uri, name: '' }, text: 'hello' }),
          at(4, { direction: 'out', from: ana, text: 'hey' }),
          at(5, { system: { kind: 'you-left', who: ana } }),
        ],
      });
      const s = setup({ history });
      await s.threads.restore();
      expect([...s.threads.requireThread('group:t2').participants.values()]).toEqual([ben, carl]);
      expect(s.shown('group:t2')?.title).toBe('Ben Osei, Carl Berg');
    });

    it("the user's own messages name no participant, even saved under an address the user had before", async () => {
      const history = historyOf({ 'group:t2': [at(1, { direction: 'out', from: { uri: 'sip:a.ruiz@contoso.com', name: 'Ana Ruiz' }, text: 'hey' }), at(2, { from: ben, text: 'hi' })] });
      const s = setup({ history });
      await s.threads.restore();
      expect([...s.threads.requireThread('group:t2').participants.values()]).toEqual([ben]);
    });
  });

  describe('what the windows are told', () => {
    it('a waiting invitation shows its first line; declined, the line is kept as read; missed, as unread', async () => {
      const s = setup({ host: { autoAccept: () => false } });
      s.threads.onEvent({ type: 'incomingInvitation', invitationId: 'inv-1', conversationId: 'conv-1', from: ben, subject: '', firstMessage: { text: 'lunch?' } }, s.client);
      const chat = s.threads.threadForUri(ben.uri);
      expect(s.shown(chat.id)?.invitation).toEqual({ firstMessage: 'lunch?' });

      await s.threads.declineInvitation(chat.id);
      expect(s.client.log).toEqual(['decline inv-1']);
      expect(s.added().map((m) => m.text)).toEqual(['lunch?']);
      expect(s.shown(chat.id)?.invitation).toBeUndefined();
      expect(lastUnread(s)).toEqual({ conversationId: chat.id, unread: 0, total: 0 });

      s.threads.onEvent({ type: 'incomingInvitation', invitationId: 'inv-2', conversationId: 'conv-2', from: ben, subject: '', firstMessage: { text: 'still there?' } }, s.client);
      s.threads.onEvent({ type: 'conversationEnded', conversationId: 'conv-2' }, s.client);
      expect(s.added().map((m) => m.text)).toEqual(['lunch?', 'still there?']);
      expect(lastUnread(s)).toEqual({ conversationId: chat.id, unread: 1, total: 1 });
    });

    it('a missed conversation opened twice shows its lines once', () => {
      const s = setup();
      const chat = s.threads.threadForUri(ben.uri);
      const line: ChatMessage = { id: 'missed:x:0', conversationId: chat.id, direction: 'in', from: ben, text: 'call me', time: 5, delivery: 'delivered' };
      s.threads.keepReceived(chat, line);
      s.threads.keepReceived(chat, { ...line });
      expect(s.added()).toEqual([line]);
      expect(s.pushes.filter((p) => p.name === 'conversationChanged')).toHaveLength(1);
    });

    it('marking a chat read tells the windows once; a chat with nothing unread is left alone', () => {
      const s = setup();
      s.receive('hi');
      const chat = s.threads.threadForUri(ben.uri);
      expect(lastUnread(s)).toEqual({ conversationId: chat.id, unread: 1, total: 1 });
      s.threads.markRead(chat.id);
      expect(lastUnread(s)).toEqual({ conversationId: chat.id, unread: 0, total: 0 });
      const pushed = s.pushes.length;
      s.threads.markRead(chat.id);
      expect(s.pushes).toHaveLength(pushed);
    });

    it('before the user is known nothing is made up: a message goes out with no sender, and "you left" names no one', async () => {
      const s = setup({ host: { me: () => undefined } });
      const id = await liveGroup(s);
      expect(s.added()[0]?.from).toEqual({ uri: '', name: '' });
      await s.threads.leave(id);
      const youLeft = s.added().find((m) => m.system?.kind === 'you-left');
      expect(youLeft?.system?.who).toEqual({ uri: '', name: '' });
    });
  });
});
