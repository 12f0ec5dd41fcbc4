// Invitations that wait for the user (chats not accepted automatically): who the notification names,
// what becomes of the first line when the invitation is declined, fails to be accepted or is missed,
// and that a missed invitation does not read as an ended chat.
import { describe, expect, it } from 'vitest';
import { UcwaError } from '../../../src/main/ucwa/index';
import type { MessageBody, UcwaEvent } from '../../../src/main/ucwa/index';
import { errorDetail } from '../../../src/shared/error-detail';
import { ben, threadsHarness } from './support/scripted-threads';
import type { ThreadsHarness } from './support/scripted-threads';

/** Chats not accepted automatically; the invitations notified (chat, name shown) and ended are recorded. */
function setup(options: { contactName?: string } = {}) {
  const invited: [string, string, string | undefined][] = [];
  const endedNotices: string[] = [];
  const s = threadsHarness({
    ...(options.contactName === undefined ? {} : { contacts: [{ uri: ben.uri, name: options.contactName, presence: { availability: 'Online' } }] }),
    host: {
      autoAccept: () => false,
      notify: {
        incomingMessage: () => undefined,
        incomingInvitation: (id, fromName, first) => void invited.push([id, fromName, first]),
        invitationEnded: (id) => void endedNotices.push(id),
      },
    },
  });
  return { ...s, invited, endedNotices };
}

function on(s: ThreadsHarness, event: UcwaEvent): void {
  s.threads.onEvent(event, s.client);
}

/** Ben invites the user; the invitation waits. */
function invite(s: ThreadsHarness, n: number, firstMessage?: MessageBody, from = ben): string {
  on(s, { type: 'incomingInvitation', invitationId: `inv-${n}`, conversationId: `conv-${n}`, from, subject: '', ...(firstMessage === undefined ? {} : { firstMessage }) });
  return s.threads.threadForUri(ben.uri).id;
}

describe('a waiting invitation', () => {
  it('is notified under the name the invitation gives, else under the name the chat already knows', () => {
    const s = setup({ contactName: 'Ben Osei' });
    const chat = invite(s, 1, { text: 'lunch?' }, { uri: ben.uri, name: '' });
    expect(s.invited).toEqual([[chat, 'Ben Osei', 'lunch?']]);
    on(s, { type: 'invitationFailed', invitationId: 'inv-1', conversationId: 'conv-1', direction: 'Incoming', reason: { message: 'Timed out.' } });
    invite(s, 2, undefined, { uri: ben.uri, name: 'Benny' });
    expect(s.invited).toEqual([
      [chat, 'Ben Osei', 'lunch?'],
      [chat, 'Benny', undefined],
    ]);
  });

  it('declined: its first line stays in the chat as read, with its formatting', async () => {
    const s = setup();
    const chat = invite(s, 1, { text: 'lunch?', html: '<b>lunch?</b>' });
    await s.threads.declineInvitation(chat);
    expect(s.client.log).toEqual(['decline inv-1']);
    expect(s.added()).toMatchObject([{ conversationId: chat, direction: 'in', from: ben, text: 'lunch?', html: '<b>lunch?</b>', delivery: 'delivered' }]);
    expect(s.shown(chat)).toMatchObject({ state: 'idle', unread: 0 });
    expect(s.shown(chat)?.invitation).toBeUndefined();
    expect(s.endedNotices).toEqual([chat]);
  });

  it('each invitation declined in the same chat keeps its own first line', async () => {
    const s = setup();
    const chat = invite(s, 1, { text: 'lunch?' });
    await s.threads.declineInvitation(chat);
    invite(s, 2, { text: 'coffee then?' });
    await s.threads.declineInvitation(chat);
    expect(s.added().map((m) => m.text)).toEqual(['lunch?', 'coffee then?']);
    expect(s.threads.requireThread(chat).messages.map((m) => m.text)).toEqual(['lunch?', 'coffee then?']);
  });

  it('declined after the connection came back (the server forgot our conversations): each first line still kept', async () => {
    const s = setup();
    const chat = invite(s, 1, { text: 'lunch?' });
    on(s, { type: 'channelResumed' });
    await s.threads.declineInvitation(chat);
    invite(s, 2, { text: 'coffee then?' });
    on(s, { type: 'channelResumed' });
    await s.threads.declineInvitation(chat);
    expect(s.client.log).toEqual(['decline inv-1', 'decline inv-2']);
    expect(s.threads.requireThread(chat).messages.map((m) => m.text)).toEqual(['lunch?', 'coffee then?']);
  });

  it('gone by the time the user accepts: the accept fails, the buttons go and the first line stays as read', async () => {
    const s = setup();
    const chat = invite(s, 1, { text: 'lunch?' });
    const gone = new UcwaError('not-found', errorDetail('noInvitationWaiting', {}));
    s.client.acceptInvitation = async (id) => {
      s.client.log.push(`accept ${id}`);
      throw gone;
    };
    await expect(s.threads.acceptInvitation(chat)).rejects.toBe(gone);
    expect(s.client.log).toEqual(['accept inv-1']);
    expect(s.added().map((m) => [m.conversationId, m.text])).toEqual([[chat, 'lunch?']]);
    expect(s.shown(chat)).toMatchObject({ state: 'idle', unread: 0 });
    expect(s.shown(chat)?.invitation).toBeUndefined();
    expect(s.endedNotices).toEqual([chat]);
  });

  it('missed when its conversation ends unanswered: the chat shows a missed line, not an ended chat', async () => {
    const s = setup();
    const chat = invite(s, 1, { text: 'are you there?' });
    s.clock.now = 2_000_000;
    on(s, { type: 'conversationEnded', conversationId: 'conv-1' });
    expect(s.added().map((m) => [m.text, m.time])).toEqual([['are you there?', 2_000_000]]);
    const last = s.shown(chat);
    expect(last).toMatchObject({ state: 'idle', unread: 1 });
    expect(last?.ended).toBeUndefined();
    expect(last?.invitation).toBeUndefined();
    // Nothing waits any more: answering it now is refused.
    await expect(s.threads.declineInvitation(chat)).rejects.toMatchObject({ code: 'not-found' });
    expect(s.client.log).toEqual([]);
  });
});
