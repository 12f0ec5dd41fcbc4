// The window model: the snapshot fills it, pushes keep it current, and nothing pushed between
// subscribing and the snapshot is lost (the subscriptions come first).
import { beforeEach, describe, expect, it } from 'vitest';
import type { Contact, ConversationSummary, Me, Settings, Snapshot } from '../../../src/shared/domain';
import { fail, ok } from '../../../src/shared/ipc-contract';
import * as state from '../../../src/renderer/state/app-state';
import { memoryBridge } from './support/memory-bridge';
import { said } from './support/said';
import { errorDetail } from '../../../src/shared/error-detail';

const settings: Settings = { account: { server: '', user: 'ana@contoso.com' }, rememberMe: false, notifications: { enabled: true, sound: true, showMessageText: true, suppressWhenBusy: false }, autoStart: false, startHidden: true, acceptChatsAutomatically: true, trustedDomains: [], language: 'system' };
const ana: Me = { uri: 'sip:ana@contoso.com', name: 'Ana Ruiz', presence: { availability: 'Online' } };
const ben: Contact = { uri: 'sip:Ben@contoso.com', name: 'Ben Osei', presence: { availability: 'Busy' } };
const carl: Contact = { uri: 'sip:carl@contoso.com', name: 'Carl Berg', presence: { availability: 'Away' } };

function conversation(id: string, time?: number, unread = 0): ConversationSummary {
  return { id, title: id, participants: [], state: 'idle', unread, typing: [], ...(time === undefined ? {} : { lastMessage: { text: 'hi', time, fromName: 'Ben' } }) };
}

function snapshot(extra: Partial<Snapshot> = {}): Snapshot {
  return { connection: { state: 'connected' }, me: ana, groups: [{ id: 'g', name: 'Friends', kind: 'group', contactUris: [ben.uri] }], contacts: [ben, carl], conversations: [conversation('chat:ben', 5, 2)], unreadTotal: 2, settings, canRememberPassword: false, locale: 'en', ...extra };
}

function signedOutSnapshot(): Snapshot {
  const { me: _me, ...rest } = snapshot();
  return rest;
}

async function started(first: Snapshot = snapshot()) {
  const memory = memoryBridge({ getSnapshot: () => ok(first) });
  await state.startAppState(memory.bridge);
  return memory;
}

beforeEach(() => {
  state.applySnapshot(snapshot({ connection: { state: 'signed-out' }, contacts: [], conversations: [], groups: [], unreadTotal: 0 }));
  state.loaded.value = false;
  state.loadError.value = undefined;
});

describe('the window model', () => {
  it('subscribes, then loads the snapshot, then says it is ready', async () => {
    const memory = await started();
    expect(memory.calls.map((c) => c.method)).toEqual(['getSnapshot', 'ready']);
    for (const name of ['connectionChanged', 'sessionChanged', 'presenceChanged', 'contactsChanged', 'contactsUpdated', 'conversationChanged', 'unreadChanged', 'typingChanged', 'settingsChanged', 'localeChanged'] as const) {
      expect(memory.listenerCount(name), name).toBe(1);
    }
    expect(state.loaded.value).toBe(true);
    expect(state.connection.value).toEqual({ state: 'connected' });
    expect(state.me.value).toEqual(ana);
    expect(state.groups.value.map((g) => g.id)).toEqual(['g']);
    expect([...state.contacts.value.keys()]).toEqual(['sip:ben@contoso.com', 'sip:carl@contoso.com']);
    expect(state.unreadTotal.value).toBe(2);
    expect(state.settings.value).toEqual(settings);
    expect(state.canRememberPassword.value).toBe(false);
    expect(state.signedIn.value).toBe(true);
  });

  it('a snapshot that fails leaves the window unloaded with the reason, and still ready', async () => {
    const memory = memoryBridge({ getSnapshot: () => fail('internal', 'The session is not there.') });
    await state.startAppState(memory.bridge);
    expect(state.loaded.value).toBe(false);
    expect(await said(state.loadError.value)).toBe('Something went wrong in the app.');
    expect(memory.calls.map((c) => c.method)).toEqual(['getSnapshot', 'ready']);
  });

  it('is signed in only with a person and a session that is not signed out', () => {
    state.applySnapshot(snapshot({ connection: { state: 'signed-out' } }));
    expect(state.signedIn.value).toBe(false);
    state.applySnapshot(snapshot({ connection: { state: 'reconnecting' } }));
    expect(state.signedIn.value).toBe(true);
    state.applySnapshot(signedOutSnapshot());
    expect(state.signedIn.value).toBe(false);
  });

  it('lists recent conversations newest first, those without a message last', () => {
    state.applySnapshot(snapshot({ conversations: [conversation('a', 1), conversation('none'), conversation('c', 3), conversation('b', 2)] }));
    expect(state.recentConversations.value.map((c) => c.id)).toEqual(['c', 'b', 'a', 'none']);
  });

  it('follows the connection, my presence and a contact\'s presence (any case of address)', async () => {
    const memory = await started();
    memory.emit('connectionChanged', { state: 'reconnecting', detail: errorDetail('reconnecting', {}) });
    expect(state.connection.value).toEqual({ state: 'reconnecting', detail: errorDetail('reconnecting', {}) });
    memory.emit('presenceChanged', { uri: ana.uri, presence: { availability: 'Busy' }, isMe: true });
    expect(state.me.value?.presence).toEqual({ availability: 'Busy' });
    memory.emit('presenceChanged', { uri: 'sip:BEN@contoso.com', presence: { availability: 'Away', note: 'out' }, isMe: false });
    await expect.poll(() => state.contacts.value.get('sip:ben@contoso.com')?.presence).toEqual({ availability: 'Away', note: 'out' });
    expect(state.contacts.value.get('sip:carl@contoso.com')?.presence).toEqual(carl.presence);
    // A stranger is not added; Carl's change after it proves the stranger's was handled.
    memory.emit('presenceChanged', { uri: 'sip:stranger@contoso.com', presence: { availability: 'Online' }, isMe: false });
    memory.emit('presenceChanged', { uri: 'sip:carl@contoso.com', presence: { availability: 'Busy' }, isMe: false });
    await expect.poll(() => state.contacts.value.get('sip:carl@contoso.com')?.presence).toEqual({ availability: 'Busy' });
    expect([...state.contacts.value.keys()]).toEqual(['sip:ben@contoso.com', 'sip:carl@contoso.com']);
  });

  it('takes a burst of contacts\' presence in one update of the list, not one copy of it per change', async () => {
    const memory = await started();
    let updates = 0;
    const stop = state.contacts.subscribe(() => updates++);
    updates = 0;
    for (let i = 0; i < 500; i++) memory.emit('presenceChanged', { uri: i % 2 === 0 ? 'sip:ben@contoso.com' : 'sip:carl@contoso.com', presence: { availability: 'Away', note: `n${i}` }, isMe: false });
    await expect.poll(() => state.contacts.value.get('sip:carl@contoso.com')?.presence.note).toBe('n499');
    expect(state.contacts.value.get('sip:ben@contoso.com')?.presence.note).toBe('n498');
    expect(updates).toBeLessThanOrEqual(2);
    // A new list meanwhile wins over changes not yet applied, which it already carries.
    memory.emit('presenceChanged', { uri: 'sip:ben@contoso.com', presence: { availability: 'Busy', note: 'older' }, isMe: false });
    memory.emit('contactsChanged', { groups: [], contacts: [carl] });
    expect([...state.contacts.value.keys()]).toEqual(['sip:carl@contoso.com']);
    stop();
  });

  it('my presence without a session changes nothing', async () => {
    const memory = await started(signedOutSnapshot());
    memory.emit('presenceChanged', { uri: ana.uri, presence: { availability: 'Busy' }, isMe: true });
    expect(state.me.value).toBeUndefined();
  });

  it('signing out clears what belonged to the session; signing in keeps the lists', async () => {
    const memory = await started();
    memory.emit('sessionChanged', { me: { ...ana, name: 'Ana R.' } });
    expect(state.me.value?.name).toBe('Ana R.');
    expect(state.contacts.value.size).toBe(2);
    memory.emit('sessionChanged', {});
    expect(state.me.value).toBeUndefined();
    expect(state.contacts.value.size).toBe(0);
    expect(state.groups.value).toEqual([]);
    expect(state.conversations.value.size).toBe(0);
    expect(state.unreadTotal.value).toBe(0);
  });

  it('takes new contact lists, conversations, unread counts, typing and settings', async () => {
    const memory = await started();
    memory.emit('contactsChanged', { groups: [], contacts: [carl] });
    expect([...state.contacts.value.keys()]).toEqual(['sip:carl@contoso.com']);
    expect(state.groups.value).toEqual([]);
    // The rest of a long list, and new photos: added, or replacing the contact as it was.
    memory.emit('contactsUpdated', { contacts: [{ ...carl, photo: 'data:image/png;base64,AQ==' }, { ...carl, uri: 'sip:Dana@contoso.com', name: 'Dana' }] });
    expect([...state.contacts.value.keys()]).toEqual(['sip:carl@contoso.com', 'sip:dana@contoso.com']);
    expect(state.contacts.value.get('sip:carl@contoso.com')?.photo).toBe('data:image/png;base64,AQ==');
    expect(state.groups.value).toEqual([]);
    memory.emit('conversationChanged', conversation('chat:carl', 9));
    expect([...state.conversations.value.keys()]).toEqual(['chat:ben', 'chat:carl']);
    memory.emit('unreadChanged', { conversationId: 'chat:carl', unread: 4, total: 6 });
    expect(state.unreadTotal.value).toBe(6);
    expect(state.conversations.value.get('chat:carl')?.unread).toBe(4);
    expect(state.conversations.value.get('chat:ben')?.unread).toBe(2);
    memory.emit('unreadChanged', { conversationId: 'chat:nobody', unread: 1, total: 7 });
    expect(state.unreadTotal.value).toBe(7);
    expect(state.conversations.value.has('chat:nobody')).toBe(false);
    memory.emit('typingChanged', { conversationId: 'chat:carl', typing: ['Carl Berg'] });
    expect(state.conversations.value.get('chat:carl')?.typing).toEqual(['Carl Berg']);
    memory.emit('typingChanged', { conversationId: 'chat:nobody', typing: ['X'] });
    expect(state.conversations.value.has('chat:nobody')).toBe(false);
    memory.emit('settingsChanged', { ...settings, autoStart: true });
    expect(state.settings.value?.autoStart).toBe(true);
  });
});
