// When a message becomes a notification, and what it says. Electron-free and unit-tested; the
// presenter only carries out the decisions.
import type { Availability, ChatMessage, NotificationSettings } from '../../shared/domain';
import { previewText } from '../../shared/message-preview';
import { t } from '../i18n/app-language';

export interface NotificationContext {
  readonly settings: NotificationSettings;
  readonly myAvailability: Availability;
  isChatFocused(conversationId: string): boolean;
}

export type SuppressReason = 'disabled' | 'do-not-disturb' | 'busy' | 'chat-focused' | 'outgoing' | 'duplicate';

export type NotificationDecision =
  | { readonly kind: 'show'; readonly conversationId: string; readonly title: string; readonly body: string; readonly silent: boolean; readonly replacesPrevious: boolean }
  | { readonly kind: 'suppress'; readonly reason: SuppressReason };

const MAX_BODY = 180;
const REMEMBERED_IDS = 2_000;

export class NotificationPolicy {
  private readonly seen = new Set<string>();
  private readonly showing = new Set<string>();

  decide(message: ChatMessage, conversationTitle: string, ctx: NotificationContext): NotificationDecision {
    if (message.direction !== 'in') return { kind: 'suppress', reason: 'outgoing' };
    if (this.seen.has(message.id)) return { kind: 'suppress', reason: 'duplicate' };
    this.remember(message.id);
    if (!ctx.settings.enabled) return { kind: 'suppress', reason: 'disabled' };
    if (ctx.myAvailability === 'DoNotDisturb') return { kind: 'suppress', reason: 'do-not-disturb' };
    if (ctx.settings.suppressWhenBusy && (ctx.myAvailability === 'Busy' || ctx.myAvailability === 'IdleBusy')) return { kind: 'suppress', reason: 'busy' };
    if (ctx.isChatFocused(message.conversationId)) return { kind: 'suppress', reason: 'chat-focused' };
    const replacesPrevious = this.showing.has(message.conversationId);
    this.showing.add(message.conversationId);
    return {
      kind: 'show',
      conversationId: message.conversationId,
      title: conversationTitle || message.from.name || message.from.uri,
      body: ctx.settings.showMessageText ? clip(previewText(message.text)) : t('notifications.newMessage'),
      silent: !ctx.settings.sound,
      replacesPrevious,
    };
  }

  /** The notification of a conversation was clicked, closed or the chat was read. */
  dismissed(conversationId: string): void {
    this.showing.delete(conversationId);
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > REMEMBERED_IDS) this.seen.delete(this.seen.values().next().value as string);
  }
}

function clip(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > MAX_BODY ? `${single.slice(0, MAX_BODY - 1)}…` : single;
}
