// Shows the policy's decisions with Electron's Notification: one per conversation, replaced by
// newer messages; a click opens the chat; a reply goes through the session, and a failure is shown.
import type { NotificationConstructorOptions } from 'electron';
import type { NotificationDecision } from './notification-policy';

export interface NotificationLike {
  show(): void;
  close(): void;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'reply', listener: (event: unknown, reply: string) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
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

/**
 * macOS notifications take a reply inline (`hasReply`). Windows toasts can carry an input, but
 * Electron hands its text back only to apps with a registered COM activator, which a plain
 * Electron app does not have; Linux notification servers vary. There the reply is a small window.
 */
export function replyMode(platform: NodeJS.Platform): 'inline' | 'window' {
  return platform === 'darwin' ? 'inline' : 'window';
}

export class NotificationPresenter {
  private readonly current = new Map<string, NotificationLike>();

  constructor(private readonly deps: PresenterDeps) {}

  present(decision: NotificationDecision): void {
    if (decision.kind !== 'show') return;
    const { conversationId } = decision;
    this.current.get(conversationId)?.close();
    const inline = replyMode(this.deps.platform) === 'inline';
    const notification = this.deps.createNotification({
      title: decision.title,
      body: decision.body,
      silent: decision.silent,
      ...(inline ? { hasReply: true, replyPlaceholder: 'Reply…' } : { actions: [{ type: 'button', text: 'Reply' }] }),
    });
    notification.on('click', () => {
      this.forget(conversationId, notification);
      this.deps.openChat(conversationId);
    });
    notification.on('close', () => this.forget(conversationId, notification));
    if (inline) {
      notification.on('reply', (_event, text) => {
        this.forget(conversationId, notification);
        void this.deps.reply(conversationId, text).catch((error: unknown) => this.showFailure(conversationId, error, 'Reply not sent'));
      });
    } else {
      (notification as unknown as { on(event: 'action', listener: () => void): unknown }).on('action', () => this.deps.openQuickReply(conversationId));
    }
    this.current.set(conversationId, notification);
    notification.show();
  }

  /** Someone wants to chat and waits for an answer: Accept / Decline right in the notification. */
  presentInvitation(conversationId: string, title: string, body: string): void {
    this.current.get(conversationId)?.close();
    const notification = this.deps.createNotification({ title, body, actions: [{ type: 'button', text: 'Accept' }, { type: 'button', text: 'Decline' }] });
    notification.on('click', () => this.deps.openChat(conversationId));
    notification.on('close', () => this.forget(conversationId, notification));
    (notification as unknown as { on(event: 'action', listener: (event: unknown, index: number) => void): unknown }).on('action', (_event, index) => {
      this.forget(conversationId, notification);
      const answer = index === 1 ? this.deps.decline(conversationId) : this.deps.accept(conversationId);
      void answer.catch((error: unknown) => this.showFailure(conversationId, error, 'Not answered'));
    });
    this.current.set(conversationId, notification);
    notification.show();
  }

  /** The chat was opened or read: its notification has done its job. */
  clear(conversationId: string): void {
    const notification = this.current.get(conversationId);
    if (notification !== undefined) this.forget(conversationId, notification);
    notification?.close();
  }

  private forget(conversationId: string, notification: NotificationLike): void {
    if (this.current.get(conversationId) !== notification) return;
    this.current.delete(conversationId);
    this.deps.dismissed(conversationId);
  }

  private showFailure(conversationId: string, error: unknown, title = 'Reply not sent'): void {
    const failure = this.deps.createNotification({ title, body: error instanceof Error ? error.message : 'That did not work.' });
    failure.on('click', () => this.deps.openChat(conversationId));
    failure.show();
  }
}
