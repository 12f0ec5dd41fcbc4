// English messages of one area (errors): ICU MessageFormat (plurals, select, dates), keyed 'errors.*'.
// The English catalog defines the keys; every other catalog must have each of them.
export const errors = {
  'errors.wrongCredentials': 'The address or password is not right. Check them and try again.',
  'errors.unreachable': 'The server could not be reached. {detail}',
  'errors.tls': 'The server\'s certificate is not trusted, so the app did not send your password. {detail}',
  'errors.notUcwa': 'That server does not speak UCWA (Skype for Business / Lync). {detail}',
  'errors.insecureTransport': 'That server address uses plain http. Your password is only sent over https.',
  'errors.notInApp': 'This page runs inside UCWA Tray, or in a browser through the web dev host (npm run dev:web).',
  'errors.devHostClosed': 'The connection to the dev host was closed.',
} as const;
