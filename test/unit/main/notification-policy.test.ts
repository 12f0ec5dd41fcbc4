import { describe, expect, it } from 'vitest';
import type { ChatMessage, NotificationSettings } from '../../../src/shared/domain';
import { NotificationPolicy } from '../../../src/main/notifications/notification-policy';
import type { NotificationContext } from '../../../src/main/notifications/notification-policy';

const settings: NotificationSettings = { enabled: true, sound: true, showMessageText: true, suppressWhenBusy: false };
let n = 0;
function message(text: string, conversationId = 'chat:ben@contoso.com', direction: 'in' | 'out' = 'in'): ChatMessage {
  return { id: `m${n++}`, conversationId, direction, from: { uri: 'sip:ben@contoso.com', name: 'Ben Osei' }, text, time: 0, delivery: 'delivered' };
}
function ctx(overrides: Partial<NotificationContext> = {}): NotificationContext {
  return { settings, myAvailability: 'Online', isChatFocused: () => false, ...overrides };
}

describe('notification policy', () => {
  it('shows the sender and the text; a newer message replaces the conversation\'s notification', () => {
    const policy = new NotificationPolicy();
    expect(policy.decide(message('Lunch?'), 'Ben Osei', ctx())).toEqual({ kind: 'show', conversationId: 'chat:ben@contoso.com', title: 'Ben Osei', body: 'Lunch?', silent: false, replacesPrevious: false });
    expect(policy.decide(message('12:30?'), 'Ben Osei', ctx())).toMatchObject({ kind: 'show', replacesPrevious: true });
    policy.dismissed('chat:ben@contoso.com');
    expect(policy.decide(message('hello?'), 'Ben Osei', ctx())).toMatchObject({ replacesPrevious: false });
  });

  it('never notifies the same message twice, nor my own', () => {
    const policy = new NotificationPolicy();
    const m = message('once');
    expect(policy.decide(m, 'Ben', ctx()).kind).toBe('show');
    expect(policy.decide(m, 'Ben', ctx())).toEqual({ kind: 'suppress', reason: 'duplicate' });
    expect(policy.decide(message('mine', 'c', 'out'), 'Ben', ctx())).toEqual({ kind: 'suppress', reason: 'outgoing' });
  });

  it('is suppressed while Do Not Disturb, by setting while Busy, when off, and when that chat has focus', () => {
    const policy = new NotificationPolicy();
    expect(policy.decide(message('a'), 'Ben', ctx({ myAvailability: 'DoNotDisturb' }))).toEqual({ kind: 'suppress', reason: 'do-not-disturb' });
    expect(policy.decide(message('b'), 'Ben', ctx({ myAvailability: 'Busy' })).kind).toBe('show');
    expect(policy.decide(message('c'), 'Ben', ctx({ myAvailability: 'Busy', settings: { ...settings, suppressWhenBusy: true } }))).toEqual({ kind: 'suppress', reason: 'busy' });
    expect(policy.decide(message('d'), 'Ben', ctx({ settings: { ...settings, enabled: false } }))).toEqual({ kind: 'suppress', reason: 'disabled' });
    expect(policy.decide(message('e'), 'Ben', ctx({ isChatFocused: (id) => id === 'chat:ben@contoso.com' }))).toEqual({ kind: 'suppress', reason: 'chat-focused' });
  });

  it('hides the text when asked, keeps long text short and silent when sound is off', () => {
    const policy = new NotificationPolicy();
    expect(policy.decide(message('secret plans'), 'Ben', ctx({ settings: { ...settings, showMessageText: false } }))).toMatchObject({ body: 'New message' });
    const long = policy.decide(message(`${'word '.repeat(100)}\nend`), 'Ben', ctx({ settings: { ...settings, sound: false } }));
    expect(long).toMatchObject({ silent: true });
    expect(long.kind === 'show' && long.body.length).toBe(180);
  });
});
