// English messages of one area (tray): ICU MessageFormat (plurals, select, dates), keyed 'tray.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const tray = {
  'tray.open': 'Open UCWA Tray',
  'tray.presence': 'Presence',
  'tray.settings': 'Settings…',
  'tray.signOut': 'Sign out',
  'tray.quit': 'Quit',
  'tray.signedOut': 'Signed out',
  'tray.signingIn': 'Signing in…',
  'tray.signInFailed': 'Sign-in failed',
  'tray.signInFailedDetail': 'Sign-in failed: {detail}',
  'tray.nameAndPresence': '{name} — {availability}',
  'tray.unknownPresence': 'Unknown',
  'tray.reconnecting': 'Reconnecting…',
  'tray.offline': 'Offline',
} as const;
