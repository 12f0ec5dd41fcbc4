// English messages of one area (common): ICU MessageFormat (plurals, select, dates), keyed 'common.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const common = {
  'common.appName': 'UCWA Tray',
  'common.unreadCount': '{count, plural, one {# unread message} other {# unread messages}}',
  'common.availability': '{availability, select, Online {Available} Busy {Busy} DoNotDisturb {Do not disturb} BeRightBack {Be right back} Away {Away} IdleOnline {Inactive} IdleBusy {Busy (inactive)} Offwork {Off work} Offline {Offline} other {Presence unknown}}',
  'common.loading': 'Loading…',
  'common.send': 'Send',
  'common.me': 'Me',
  'common.cancel': 'Cancel',
  'common.accept': 'Accept',
  'common.decline': 'Decline',
  'common.conversation': 'Conversation',
  'common.signingIn': 'Signing in…',
  'common.reconnecting': 'Reconnecting…',
  'common.reconnectingIn': 'Reconnecting in {seconds} s…',
  'common.offlineWaiting': 'Offline: waiting for the network.',
  'common.signedOutByServer': 'Signed out by the server.',
  'common.signInAgain': 'Sign in again',
  'common.wantsToChat': '{name} wants to chat',
  'common.invitation': '{name} wants to chat.',
  'common.invitationWithMessage': '{name} wants to chat: “{message}”',
  'common.pageTitle': '{page, select, chat {Chat} settings {Settings} signIn {Sign in} quickReply {Reply} other {UCWA Tray}}',
} as const;
