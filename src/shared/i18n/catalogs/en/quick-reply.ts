// English messages of one area (quick-reply): ICU MessageFormat (plurals, select, dates), keyed 'quickReply.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const quickReply = {
  'quickReply.noConversation': 'No conversation to reply to.',
  'quickReply.title': 'Reply to {title}',
  'quickReply.titleUnknown': 'Reply to the conversation',
  'quickReply.lastMessage': '{name}: “{text}”',
  'quickReply.replyLabel': 'Reply',
  'quickReply.notSent': 'Not sent: {reason}',
  'quickReply.openChat': 'Open the chat',
} as const;
