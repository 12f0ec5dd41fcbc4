// The window model at its edges: missed conversations and the language follow their pushes, and
// the contact list is updated only when a contact's presence really changed (once per new list).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Contact, MissedConversation, Snapshot } from '../../../src/shared/domain';
import { ok } from '../../../src/shared/ipc-contract';
import * as state from '../../../src/renderer/state/app-state';
import { pageLocale, setPageLocale, t } from '../../../src/renderer/i18n';
import { memoryBridge } from './support/memory-bridge';

const ben: Contact = { uri: 'sip:ben@contoso.com', name: 'Ben Osei', presence: { availability: 'Busy' } };
const carl: Contact = { uri: 'sip:carl@contoso.com', name: 'Carl Berg', presence: { availability: 'Away' } };

function snapshot(): Snapshot {
  return {
    connection: { state: 'connected' },
    me: { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz', presence: { availability: 'Online' } },
    groups: [],
    contacts: [ben, carl],
    conversations: [],
    unreadTotal: 0,
    settings: { account: { server: '', user: 'ana@contoso.com' }, rememberMe: false, notifications: { enabled: true, sound: true, showMessageText: true, suppressWhenBusy: false }, autoStart: false, startHidden: true, acceptChatsAutomatically: true, trustedDomains: [], language: 'system' },
    canRememberPassword: true,
    locale: 'en',
  };
}

async function started() {
  const memory = memoryBridge({ getSnapshot: () => ok(snapshot()) });
  await state.startAppState(memory.bridge);
  return memory;
}

/** Counts the updates of the contact list from now on. */
function countUpdates(): { readonly count: () => number; readonly stop: () => void } {
  let updates = -1;
  const stop = state.contacts.subscribe(() => updates++);
  return { count: () => updates, stop };
}

afterEach(async () => {
  vi.useRealTimers();
  await setPageLocale('en');
});

describe('the window model at its edges', () => {
  it('shows the conversations missed while signed out as they are pushed', async () => {
    const memory = await started();
    expect(state.missed.value).toEqual([]);
    const missed: MissedConversation[] = [{ id: 'chat:ben', from: { uri: ben.uri, name: ben.name }, time: 5, preview: 'are you there?', unread: true }];
    memory.emit('missedChanged', { missed });
    expect(state.missed.value).toEqual(missed);
  });

  it('switches the window\'s language when the app\'s language changes', async () => {
    const memory = await started();
    expect(pageLocale()).toBe('en');
    memory.emit('localeChanged', { locale: 'de' });
    await expect.poll(() => pageLocale()).toBe('de');
    expect(t('common.send')).toBe('Senden');
  });

  it('a new or updated contact list with no presence waiting is one update of the list, not two', async () => {
    const memory = await started();
    const updates = countUpdates();
    memory.emit('contactsChanged', { groups: [], contacts: [ben, carl] });
    expect(updates.count()).toBe(1);
    memory.emit('contactsUpdated', { contacts: [{ ...carl, name: 'Carl B.' }] });
    expect(updates.count()).toBe(2);
    expect(state.contacts.value.get('sip:carl@contoso.com')?.name).toBe('Carl B.');
    updates.stop();
  });

  it('presence of someone not in the contact list does not touch the list', async () => {
    const memory = await started();
    vi.useFakeTimers();
    const updates = countUpdates();
    memory.emit('presenceChanged', { uri: 'sip:stranger@contoso.com', presence: { availability: 'Online' }, isMe: false });
    vi.runAllTimers();
    expect(updates.count()).toBe(0);
    // A contact's change after it is applied, in one update.
    memory.emit('presenceChanged', { uri: 'sip:carl@contoso.com', presence: { availability: 'Busy' }, isMe: false });
    vi.runAllTimers();
    expect(updates.count()).toBe(1);
    expect(state.contacts.value.get('sip:carl@contoso.com')?.presence).toEqual({ availability: 'Busy' });
    expect([...state.contacts.value.keys()]).toEqual(['sip:ben@contoso.com', 'sip:carl@contoso.com']);
    updates.stop();
  });
});
