// English messages of one area (errors): ICU MessageFormat (plurals, select, dates), keyed 'errors.*'.
// The English catalog defines the keys; every other catalog must have each of them.
// One sentence per error code of the IPC contract; the detail (error-details) follows it.
export const errors = {
  'errors.code.invalidInput': 'The app could not take that input.',
  'errors.code.forbiddenSender': 'This window may not call the app.',
  'errors.code.forbidden': 'This window may not do that.',
  'errors.code.notSignedIn': 'You are not signed in.',
  'errors.code.wrongCredentials': 'The address or password is not right. Check them and try again.',
  'errors.code.unreachable': 'The server could not be reached.',
  'errors.code.tls': 'The server’s certificate is not trusted, so the app did not send your password.',
  'errors.code.notUcwa': 'That server does not speak UCWA (Skype for Business / Lync).',
  'errors.code.insecureTransport': 'That server address uses plain http. Your password is only sent over https.',
  'errors.code.untrustedServer': 'The app did not send your password to that server.',
  'errors.code.proxyAuthRequired': 'The proxy wants a user name and password.',
  'errors.code.proxyAuthRejected': 'The proxy did not accept that user name and password.',
  'errors.code.proxyRefused': 'The proxy would not connect the app to the server.',
  'errors.code.badCaFile': 'That file is not a certificate the app can use; nothing was added.',
  'errors.code.cancelled': 'It was stopped before it finished.',
  'errors.code.notFound': 'That is no longer there.',
  'errors.code.sendFailed': 'It could not be sent.',
  'errors.code.unavailable': 'That is not possible right now.',
  'errors.code.internal': 'Something went wrong in the app.',
  'errors.withDetail': '{summary} {detail}',
  'errors.notInApp': 'This page runs inside UCWA Tray, or in a browser through the web dev host (npm run dev:web).',
  'errors.devHostClosed': 'The connection to the dev host was closed.',
} as const;
