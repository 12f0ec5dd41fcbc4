// English messages of one area (common): ICU MessageFormat (plurals, select, dates), keyed 'common.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const common = {
  'common.appName': 'UCWA Tray',
  'common.unreadCount': '{count, plural, one {# unread message} other {# unread messages}}',
} as const;
