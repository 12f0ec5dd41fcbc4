// Shows the policy's decisions with Electron's Notification: one per conversation, replaced by
// newer messages; a reply goes through the session, and a failure is shown. Per platform, as
// Electron documents it: macOS replies inline (`hasReply`, `reply`); Windows replies in the toast
// (our toast XML), heard through the `reply` event and Notification.handleActivation — both, or
// only the latter once the toast sits in the Action Center — and sent exactly once; Linux has
// neither inline replies nor buttons in Electron, so a click there opens the quick-reply window.
import type { NotificationConstructorOptions } from 'electron';
import type { NotificationDecision } from './notification-policy';
import { t } from '../i18n/app-language';
import { parseToastArguments, replyToastXml } from './windows-toast';

export interface NotificationLike {
  show(): void;
  close(): void;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'reply', listener: (details: { readonly reply?: string }, reply?: string) => void): unknown;
  on(event: 'action', listener: (details: { readonly actionIndex?: number }, index?: number) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/** What Notification.handleActivation hands over (Electron's ActivationArguments). */
export interface ActivationDetails {
  readonly type: string;
  readonly arguments: string;
  readonly reply?: string;
  readonly userInputs?: Readonly<Record<string, string>>;
}

export interface PresenterDeps {
  readonly createNotification: (options: NotificationConstructorOptions) => NotificationLike;
  readonly platform: NodeJS.Platform;
  openChat(conversationId: string): void;
  /** The quick-reply window, where the OS cannot take a reply in the notification itself. */
  openQuickReply(conversationId: string): void;
  reply(conversationId: string, text: string): Promise<void>;
  /** The Accept / Decline buttons of an invitation's notification. */
  accept(conversationId: string): Promise<void>;
  decline(conversationId: string): Promise<void>;
  dismissed(conversationId: string): void;
}

export type ReplyMode = 'inline' | 'toast' | 'window';

/** How a notification takes a reply on this platform. */
export function replyMode(platform: NodeJS.Platform): ReplyMode {
  if (platform === 'darwin') return 'inline';
  if (platform === 'win32') return 'toast';
  return 'window';
}

/** Buttons (invitations' Accept / Decline) exist on macOS and Windows only. */
const hasButtons = (platform: NodeJS.Platform): boolean => platform === 'darwin' || platform === 'win32';
/** Enough to outlast any toast still in the Action Center. */
const REMEMBERED_ACTIVATIONS = 1_000;

export class NotificationPresenter {
  private readonly current = new Map<string, NotificationLike>();
  /** `<notification id>:<type>` already acted on: a toast's activation can arrive twice. */
  private readonly handled = new Set<string>();
  private readonly idOf = new WeakMap<NotificationLike, string>();
  private nextId = 1;
  private readonly runId = Date.now().toString(36);

  constructor(private readonly deps: PresenterDeps) {}

  present(decision: NotificationDecision): void {
    if (decision.kind !== 'show') return;
    const { conversationId } = decision;
    this.current.get(conversationId)?.close();
    const mode = replyMode(this.deps.platform);
    // Unique across runs too: a toast from the previous run can still answer after a restart.
    const notificationId = `${this.runId}-${this.nextId++}`;
    const base = { title: decision.title, body: decision.body, silent: decision.silent };
    const options: NotificationConstructorOptions =
      mode === 'inline'
        ? { ...base, hasReply: true, replyPlaceholder: t('notifications.replyPlaceholder') }
        : mode === 'toast'
          ? { ...base, id: notificationId, toastXml: replyToastXml({ ...base, notificationId, conversationId, placeholder: t('notifications.replyPlaceholder') }) }
          : base;
    const notification = this.deps.createNotification(options);
    this.idOf.set(notification, notificationId);
    notification.on('click', () => this.clicked(notificationId, conversationId, notification));
    notification.on('close', () => this.forget(conversationId, notification));
    if (mode !== 'window') notification.on('reply', (details, text) => this.replied(notificationId, conversationId, details.reply ?? text ?? '', notification));
    this.current.set(conversationId, notification);
    notification.show();
  }

  /**
   * Notification.handleActivation's callback (Windows): every click or reply on one of our
   * toasts, whether or not its object still lives. Others' arguments are ignored.
   */
  activated(details: ActivationDetails): void {
    const ours = parseToastArguments(details.arguments);
    if (ours === undefined) return;
    // The conversation's current notification, if it is this one (not a newer message's).
    const showing = this.current.get(ours.conversationId);
    const notification = showing !== undefined && this.idOf.get(showing) === ours.notificationId ? showing : undefined;
    if (ours.type === 'click') this.clicked(ours.notificationId, ours.conversationId, notification);
    else this.replied(ours.notificationId, ours.conversationId, details.reply ?? details.userInputs?.reply ?? '', notification);
  }

  /** Someone wants to chat and waits for an answer: Accept / Decline where the OS has buttons. */
  presentInvitation(conversationId: string, title: string, body: string): void {
    this.current.get(conversationId)?.close();
    const buttons = hasButtons(this.deps.platform);
    // Without buttons (Linux) the chat, where the invitation bar asks, is one click away.
    const notification = this.deps.createNotification(buttons ? { title, body, actions: [{ type: 'button', text: t('common.accept') }, { type: 'button', text: t('common.decline') }] } : { title, body: t('notifications.clickToAnswer', { body }) });
    notification.on('click', () => this.deps.openChat(conversationId));
    notification.on('close', () => this.forget(conversationId, notification));
    if (buttons) {
      notification.on('action', (details, index) => {
        this.forget(conversationId, notification);
        const answer = (details.actionIndex ?? index) === 1 ? this.deps.decline(conversationId) : this.deps.accept(conversationId);
        void answer.catch((error: unknown) => this.showFailure(conversationId, error, t('notifications.notAnswered')));
      });
    }
    this.current.set(conversationId, notification);
    notification.show();
  }

  /** The chat was opened or read: its notification has done its job. */
  clear(conversationId: string): void {
    const notification = this.current.get(conversationId);
    if (notification !== undefined) this.forget(conversationId, notification);
    notification?.close();
  }

  private clicked(notificationId: string, conversationId: string, notification: NotificationLike | undefined): void {
    if (!this.firstTime(notificationId, 'click')) return;
    if (notification !== undefined) this.forget(conversationId, notification);
    if (replyMode(this.deps.platform) === 'window') this.deps.openQuickReply(conversationId);
    else this.deps.openChat(conversationId);
  }

  private replied(notificationId: string, conversationId: string, text: string, notification: NotificationLike | undefined): void {
    if (!this.firstTime(notificationId, 'reply')) return;
    if (notification !== undefined) this.forget(conversationId, notification);
    if (text.trim() === '') return;
    void this.deps.reply(conversationId, text).catch((error: unknown) => this.showFailure(conversationId, error, t('notifications.replyNotSent')));
  }

  private firstTime(notificationId: string, type: string): boolean {
    const key = `${notificationId}:${type}`;
    if (this.handled.has(key)) return false;
    this.handled.add(key);
    if (this.handled.size > REMEMBERED_ACTIVATIONS) this.handled.delete(this.handled.values().next().value as string);
    return true;
  }

  private forget(conversationId: string, notification: NotificationLike): void {
    if (this.current.get(conversationId) !== notification) return;
    this.current.delete(conversationId);
    this.deps.dismissed(conversationId);
  }

  private showFailure(conversationId: string, error: unknown, title = t('notifications.replyNotSent')): void {
    const failure = this.deps.createNotification({ title, body: error instanceof Error ? error.message : t('notifications.failed') });
    failure.on('click', () => this.deps.openChat(conversationId));
    failure.show();
  }
}
