// Errors from main are worded where they are shown: every code and every detail reason the
// contract can carry has German words, and the English `message` (for logs) is never shown.
import { beforeAll, describe, expect, it } from 'vitest';
import { setPageLocale } from '../../../src/renderer/i18n';
import { signInErrorText } from '../../../src/renderer/state/errors';
import { said } from './support/said';
import { ERROR_CODES } from '../../../src/shared/ipc-contract';
import { ERROR_DETAIL_REASONS, errorDetail, wordDetail, type ErrorDetail, type ErrorDetailArgs, type ErrorDetailReason } from '../../../src/shared/error-detail';
import { errorText } from '../../../src/shared/error-text';
import { translatorFor } from '../../../src/shared/i18n/index';

// The windows load their language's catalog before they show any text; so do these tests.
beforeAll(() => setPageLocale('en'));

const en = translatorFor('en').t;
const de = translatorFor('de').t;

// Typed: a new reason without sample arguments here is a compile error, and one without German a failure below.
const SAMPLES: { readonly [K in ErrorDetailReason]: ErrorDetailArgs[K] } = {
  cannotReach: { host: 'lync.contoso.com', cause: 'ECONNREFUSED' },
  noAnswerInTime: { host: 'lync.contoso.com' },
  answerTooSlow: { host: 'lync.contoso.com', seconds: 30 },
  answerTooLarge: { host: 'lync.contoso.com', size: '10 MB' },
  plainHttp: { origin: 'http://lync.contoso.com', protocol: 'http' },
  certificateUntrustedIssuer: { host: 'lync.contoso.com', code: 'SELF_SIGNED_CERT_IN_CHAIN' },
  certificateNameMismatch: { host: 'lync.contoso.com', code: 'ERR_TLS_CERT_ALTNAME_INVALID' },
  certificateExpired: { host: 'lync.contoso.com', code: 'CERT_HAS_EXPIRED' },
  certificateNotYetValid: { host: 'lync.contoso.com', code: 'CERT_NOT_YET_VALID' },
  certificateOther: { host: 'lync.contoso.com', code: 'TLS' },
  caFileUnreadable: { file: '/etc/ca.pem', reason: 'ENOENT' },
  caFileNoCertificate: { file: '/etc/ca.pem' },
  proxyAuthRequired: { host: 'lync.contoso.com' },
  proxyRefused: { host: 'lync.contoso.com', status: 403 },
  cancelled: {},
  signInWindowClosed: {},
  noUcwaChallenge: { host: 'lync.contoso.com' },
  tokenRefused: { host: 'lync.contoso.com' },
  wrongWindowsPassword: {},
  noPasswordSignIn: {},
  noWindowsSignIn: {},
  noOrganizationSignIn: {},
  grantNotSupported: { grant: 'urn:microsoft.rtc:anonmeeting' },
  signInRefused: { reason: 'invalid_request' },
  notJson: { host: 'lync.contoso.com', type: 'text/html' },
  malformedAnswer: {},
  applicationGone: {},
  resourceGone: {},
  resourceNotFound: {},
  serverAnswered: { status: 500, subcode: 'ServiceFailure' },
  notServerUrl: { server: 'ht!tp' },
  noDomain: {},
  noDiscoveryAnswer: {},
  noAutodiscover: { host: 'lyncdiscover.contoso.com' },
  cannotRedirectUser: { host: 'lyncdiscover.contoso.com' },
  autodiscoverStatus: { host: 'lyncdiscover.contoso.com', status: 502 },
  autodiscoverNoUserLink: { host: 'lyncdiscover.contoso.com' },
  tooManyRedirects: { max: 5 },
  userResourceNoLink: {},
  redirectWithoutLocation: { host: 'lync.contoso.com' },
  notHttps: { origin: 'http://lync.contoso.com' },
  addressNotGiven: { host: '10.0.0.1' },
  outsideDomains: { host: 'evil.example', domains: 'contoso.com' },
  outsideSignInDomain: { host: 'evil.example' },
  notSessionServer: { host: 'other.contoso.com', server: 'lync.contoso.com' },
  signInFirst: {},
  conversationEnded: {},
  conversationCannotContinue: {},
  messagingNotConnected: {},
  messagingNotConnectedInTime: {},
  messagingCannotBeAdded: {},
  deliveryNotConfirmed: {},
  mayHaveArrived: {},
  serverReason: { reason: 'Recipient not reachable' },
  nobodyAnswered: {},
  invitationFailed: {},
  notSent: {},
  notSentSignedOut: {},
  notSentNoConnection: {},
  invitationGone: {},
  cannotAddParticipants: {},
  contactNotLoaded: { uri: 'sip:ana@contoso.com' },
  noPresence: { uri: 'sip:ana@contoso.com' },
  chooseSomeoneElse: {},
  noSuchConversation: {},
  notAGroupChat: {},
  noFailedMessage: {},
  missedGone: {},
  noInvitationWaiting: {},
  otherConversationsWindow: {},
  windowMayNotCall: { page: 'popup', method: 'sendMessage' },
  invalidInput: { method: 'sendMessage', field: 'text' },
  logFolderFailed: { dir: '/home/ana/.config/ucwa-tray/logs', reason: 'no file manager' },
  devHostNoLogFolder: {},
  devHostNoClipboard: {},
  asleepOrOffline: {},
  reconnecting: {},
  passwordNoLongerAccepted: {},
  sessionEndedByServer: {},
  signedOut: {},
};
const sample = (reason: ErrorDetailReason): ErrorDetail => errorDetail(reason, SAMPLES[reason] as never);

const LOG_ONLY = 'English words for the log only';

describe('errors worded where they are shown', () => {
  it.each(ERROR_CODES.map((code) => [code]))('code %s has German words of its own, never the log message', (code) => {
    const german = errorText(de, { code });
    expect(german).not.toBe(errorText(en, { code }));
    expect(german).not.toContain(LOG_ONLY);
    expect(german.length).toBeGreaterThan(10);
  });

  it.each(ERROR_DETAIL_REASONS.map((reason) => [reason]))('detail %s has German words with its arguments', (reason) => {
    const detail = sample(reason);
    expect(wordDetail(de, detail)).not.toBe(wordDetail(en, detail));
    const german = errorText(de, { code: 'unavailable', detail });
    expect(german.startsWith(errorText(de, { code: 'unavailable' }))).toBe(true);
    for (const value of Object.values(detail.args)) expect(german).toContain(String(value));
  });

  it('words the code then the detail, in English too', () => {
    expect(errorText(en, { code: 'unreachable', detail: sample('cannotReach') })).toBe('The server could not be reached. Cannot reach lync.contoso.com (ECONNREFUSED).');
    expect(errorText(en, { code: 'wrong-credentials' })).toBe('The address or password is not right. Check them and try again.');
  });

  it('names each certificate problem, the proxy, and Windows and organization sign-in failures in the page’s words (issue #14)', async () => {
    await setPageLocale('en');
    expect(await said(signInErrorText({ code: 'tls', message: 'English from main', host: 'pool.contoso.com', certificate: 'untrusted-issuer' }))).toMatch(/^The certificate of pool\.contoso\.com comes from a certificate authority this computer does not trust\..*Company certificates/);
    expect(await said(signInErrorText({ code: 'tls', message: 'x', host: 'pool.contoso.com', certificate: 'name-mismatch' }))).toMatch(/^The certificate of pool\.contoso\.com is made out for a different name\./);
    expect(await said(signInErrorText({ code: 'tls', message: 'x', host: 'pool.contoso.com', certificate: 'expired' }))).toMatch(/^The certificate of pool\.contoso\.com has expired\./);
    expect(await said(signInErrorText({ code: 'tls', message: 'x', host: 'pool.contoso.com', certificate: 'not-yet-valid' }))).toMatch(/^The certificate of pool\.contoso\.com is not valid yet\./);
    expect(await said(signInErrorText({ code: 'proxy-refused', message: 'x', host: 'https://pool.contoso.com:443' }))).toBe('The proxy would not connect the app to pool.contoso.com:443. Ask IT whether this server may be reached through the proxy.');
    expect(await said(signInErrorText({ code: 'proxy-auth-required', message: 'x', host: 'proxy.contoso.com:8080' }))).toBe('The proxy proxy.contoso.com:8080 needs a user name and password.');
    expect(await said(signInErrorText({ code: 'wrong-credentials', message: 'x' }, 'windows'))).toMatch(/^Signing in with your Windows account did not work/);
    expect(await said(signInErrorText({ code: 'wrong-credentials', message: 'x' }, 'passive'))).toMatch(/^Signing in with your organization did not work/);
    expect(await said(signInErrorText({ code: 'cancelled', message: 'x' }, 'passive'))).toBe('The sign-in window was closed before signing in finished. Try again when you are ready.');
  });

  it('in German too, never the English message from main', async () => {
    await setPageLocale('de');
    try {
      const texts = await Promise.all([
        signInErrorText({ code: 'tls', message: 'English from main', host: 'pool.contoso.com', certificate: 'untrusted-issuer' }),
        signInErrorText({ code: 'tls', message: 'English from main', host: 'pool.contoso.com', certificate: 'expired' }),
        signInErrorText({ code: 'proxy-refused', message: 'English from main', host: 'https://pool.contoso.com:443' }),
        signInErrorText({ code: 'wrong-credentials', message: 'English from main' }, 'windows'),
        signInErrorText({ code: 'cancelled', message: 'English from main' }, 'passive'),
      ].map(said));
      expect(texts[0]).toMatch(/^Das Zertifikat von pool\.contoso\.com stammt von einer Zertifizierungsstelle/);
      expect(texts[1]).toMatch(/^Das Zertifikat von pool\.contoso\.com ist abgelaufen\./);
      expect(texts[2]).toMatch(/^Der Proxy hat die Verbindung der App zu pool\.contoso\.com:443 abgelehnt\./);
      expect(texts[3]).toMatch(/^Die Anmeldung mit Ihrem Windows-Konto hat nicht funktioniert/);
      expect(texts[4]).toMatch(/^Das Anmeldefenster wurde geschlossen/);
      expect(texts.filter((text) => text?.includes('English') !== false)).toEqual([]);
    } finally {
      await setPageLocale('en');
    }
  });
});
