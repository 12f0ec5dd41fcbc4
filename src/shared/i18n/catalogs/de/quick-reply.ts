import type { quickReply as english } from '../en/quick-reply.js';

// German messages of one area (quick-reply); the type makes a missing key a compile error.
export const quickReply = {
  'quickReply.noConversation': 'Keine Unterhaltung, auf die Sie antworten könnten.',
  'quickReply.title': 'Antwort an {title}',
  'quickReply.titleUnknown': 'Auf die Unterhaltung antworten',
  'quickReply.lastMessage': '{name}: „{text}“',
  'quickReply.replyLabel': 'Antwort',
  'quickReply.notSent': 'Nicht gesendet: {reason}',
  'quickReply.openChat': 'Chat öffnen',
} as const satisfies Record<keyof typeof english, string>;
