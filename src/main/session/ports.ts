// What the session service needs from its surroundings. The Electron adapters implement these;
// tests pass small fakes. The service itself never imports Electron.
import type { EventName, EventPayload } from '../../shared/ipc-contract';
import type { ChatMessage, HistoryPage, Settings } from '../../shared/domain';
import type { CatalogText } from '../../shared/catalog-text';

export interface SettingsPort {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  /** Something the user must hear about the settings file (reset to defaults, cannot be saved). */
  notice?(): readonly CatalogText[] | undefined;
}

type Loose<T> = { readonly [K in keyof T]?: T[K] | undefined };

/** A partial update, as the contract's schema parses it (absent and undefined both mean "keep"). */
export type SettingsPatch = {
  readonly [K in keyof Settings]?: (Settings[K] extends readonly unknown[] ? Settings[K] : Settings[K] extends object ? Loose<Settings[K]> : Settings[K]) | undefined;
};

/** Passwords are kept only where the OS encrypts them; otherwise not at all (never plain text). */
export interface PasswordVault {
  canRemember(): boolean;
  save(account: string, password: string): boolean;
  load(account: string): string | undefined;
  clear(account: string): void;
}

export interface WindowPort {
  openChat(conversationId: string): void;
  openSettings(): void;
  hide(windowId: number): void;
  /** True when this conversation's chat window has the focus (then no unread, no notification). */
  isChatFocused(conversationId: string): boolean;
}

export interface NotifyPort {
  /** `group`: the group chat's name, when the message was said in one (the notification names both). */
  incomingMessage(message: ChatMessage, conversationTitle: string, group?: string): void;
  /** Someone wants to chat and the user answers (Accept / Decline); absent where nobody can. */
  incomingInvitation?(conversationId: string, fromName: string, firstMessage: string | undefined): void;
  /** That invitation was answered, declined or timed out: its notification has done its job. */
  invitationEnded?(conversationId: string): void;
}

export interface DemoPort {
  /** Starts (once) the built-in simulator and returns how to sign in to it. */
  start(): Promise<{ readonly server: string; readonly user: string; readonly password: string }>;
}

/** Persistent history of one account (src/main/history implements it). */
export interface HistoryPort {
  /** Resolves once on disk; never rejects: a refused write is retried and reported through `onUnsaved`. */
  save(message: ChatMessage): Promise<void>;
  onUnsaved(listener: (conversationId: string, unsaved: { readonly count: number; readonly reason: string } | undefined) => void): () => void;
  /** Tries every unsaved write now; resolves with how many messages are still unsaved. */
  flush(): Promise<number>;
  page(conversationId: string, before: string | undefined, limit: number): Promise<HistoryPage>;
  /** A message older than what the thread keeps in memory (Retry on one scrolled back to). */
  find(conversationId: string, messageId: string): Promise<ChatMessage | undefined>;
  conversationIds(): Promise<string[]>;
  search(text: string, limit?: number): Promise<readonly { readonly conversationId: string; readonly message: ChatMessage }[]>;
}

export type Push = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
