// The names of the contract's methods and events, and the channels derived from them. Kept free of
// zod so the preload, which needs only these, stays small; ipc-contract.ts checks they match.

export const METHOD_NAMES = [
  'ready',
  'getSnapshot',
  'signIn',
  'signInDemo',
  'signOut',
  'setPresence',
  'setNote',
  'getContacts',
  'search',
  'openChat',
  'startGroupChat',
  'addParticipants',
  'leaveConversation',
  'getContactCard',
  'copyText',
  'openMissed',
  'openConversation',
  'getConversation',
  'sendMessage',
  'acceptInvitation',
  'declineInvitation',
  'retryMessage',
  'setTyping',
  'markRead',
  'getHistory',
  'searchHistory',
  'getSettings',
  'updateSettings',
  'openSettings',
  'hideWindow',
  'runDoctor',
  'openLogFolder',
  'copyDiagnostics',
  'setProxyCredentials',
  'getCaFiles',
  'addCaFile',
  'removeCaFile',
] as const;

export const EVENT_NAMES = [
  'connectionChanged',
  'sessionChanged',
  'presenceChanged',
  'contactsChanged',
  'contactsUpdated',
  'conversationChanged',
  'messageAdded',
  'messageUpdated',
  'typingChanged',
  'unreadChanged',
  'settingsChanged',
  'missedChanged',
  'localeChanged',
] as const;

/** The pages a window (or, in the web dev host, a browser tab) can show: one per window kind. */
export const PAGES = ['popup', 'chat', 'settings', 'sign-in', 'quick-reply'] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type PageName = (typeof PAGES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export const invokeChannel = (name: MethodName): `ucwa:invoke:${MethodName}` => `ucwa:invoke:${name}`;
export const eventChannel = (name: EventName): `ucwa:event:${EventName}` => `ucwa:event:${name}`;

export function isPageName(value: unknown): value is PageName {
  return typeof value === 'string' && (PAGES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
