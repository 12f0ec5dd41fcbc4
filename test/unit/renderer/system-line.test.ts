// The group chat's system lines are worded in the page's language: leaving names the user as
// "You" in each language, never by their own name.
import { afterAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src/shared/domain';
import { systemText } from '../../../src/renderer/chat/system-line';
import { setPageLocale } from '../../../src/renderer/i18n';

const line = (kind: NonNullable<ChatMessage['system']>['kind'], who: { uri: string; name: string }): ChatMessage => ({ id: 's1', conversationId: 'group:1', direction: 'in', from: who, text: '', time: 0, delivery: 'delivered', system: { kind, who } });
const ana = { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz' };

describe('system lines', () => {
  afterAll(async () => {
    await setPageLocale('en');
  });

  it('"you-left" says the user left the conversation, in English and German', async () => {
    await setPageLocale('en');
    expect(systemText(line('you-left', ana))).toBe('You left the conversation');
    expect(systemText(line('left', ana))).toBe('Ana Ruiz left');
    await setPageLocale('de');
    expect(systemText(line('you-left', ana))).toBe('Sie haben die Unterhaltung verlassen');
  });
});
