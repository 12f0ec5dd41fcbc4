// THE contract between the main process and every renderer. Channels are derived from the keys
// below; nobody types a channel string. Inputs are parsed by main with these schemas; results are
// data (`Result`), never thrown errors, because Electron carries only an error's message across.
import { z } from 'zod';
import { SETTABLE_AVAILABILITIES, SIGN_IN_METHODS } from './domain';
import type { EventName, MethodName, PageName } from './ipc-names';
import type { DoctorReport } from './doctor-report';
import type { ErrorDetail } from './error-detail';
import { LANGUAGE_SETTINGS } from './i18n/locales';
import type { AppLocale } from './i18n/locales';
import type {
  ChatMessage,
  ConnectionInfo,
  Contact,
  ContactCard,
  MissedConversation,
  ContactGroup,
  ConversationSummary,
  HistoryPage,
  Me,
  Person,
  Presence,
  Settings,
  Snapshot,
} from './domain';

export const ERROR_CODES = [
  'invalid-input',
  'forbidden-sender',
  /** Our own window, but its page may not call this method (see PAGE_METHODS). */
  'forbidden',
  'not-signed-in',
  'wrong-credentials',
  'unreachable',
  'tls',
  'not-ucwa',
  'insecure-transport',
  'untrusted-server',
  /** The proxy wants a user name and password; `host` names the proxy. */
  'proxy-auth-required',
  /** The proxy turned down the user name and password it was given; `host` names the proxy: ask again. */
  'proxy-auth-rejected',
  /** The proxy would not connect to the server (403 or another refusal of CONNECT). */
  'proxy-refused',
  /** A file offered as a CA certificate cannot be read or is not a PEM certificate; nothing was added. */
  'bad-ca-file',
  /** The user stopped it (closed the sign-in window of the identity provider). */
  'cancelled',
  'not-found',
  'send-failed',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why a certificate was refused (`tls`), so the page can say it in the user's language. */
export const CERTIFICATE_PROBLEMS = ['untrusted-issuer', 'name-mismatch', 'expired', 'not-yet-valid', 'other'] as const;
export type CertificateProblemName = (typeof CERTIFICATE_PROBLEMS)[number];

export interface IpcError {
  readonly code: ErrorCode;
  /** English, for logs: never shown (the UI words `code` and `detail` itself, see error-text.ts). */
  readonly message: string;
  /** Why, as a reason with arguments, when more is known than the code says. */
  readonly detail?: ErrorDetail;
  /**
   * `untrusted-server`: the host sign-in would have sent credentials to, so the user can be asked;
   * `tls`: the host whose certificate was refused; proxy codes: the proxy (auth) or the origin (refused).
   */
  readonly host?: string;
  /** `tls`: what is wrong with the certificate. */
  readonly certificate?: CertificateProblemName;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** A method: its input schema, and its result type carried as a phantom. */
export interface MethodSpec<S extends z.ZodType, R> {
  readonly input: S;
  readonly __result?: R;
}
const method =
  <R>() =>
  <S extends z.ZodType>(input: S): MethodSpec<S, R> => ({ input });

/** A push event: payload type carried as a phantom. */
export interface EventSpec<P> {
  readonly __payload?: P;
}
const event = <P>(): EventSpec<P> => ({});

const none = z.object({}).strict();
const text = (max: number) => z.string().max(max);
// No control characters anywhere: an address also arrives from OS links (argv, open-url), where
// they could forge log lines or hide part of the address.
const sipAddress = z
  .string()
  .trim()
  .max(256)
  .regex(/^(sip:)?[^@\s:\p{Cc}]+@[^@\s\p{Cc}]+$/iu, 'a sign-in address such as ana@contoso.com');
const serverUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'an http(s) URL');
const conversationId = z.string().min(1).max(200);
/** A host or domain the user approved for credentials: letters, digits, dots, dashes (or an IP). */
const trustedHost = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)$/, 'a host name such as pool.contoso.com');

export const settingsPatchSchema = z
  .object({
    rememberMe: z.boolean(),
    autoStart: z.boolean(),
    startHidden: z.boolean(),
    acceptChatsAutomatically: z.boolean(),
    trustedDomains: z.array(trustedHost).max(50),
    language: z.enum(LANGUAGE_SETTINGS),
    notifications: z
      .object({
        enabled: z.boolean(),
        sound: z.boolean(),
        showMessageText: z.boolean(),
        suppressWhenBusy: z.boolean(),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export const invokeContract = {
  /** Tells main the window is listening, so queued pushes may flow. */
  ready: method<null>()(none),
  getSnapshot: method<Snapshot>()(none),
  signIn: method<Me>()(
    z
      .object({
        server: serverUrl.optional(),
        user: sipAddress,
        password: z.string().max(1024),
        rememberMe: z.boolean(),
        /** The user said yes to "sign in to <host>?": trusted from now on (remembered in settings). */
        trustHost: trustedHost.optional(),
        /** Windows and passive sign-in need no password; absent: password. */
        method: z.enum(SIGN_IN_METHODS).optional(),
      })
      .strict()
      .refine((input) => (input.method ?? 'password') !== 'password' || input.password.length > 0, { message: 'A password is required for password sign-in.', path: ['password'] }),
  ),
  /** Signs in to the built-in simulator's demo account. */
  signInDemo: method<Me>()(none),
  signOut: method<null>()(none),
  setPresence: method<Presence>()(z.object({ availability: z.enum(SETTABLE_AVAILABILITIES) }).strict()),
  setNote: method<Presence>()(z.object({ note: text(1024) }).strict()),
  getContacts: method<{ readonly groups: readonly ContactGroup[]; readonly contacts: readonly Contact[] }>()(none),
  search: method<readonly Contact[]>()(
    z.object({ query: z.string().trim().min(1).max(256), limit: z.number().int().min(1).max(100).optional() }).strict(),
  ),
  /** Opens (or focuses) the chat window with a person; returns the conversation id. */
  openChat: method<string>()(z.object({ uri: sipAddress }).strict()),
  /** Opens a chat with several people (protocol §6.8: the first is invited, the others added); returns its conversation id. */
  startGroupChat: method<string>()(z.object({ uris: z.array(sipAddress).min(2).max(20), subject: text(250).optional() }).strict()),
  /** Adds people to a chat; a two-party chat becomes a group chat, whose id is returned. */
  addParticipants: method<string>()(z.object({ conversationId, uris: z.array(sipAddress).min(1).max(20) }).strict()),
  /** Leaves a group chat (DELETE of its conversation, §6.7); the thread stays and writing in it starts the group again. */
  leaveConversation: method<null>()(z.object({ conversationId }).strict()),
  /** The contact card: directory details, presence with note and location, the photo. */
  getContactCard: method<ContactCard>()(z.object({ uri: sipAddress }).strict()),
  /** Puts a contact's address or phone number on the clipboard (the page itself may not write it). */
  copyText: method<null>()(z.object({ text: z.string().trim().min(1).max(512).regex(/^[^\p{Cc}]*$/u, 'one line of text') }).strict()),
  /** Opens a missed conversation in a chat (its messages added to the history) and marks it read. */
  openMissed: method<string>()(z.object({ id: z.string().min(1).max(200) }).strict()),
  openConversation: method<null>()(z.object({ conversationId }).strict()),
  getConversation: method<{ readonly summary: ConversationSummary; readonly participants: readonly Person[] }>()(
    z.object({ conversationId }).strict(),
  ),
  sendMessage: method<ChatMessage>()(
    z
      .object({
        conversationId,
        text: z.string().min(1).max(8000),
        html: z.string().max(32000).optional(),
      })
      .strict(),
  ),
  /** Answers an invitation that waits for the user (see the `acceptChatsAutomatically` setting). */
  acceptInvitation: method<null>()(z.object({ conversationId }).strict()),
  declineInvitation: method<null>()(z.object({ conversationId }).strict()),
  retryMessage: method<ChatMessage>()(z.object({ conversationId, messageId: z.string().min(1).max(200) }).strict()),
  setTyping: method<null>()(z.object({ conversationId }).strict()),
  markRead: method<null>()(z.object({ conversationId }).strict()),
  getHistory: method<HistoryPage>()(
    z
      .object({
        conversationId,
        before: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  ),
  /** Text search over the local history of every conversation, newest first. */
  searchHistory: method<readonly ChatMessage[]>()(
    z.object({ query: z.string().trim().min(1).max(256), limit: z.number().int().min(1).max(200).optional() }).strict(),
  ),
  getSettings: method<Settings>()(none),
  updateSettings: method<Settings>()(settingsPatchSchema),
  openSettings: method<null>()(none),
  hideWindow: method<null>()(none),
  /** The connection doctor: each step of sign-in checked and explained; without a password it stops before signing in. */
  runDoctor: method<DoctorReport>()(
    z
      .object({
        server: serverUrl.optional(),
        user: sipAddress,
        password: z.string().min(1).max(1024).optional(),
      })
      .strict(),
  ),
  /** Opens the folder of the log files in the system's file manager. */
  openLogFolder: method<null>()(none),
  /** Puts versions, the connection state, the server and the last log lines (no secrets) on the clipboard. */
  copyDiagnostics: method<{ readonly logLines: number }>()(none),
  /**
   * The user name and password for the proxy that answered sign-in with 407 (`proxy` is the host
   * that error named; main accepts only a proxy that asked). `remembered`: kept encrypted on disk.
   */
  setProxyCredentials: method<{ readonly remembered: boolean }>()(
    z
      .object({
        proxy: z.string().trim().min(1).max(260).regex(/^[^\s\p{Cc}/@]+$/u, 'a proxy host such as proxy.contoso.com:8080'),
        user: z.string().trim().min(1).max(256).regex(/^[^\p{Cc}]+$/u, 'a user name on one line'),
        password: z.string().min(1).max(1024),
        remember: z.boolean(),
      })
      .strict(),
  ),
  /** Extra CA certificate files sign-in trusts besides the OS's (`network.caFiles`); used from the next sign-in on. */
  getCaFiles: method<readonly string[]>()(none),
  /** Main shows the OS's open-file dialog; a PEM certificate file is added, anything else is `bad-ca-file`. The list after it. */
  addCaFile: method<readonly string[]>()(none),
  removeCaFile: method<readonly string[]>()(z.object({ file: z.string().min(1).max(4096) }).strict()),
} as const;

/**
 * Which page may call which method: each window gets what its page really calls (read from
 * src/renderer), no more. Main knows every window's page and answers anything else `forbidden`, so a
 * compromised chat window cannot sign the user out or change settings. Nobody calls getContacts or
 * getSettings (the snapshot carries both), so no page has them.
 */
const EVERY_PAGE = ['ready', 'getSnapshot'] as const satisfies readonly MethodName[];
// setProxyCredentials: wherever the sign-in form shows (the sign-in window, and the popup while signed out).
const SIGN_IN = ['signIn', 'signInDemo', 'runDoctor', 'setProxyCredentials'] as const satisfies readonly MethodName[];
export const PAGE_METHODS: { readonly [P in PageName]: readonly MethodName[] } = {
  // The popup shows the sign-in form while signed out.
  popup: [...EVERY_PAGE, ...SIGN_IN, 'signOut', 'setPresence', 'setNote', 'search', 'searchHistory', 'openChat', 'openConversation', 'openSettings', 'hideWindow', 'acceptInvitation', 'declineInvitation', 'startGroupChat', 'getContactCard', 'copyText', 'openMissed'],
  chat: [...EVERY_PAGE, 'getConversation', 'getHistory', 'sendMessage', 'retryMessage', 'setTyping', 'markRead', 'acceptInvitation', 'declineInvitation', 'addParticipants', 'leaveConversation', 'getContactCard', 'copyText', 'openChat'],
  'quick-reply': [...EVERY_PAGE, 'sendMessage', 'openConversation', 'hideWindow'],
  settings: [...EVERY_PAGE, 'updateSettings', 'openLogFolder', 'copyDiagnostics', 'getCaFiles', 'addCaFile', 'removeCaFile'],
  'sign-in': [...EVERY_PAGE, ...SIGN_IN],
};

export function mayCall(page: PageName, method: MethodName): boolean {
  return PAGE_METHODS[page].includes(method);
}

export const eventContract = {
  connectionChanged: event<ConnectionInfo>(),
  sessionChanged: event<{ readonly me?: Me }>(),
  presenceChanged: event<{ readonly uri: string; readonly presence: Presence; readonly isMe: boolean }>(),
  /** The whole list again: replaces what a window has (a long list continues in contactsUpdated pushes). */
  contactsChanged: event<{ readonly groups: readonly ContactGroup[]; readonly contacts: readonly Contact[] }>(),
  /** These contacts as they are now, added to the list or replacing their older selves (a long list in parts; new photos). */
  contactsUpdated: event<{ readonly contacts: readonly Contact[] }>(),
  conversationChanged: event<ConversationSummary>(),
  messageAdded: event<ChatMessage>(),
  messageUpdated: event<ChatMessage>(),
  typingChanged: event<{ readonly conversationId: string; readonly typing: readonly string[] }>(),
  unreadChanged: event<{ readonly conversationId: string; readonly unread: number; readonly total: number }>(),
  settingsChanged: event<Settings>(),
  missedChanged: event<{ readonly missed: readonly MissedConversation[] }>(),
  /** The language the pages show (the setting resolved against the OS's languages). */
  localeChanged: event<{ readonly locale: AppLocale }>(),
} as const;

export { EVENT_NAMES, METHOD_NAMES, PAGES, eventChannel, invokeChannel, isEventName, isPageName } from './ipc-names';
export type { EventName, MethodName, PageName } from './ipc-names';

export type InvokeContract = typeof invokeContract;
export type EventContract = typeof eventContract;

// The name lists and the contract must agree exactly; a missing or extra key fails to compile.
type SameKeys<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;
const methodNamesMatch: SameKeys<keyof InvokeContract, MethodName> = true;
const eventNamesMatch: SameKeys<keyof EventContract, EventName> = true;
void methodNamesMatch;
void eventNamesMatch;
export type MethodInput<M extends MethodName> = z.input<InvokeContract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<InvokeContract[M]['input']>;
export type MethodResult<M extends MethodName> = InvokeContract[M] extends MethodSpec<z.ZodType, infer R> ? R : never;
export type EventPayload<E extends EventName> = EventContract[E] extends EventSpec<infer P> ? P : never;


export type Unsubscribe = () => void;

/** The renderer's whole view of main: `window.ucwa`. The browser tests' bridge has the same type. */
export type UcwaBridge = {
  readonly [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodResult<M>>>;
} & {
  readonly on: <E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) => Unsubscribe;
};

/** The main side: one handler per method, a compile error if one is missing. */
export type InvokeHandlers = {
  readonly [M in MethodName]: (input: ParsedInput<M>, context: { readonly windowId: number }) => Promise<MethodResult<M>>;
};

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, host?: string, detail?: ErrorDetail, certificate?: CertificateProblemName): Result<never> => ({
  ok: false,
  error: { code, message, ...(host === undefined ? {} : { host }), ...(detail === undefined ? {} : { detail }), ...(certificate === undefined ? {} : { certificate }) },
});
