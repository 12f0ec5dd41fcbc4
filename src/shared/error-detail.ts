// Why something failed, as a reason with typed arguments. Errors start in the UCWA client, the
// session and the doctor, where nobody knows the user's language; the words are chosen only where
// the error is shown (a window, the CLI), from the catalogs. The English `message` an error also
// carries is for logs.
import type { MessageValues } from './i18n/translator';
import type { WindowMessageKey } from './i18n/window-catalog';

type Host = { readonly host: string };

/** Each reason and the arguments its sentence needs. A reason needs a message in ERROR_DETAIL_KEYS. */
export interface ErrorDetailArgs {
  // The network and TLS (http-transport, tls-trust).
  cannotReach: Host & { readonly cause: string };
  noAnswerInTime: Host;
  answerTooSlow: Host & { readonly seconds: number };
  answerTooLarge: Host & { readonly size: string };
  plainHttp: { readonly origin: string; readonly protocol: string };
  certificateUntrustedIssuer: Host & { readonly code: string };
  certificateNameMismatch: Host & { readonly code: string };
  certificateExpired: Host & { readonly code: string };
  certificateNotYetValid: Host & { readonly code: string };
  certificateOther: Host & { readonly code: string };
  caFileUnreadable: { readonly file: string; readonly reason: string };
  caFileNoCertificate: { readonly file: string };
  proxyAuthRequired: Host;
  proxyRefused: Host & { readonly status: number };
  cancelled: Record<never, never>;
  signInWindowClosed: Record<never, never>;
  // Signing in (authenticated-http, discovery, trust-policy).
  noUcwaChallenge: Host;
  tokenRefused: Host;
  wrongWindowsPassword: Record<never, never>;
  noPasswordSignIn: Record<never, never>;
  noWindowsSignIn: Record<never, never>;
  noOrganizationSignIn: Record<never, never>;
  grantNotSupported: { readonly grant: string };
  signInRefused: { readonly reason: string };
  notJson: Host & { readonly type: string };
  malformedAnswer: Record<never, never>;
  applicationGone: Record<never, never>;
  resourceGone: Record<never, never>;
  resourceNotFound: Record<never, never>;
  serverAnswered: { readonly status: number; readonly subcode: string };
  notServerUrl: { readonly server: string };
  noDomain: Record<never, never>;
  noDiscoveryAnswer: Record<never, never>;
  noAutodiscover: Host;
  cannotRedirectUser: Host;
  autodiscoverStatus: Host & { readonly status: number };
  autodiscoverNoUserLink: Host;
  tooManyRedirects: { readonly max: number };
  userResourceNoLink: Record<never, never>;
  redirectWithoutLocation: Host;
  notHttps: { readonly origin: string };
  addressNotGiven: Host;
  outsideDomains: Host & { readonly domains: string };
  outsideSignInDomain: Host;
  notSessionServer: Host & { readonly server: string };
  // Conversations (messaging, people).
  signInFirst: Record<never, never>;
  conversationEnded: Record<never, never>;
  conversationCannotContinue: Record<never, never>;
  messagingNotConnected: Record<never, never>;
  messagingNotConnectedInTime: Record<never, never>;
  messagingCannotBeAdded: Record<never, never>;
  deliveryNotConfirmed: Record<never, never>;
  mayHaveArrived: Record<never, never>;
  serverReason: { readonly reason: string };
  nobodyAnswered: Record<never, never>;
  invitationFailed: Record<never, never>;
  notSent: Record<never, never>;
  notSentSignedOut: Record<never, never>;
  notSentNoConnection: Record<never, never>;
  invitationGone: Record<never, never>;
  cannotAddParticipants: Record<never, never>;
  contactNotLoaded: { readonly uri: string };
  noPresence: { readonly uri: string };
  // The session and the windows.
  chooseSomeoneElse: Record<never, never>;
  noSuchConversation: Record<never, never>;
  notAGroupChat: Record<never, never>;
  noFailedMessage: Record<never, never>;
  missedGone: Record<never, never>;
  noInvitationWaiting: Record<never, never>;
  otherConversationsWindow: Record<never, never>;
  windowMayNotCall: { readonly page: string; readonly method: string };
  invalidInput: { readonly method: string; readonly field: string };
  logFolderFailed: { readonly dir: string; readonly reason: string };
  devHostNoLogFolder: Record<never, never>;
  devHostNoClipboard: Record<never, never>;
  // Connection states (ConnectionInfo.detail).
  asleepOrOffline: Record<never, never>;
  reconnecting: Record<never, never>;
  passwordNoLongerAccepted: Record<never, never>;
  sessionEndedByServer: Record<never, never>;
  signedOut: Record<never, never>;
}

export type ErrorDetailReason = keyof ErrorDetailArgs;

/** A reason and its arguments; `reason` picks the type of `args`. */
export type ErrorDetail = { [K in ErrorDetailReason]: { readonly reason: K; readonly args: ErrorDetailArgs[K] } }[ErrorDetailReason];

export function errorDetail<K extends ErrorDetailReason>(reason: K, args: ErrorDetailArgs[K]): ErrorDetail {
  return { reason, args } as ErrorDetail;
}

/** The message for each reason: a compile error when a reason has none. */
export const ERROR_DETAIL_KEYS: { readonly [K in ErrorDetailReason]: WindowMessageKey } = {
  cannotReach: 'errorDetail.cannotReach',
  noAnswerInTime: 'errorDetail.noAnswerInTime',
  answerTooSlow: 'errorDetail.answerTooSlow',
  answerTooLarge: 'errorDetail.answerTooLarge',
  plainHttp: 'errorDetail.plainHttp',
  certificateUntrustedIssuer: 'corporateNetwork.certificate.untrustedIssuer',
  certificateNameMismatch: 'corporateNetwork.certificate.nameMismatch',
  certificateExpired: 'corporateNetwork.certificate.expired',
  certificateNotYetValid: 'corporateNetwork.certificate.notYetValid',
  certificateOther: 'corporateNetwork.certificate.other',
  caFileUnreadable: 'corporateNetwork.caFile.unreadable',
  caFileNoCertificate: 'corporateNetwork.caFile.noCertificate',
  proxyAuthRequired: 'corporateNetwork.proxy.authRequired',
  proxyRefused: 'corporateNetwork.proxy.refused',
  cancelled: 'errorDetail.cancelled',
  signInWindowClosed: 'errorDetail.signInWindowClosed',
  noUcwaChallenge: 'errorDetail.noUcwaChallenge',
  tokenRefused: 'errorDetail.tokenRefused',
  wrongWindowsPassword: 'errorDetail.wrongWindowsPassword',
  noPasswordSignIn: 'errorDetail.noPasswordSignIn',
  noWindowsSignIn: 'errorDetail.noWindowsSignIn',
  noOrganizationSignIn: 'errorDetail.noOrganizationSignIn',
  grantNotSupported: 'errorDetail.grantNotSupported',
  signInRefused: 'errorDetail.signInRefused',
  notJson: 'errorDetail.notJson',
  malformedAnswer: 'errorDetail.malformedAnswer',
  applicationGone: 'errorDetail.applicationGone',
  resourceGone: 'errorDetail.resourceGone',
  resourceNotFound: 'errorDetail.resourceNotFound',
  serverAnswered: 'errorDetail.serverAnswered',
  notServerUrl: 'errorDetail.notServerUrl',
  noDomain: 'errorDetail.noDomain',
  noDiscoveryAnswer: 'errorDetail.noDiscoveryAnswer',
  noAutodiscover: 'errorDetail.noAutodiscover',
  cannotRedirectUser: 'errorDetail.cannotRedirectUser',
  autodiscoverStatus: 'errorDetail.autodiscoverStatus',
  autodiscoverNoUserLink: 'errorDetail.autodiscoverNoUserLink',
  tooManyRedirects: 'errorDetail.tooManyRedirects',
  userResourceNoLink: 'errorDetail.userResourceNoLink',
  redirectWithoutLocation: 'errorDetail.redirectWithoutLocation',
  notHttps: 'errorDetail.notHttps',
  addressNotGiven: 'errorDetail.addressNotGiven',
  outsideDomains: 'errorDetail.outsideDomains',
  outsideSignInDomain: 'errorDetail.outsideSignInDomain',
  notSessionServer: 'errorDetail.notSessionServer',
  signInFirst: 'errorDetail.signInFirst',
  conversationEnded: 'errorDetail.conversationEnded',
  conversationCannotContinue: 'errorDetail.conversationCannotContinue',
  messagingNotConnected: 'errorDetail.messagingNotConnected',
  messagingNotConnectedInTime: 'errorDetail.messagingNotConnectedInTime',
  messagingCannotBeAdded: 'errorDetail.messagingCannotBeAdded',
  deliveryNotConfirmed: 'errorDetail.deliveryNotConfirmed',
  mayHaveArrived: 'errorDetail.mayHaveArrived',
  serverReason: 'errorDetail.serverReason',
  nobodyAnswered: 'errorDetail.nobodyAnswered',
  invitationFailed: 'errorDetail.invitationFailed',
  notSent: 'errorDetail.notSent',
  notSentSignedOut: 'errorDetail.notSentSignedOut',
  notSentNoConnection: 'errorDetail.notSentNoConnection',
  invitationGone: 'errorDetail.invitationGone',
  cannotAddParticipants: 'errorDetail.cannotAddParticipants',
  contactNotLoaded: 'errorDetail.contactNotLoaded',
  noPresence: 'errorDetail.noPresence',
  chooseSomeoneElse: 'errorDetail.chooseSomeoneElse',
  noSuchConversation: 'errorDetail.noSuchConversation',
  notAGroupChat: 'errorDetail.notAGroupChat',
  noFailedMessage: 'errorDetail.noFailedMessage',
  missedGone: 'errorDetail.missedGone',
  noInvitationWaiting: 'errorDetail.noInvitationWaiting',
  otherConversationsWindow: 'errorDetail.otherConversationsWindow',
  windowMayNotCall: 'errorDetail.windowMayNotCall',
  invalidInput: 'errorDetail.invalidInput',
  logFolderFailed: 'errorDetail.logFolderFailed',
  devHostNoLogFolder: 'errorDetail.devHostNoLogFolder',
  devHostNoClipboard: 'errorDetail.devHostNoClipboard',
  asleepOrOffline: 'errorDetail.asleepOrOffline',
  reconnecting: 'errorDetail.reconnecting',
  passwordNoLongerAccepted: 'errorDetail.passwordNoLongerAccepted',
  sessionEndedByServer: 'errorDetail.sessionEndedByServer',
  signedOut: 'errorDetail.signedOut',
};

export const ERROR_DETAIL_REASONS = Object.keys(ERROR_DETAIL_KEYS) as readonly ErrorDetailReason[];

type Translate = (key: WindowMessageKey, values?: MessageValues) => string;

/** The detail in the language `t` speaks. */
export function wordDetail(t: Translate, detail: ErrorDetail): string {
  return t(ERROR_DETAIL_KEYS[detail.reason], detail.args);
}
