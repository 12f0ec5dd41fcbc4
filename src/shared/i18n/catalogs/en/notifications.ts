// English messages of one area (notifications): ICU MessageFormat (plurals, select, dates), keyed 'notifications.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const notifications = {
  'notifications.replyPlaceholder': 'Reply…',
  'notifications.send': 'Send',
  'notifications.clickToAnswer': '{body} Click to answer.',
  'notifications.notAnswered': 'Not answered',
  'notifications.replyNotSent': 'Reply not sent',
  'notifications.failed': 'That did not work.',
  'notifications.newMessage': 'New message',
  'notifications.acceptOrDecline': 'Accept or decline.',
  'notifications.settingsReset': 'Settings were reset',
} as const;
