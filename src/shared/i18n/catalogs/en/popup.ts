// English messages of one area (popup): ICU MessageFormat (plurals, select, dates), keyed 'popup.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const popup = {
  'popup.myPresence': 'My presence',
  'popup.myNote': 'My note',
  'popup.notePlaceholder': 'What\'s happening today?',
  'popup.settings': 'Settings',
  'popup.signOut': 'Sign out',
  'popup.dismiss': 'Dismiss',
  'popup.search': 'Search people and messages',
  'popup.emptyContacts': 'No contacts yet. Search the directory above.',
  'popup.nobodyFound': 'Nobody found.',
  'popup.unreadTotal': '{count} unread',
  'popup.keyboardHint': 'Enter opens a chat · Esc hides',
  'popup.typing': 'typing…',
  'popup.unreadBadge': '{count} unread',
  'popup.listLabel': 'Contacts and conversations',
  'popup.recent': 'Recent conversations',
  'popup.contacts': 'Contacts',
  'popup.directory': 'Directory',
  'popup.directorySearching': 'Directory (searching…)',
  'popup.messages': 'Messages',
  'popup.messageLine': '{sender}: {text}',
} as const;
