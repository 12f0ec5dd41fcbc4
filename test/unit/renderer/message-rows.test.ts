import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { GROUP_GAP_MS, messageRows } from '../../../src/renderer/state/message-rows';
import type { MessageRow } from '../../../src/renderer/state/message-rows';

const label = (r: MessageRow): string => (r.kind === 'day' ? 'day' : r.kind === 'unread' ? 'new' : r.kind === 'status' ? `[${r.text}]` : `${r.message.from.name}:${r.startsGroup}`);
const at = (y: number, m: number, d: number, h: number, min: number): number => new Date(y, m, d, h, min).getTime();
let n = 0;
const msg = (from: string, time: number): ChatMessage => ({ id: `m${++n}`, conversationId: 'c', direction: from === 'me' ? 'out' : 'in', from: { uri: `sip:${from}@x.com`, name: from }, text: 't', time, delivery: 'delivered' });

describe('messageRows', () => {
  it('starts a day with a separator and groups consecutive messages of one sender', () => {
    const rows = messageRows([msg('ben', at(2026, 10, 24, 9, 0)), msg('ben', at(2026, 10, 24, 9, 1)), msg('me', at(2026, 10, 24, 9, 2))]);
    expect(rows.map(label)).toEqual(['day', 'ben:true', 'ben:false', 'me:true']);
  });

  it('a group chat\'s join is a row of its own; the same sender after it starts a new group', () => {
    const t0 = at(2026, 10, 24, 9, 0);
    const joined: ChatMessage = { ...msg('carl', t0 + 1), text: '', system: { kind: 'joined', who: { uri: 'sip:carl@x.com', name: 'carl' } } };
    const rows = messageRows([msg('ben', t0), joined, msg('ben', t0 + 2)]);
    expect(rows.map((r) => (r.kind === 'message' ? `${r.message.system?.kind ?? r.message.from.name}:${r.startsGroup}` : r.kind))).toEqual(['day', 'ben:true', 'joined:true', 'ben:true']);
  });

  it('starts a new group after a pause and a new day at midnight', () => {
    const first = at(2026, 10, 24, 23, 50);
    const rows = messageRows([msg('ben', first), msg('ben', first + GROUP_GAP_MS + 1), msg('ben', at(2026, 10, 25, 0, 5))]);
    expect(rows.map((r) => (r.kind === 'message' ? String(r.startsGroup) : r.kind))).toEqual(['day', 'true', 'true', 'day', 'true']);
  });

  it('puts a "New messages" line above the first unread message, which starts a group', () => {
    const messages = [msg('ben', at(2026, 10, 24, 9, 0)), msg('ben', at(2026, 10, 24, 9, 1)), msg('ben', at(2026, 10, 24, 9, 2))];
    const rows = messageRows(messages, messages[1]?.id);
    expect(rows.map(label)).toEqual(['day', 'ben:true', 'new', 'ben:true', 'ben:false']);
    expect(messageRows(messages, 'not-there').some((r) => r.kind === 'unread')).toBe(false);
  });

  it('puts a status line where it happened; the message after it starts a group', () => {
    const messages = [msg('ben', at(2026, 10, 24, 9, 0)), msg('me', at(2026, 10, 24, 9, 3)), msg('me', at(2026, 10, 24, 9, 4))];
    const notes = [
      { key: 'ended-2', time: at(2026, 10, 24, 9, 10), text: 'The conversation ended' },
      { key: 'ended-1', time: at(2026, 10, 24, 9, 1), text: 'Ben left the conversation' },
    ];
    expect(messageRows(messages, undefined, notes).map(label)).toEqual(['day', 'ben:true', '[Ben left the conversation]', 'me:true', 'me:false', '[The conversation ended]']);
    expect(messageRows([], undefined, notes).map(label)).toEqual(['[Ben left the conversation]', '[The conversation ended]']);
  });

  it('gives every row a unique key', () => {
    const rows = messageRows(Array.from({ length: 50 }, (_, i) => msg(i % 3 === 0 ? 'me' : 'ben', at(2026, 10, 1 + Math.floor(i / 10), 9, i))));
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});
