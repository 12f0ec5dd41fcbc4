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

export { PAGES, isPageName, type PageName } from './page-names';

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export const invokeChannel = (name: MethodName): `ucwa:invoke:${MethodName}` => `ucwa:invoke:${name}`;
export const eventChannel = (name: EventName): `ucwa:event:${EventName}` => `ucwa:event:${name}`;

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
