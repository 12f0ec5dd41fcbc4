import type { common as english } from '../en/common.js';

// German messages of one area (common); the type makes a missing key a compile error.
export const common = {
  'common.appName': 'UCWA Tray',
  'common.unreadCount': '{count, plural, one {# ungelesene Nachricht} other {# ungelesene Nachrichten}}',
} as const satisfies Record<keyof typeof english, string>;
