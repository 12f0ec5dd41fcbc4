// Domain types shared by main, preload and renderer. Pure data: no node, no DOM, no Electron.
import type { AppLocale, LanguageSetting } from './i18n/locales';
import type { ErrorDetail } from './error-detail';
import type { CatalogText } from './catalog-text';

/** Availability as the server reports it; anything unrecognised becomes `Unknown` (protocol §7.2). */
export const AVAILABILITIES = [
  'Online',
  'Busy',
  'DoNotDisturb',
  'BeRightBack',
  'Away',
  'IdleOnline',
  'IdleBusy',
  'Offwork',
  'Offline',
  'Unknown',
] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** The values a user may choose (PreferredAvailability, protocol §7.1). */
export const SETTABLE_AVAILABILITIES = ['Online', 'Busy', 'DoNotDisturb', 'BeRightBack', 'Away', 'Offwork'] as const;
export type SettableAvailability = (typeof SETTABLE_AVAILABILITIES)[number];

export type ConnectionState = 'signed-out' | 'signing-in' | 'connected' | 'reconnecting' | 'offline' | 'failed';

export interface ConnectionInfo {
  readonly state: ConnectionState;
  /** Why we are offline, or what failed: worded by the UI in its language. */
  readonly detail?: ErrorDetail;
  /** Epoch ms of the next automatic attempt while reconnecting. */
  readonly nextAttemptAt?: number;
}

export interface Presence {
  readonly availability: Availability;
  readonly activity?: string;
  readonly note?: string;
  readonly location?: string;
  readonly lastActive?: number;
}

export interface Person {
  readonly uri: string;
  readonly name: string;
  readonly title?: string;
  readonly department?: string;
  readonly company?: string;
  readonly office?: string;
  readonly emails?: readonly string[];
  readonly phones?: readonly { readonly type: string; readonly number: string }[];
}

export interface Contact extends Person {
  readonly presence: Presence;
  /** A data: URL, fetched once and cached; absent when the server has none. */
  readonly photo?: string;
}

export type ContactGroupKind = 'pinned' | 'default' | 'group' | 'distribution' | 'other';

export interface ContactGroup {
  readonly id: string;
  readonly name: string;
  readonly kind: ContactGroupKind;
  readonly contactUris: readonly string[];
}

export interface Me extends Person {
  readonly presence: Presence;
  readonly photo?: string;
}

export type ConversationState = 'incoming' | 'connecting' | 'connected' | 'idle' | 'ended';

export interface ConversationSummary {
  /** Stable local id: one thread per remote party (or threadId), not per UCWA conversation href. */
  readonly id: string;
  readonly title: string;
  /** Everyone else in it; for a group chat the live list (who joined, not who left). */
  readonly participants: readonly Person[];
  /** A group chat (more than one other person, protocol §6.8); its title is its subject or the participants' names. */
  readonly group?: boolean;
  readonly subject?: string;
  readonly state: ConversationState;
  readonly unread: number;
  readonly typing: readonly string[];
  readonly lastMessage?: { readonly text: string; readonly time: number; readonly fromName: string };
  /**
   * The other side left (`by`: their name) or the server ended the conversation; absent again once
   * a new conversation starts. Writing again starts one.
   */
  readonly ended?: { readonly at: number; readonly by?: string };
  /** An invitation waiting for the user's Accept or Decline (when chats are not accepted automatically). */
  readonly invitation?: { readonly firstMessage?: string };
  /** Messages the disk refused (kept in memory, retried), and why in plain words; absent once saved. */
  readonly unsavedHistory?: { readonly count: number; readonly reason: string };
}

export type DeliveryState = 'sending' | 'delivered' | 'failed';

export interface ChatMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly direction: 'in' | 'out';
  readonly from: { readonly uri: string; readonly name: string };
  /** Plain text; for an HTML-only message its text content. */
  readonly text: string;
  /** Untrusted server HTML: only ever rendered through the sanitising component. */
  readonly html?: string;
  readonly time: number;
  readonly delivery: DeliveryState;
  /** Why it was not delivered, worded by the UI. */
  readonly failureReason?: ErrorDetail;
  /** What happened that the user would not guess, e.g. delivered after all although it had failed. */
  readonly deliveryNote?: 'reachedAfterAll';
  /**
   * Not a message but something that happened in a group chat ("Carl joined"): kept as data in the
   * history; the renderer words it in the user's language. `text` is empty.
   */
  readonly system?: { readonly kind: SystemEventKind; readonly who: { readonly uri: string; readonly name: string } };
}

/** 'you-left': the user left the group chat (its `who` is the user). */
export const SYSTEM_EVENT_KINDS = ['joined', 'left', 'add-failed', 'you-left'] as const;
export type SystemEventKind = (typeof SYSTEM_EVENT_KINDS)[number];

/** A conversation missed while signed out, from the server's conversation logs (protocol §8.2). */
export interface MissedConversation {
  readonly id: string;
  readonly from: { readonly uri: string; readonly name: string };
  readonly time: number;
  readonly preview: string;
  readonly unread: boolean;
}

/** What the contact card shows: the directory entry, presence with note and location, the photo. */
export interface ContactCard extends Person {
  readonly presence: Presence;
  readonly photo?: string;
}

export interface HistoryPage {
  readonly messages: readonly ChatMessage[];
  /** Pass back as `before` to load older messages; absent at the start of the history. */
  readonly olderCursor?: string;
  /** Lines of this conversation's saved history that were damaged (a crash, a disk error) and skipped. */
  readonly damaged?: number;
}

export interface NotificationSettings {
  readonly enabled: boolean;
  readonly sound: boolean;
  readonly showMessageText: boolean;
  readonly suppressWhenBusy: boolean;
}

/** How the user signs in (issue #14): the grant the server's challenge offers and the user chose. */
export const SIGN_IN_METHODS = ['password', 'windows', 'passive'] as const;
export type SignInMethodName = (typeof SIGN_IN_METHODS)[number];

export interface Settings {
  /** `method`: the sign-in method chosen last (absent: password). */
  readonly account: { readonly server: string; readonly user: string; readonly method?: SignInMethodName | undefined };
  readonly rememberMe: boolean;
  readonly notifications: NotificationSettings;
  readonly autoStart: boolean;
  readonly startHidden: boolean;
  /** Off: an incoming chat waits for Accept or Decline (in the popup, the chat and the notification). */
  readonly acceptChatsAutomatically: boolean;
  /** Hosts and domains the user approved for credentials besides the sign-in and server domains. */
  readonly trustedDomains: readonly string[];
  /** The app's language: the OS's, or one chosen here (en-XA, the pseudo-locale, is for tests only). */
  readonly language: LanguageSetting;
}

export interface Snapshot {
  readonly connection: ConnectionInfo;
  readonly me?: Me;
  readonly groups: readonly ContactGroup[];
  readonly contacts: readonly Contact[];
  readonly conversations: readonly ConversationSummary[];
  readonly unreadTotal: number;
  /** Conversations missed while signed out, where the server keeps conversation logs; absent or empty otherwise. */
  readonly missed?: readonly MissedConversation[];
  readonly settings: Settings;
  /** False when the OS offers no encryption: the password will not be remembered, and the UI says so. */
  readonly canRememberPassword: boolean;
  /** The settings file was unusable at start (moved aside, defaults used) or cannot be saved: why, in plain words. */
  readonly settingsNotice?: readonly CatalogText[];
  /** Where presence cannot follow the screen lock (a Linux desktop without lock signals): why, in plain words. */
  readonly presenceNote?: string;
  /** The language to show: the language setting resolved against the OS's preferred languages. */
  readonly locale: AppLocale;
}
