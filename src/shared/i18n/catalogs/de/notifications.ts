import type { notifications as english } from '../en/notifications.js';

// German messages of one area (notifications); the type makes a missing key a compile error.
export const notifications = {
  'notifications.replyPlaceholder': 'Antworten…',
  'notifications.send': 'Senden',
  'notifications.clickToAnswer': '{body} Zum Antworten klicken.',
  'notifications.notAnswered': 'Nicht beantwortet',
  'notifications.replyNotSent': 'Antwort nicht gesendet',
  'notifications.failed': 'Das hat nicht funktioniert.',
  'notifications.newMessage': 'Neue Nachricht',
  'notifications.acceptOrDecline': 'Annehmen oder ablehnen.',
  'notifications.settingsReset': 'Die Einstellungen wurden zurückgesetzt',
} as const satisfies Record<keyof typeof english, string>;
