// Message rows at their edges: a status line at the very time of a message, a status line between
// two messages of one sender, and a group chat's system line from the person who then writes.
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { messageRows } from '../../../src/renderer/state/message-rows';
import type { MessageRow } from '../../../src/renderer/state/message-rows';

const label = (r: MessageRow): string => (r.kind === 'day' ? 'day' : r.kind === 'unread' ? 'new' : r.kind === 'status' ? `[${r.text}]` : `${r.message.system?.kind ?? r.message.from.name}:${r.startsGroup}`);
const t0 = new Date(2026, 10, 24, 9, 0).getTime();
const carl = { uri: 'sip:carl@x.com', name: 'carl' };
const msg = (id: string, from: { uri: string; name: string }, time: number, extra: Partial<ChatMessage> = {}): ChatMessage => ({ id, conversationId: 'c', direction: 'in', from, text: 't', time, delivery: 'delivered', ...extra });

describe('message rows at their edges', () => {
  it('a status line at the same moment as a message goes after it', () => {
    const rows = messageRows([msg('a', carl, t0)], undefined, [{ key: 'ended-1', time: t0, text: 'carl left the conversation' }]);
    expect(rows.map(label)).toEqual(['day', 'carl:true', '[carl left the conversation]']);
  });

  it('the same sender after a status line starts a new group', () => {
    const rows = messageRows([msg('a', carl, t0), msg('b', carl, t0 + 60_000)], undefined, [{ key: 'ended-1', time: t0 + 30_000, text: 'The conversation ended' }]);
    expect(rows.map(label)).toEqual(['day', 'carl:true', '[The conversation ended]', 'carl:true']);
  });

  it('"Carl joined" is a line of its own, and Carl\'s first message after it starts a group with his name', () => {
    const joined = msg('j', carl, t0, { text: '', system: { kind: 'joined', who: carl } });
    const rows = messageRows([joined, msg('a', carl, t0 + 1), msg('b', carl, t0 + 2)]);
    expect(rows.map(label)).toEqual(['day', 'joined:true', 'carl:true', 'carl:false']);
    // Carl writes, and a moment later leaves: his line is not folded into his group.
    const left = msg('l', carl, t0 + 3, { text: '', system: { kind: 'left', who: carl } });
    expect(messageRows([msg('a', carl, t0), left]).map(label)).toEqual(['day', 'carl:true', 'left:true']);
  });
});
