// One conversation as its chat window sees it: the messages loaded so far (oldest first), paging
// back through history, sending, retrying, typing and read state.
import { computed, effect, signal } from '@preact/signals';
import type { ChatMessage, Person } from '../../shared/domain';
import type { UcwaBridge } from '../../shared/ipc-contract';
import { conversations } from './app-state';
import { t } from '../i18n';
import type { StatusNote } from './message-rows';
import { errorMessage, type Words } from './errors';

const PAGE_SIZE = 100;
/** The server shows "typing" for a few seconds per notice; one notice per this interval is enough. */
const TYPING_EVERY_MS = 3_000;

export class ChatModel {
  readonly messages = signal<readonly ChatMessage[]>([]);
  readonly participants = signal<readonly Person[]>([]);
  readonly hasOlder = signal(false);
  readonly loadingOlder = signal(false);
  readonly error = signal<Words | undefined>(undefined);
  /** Lines of the saved history that were damaged and could not be shown. */
  readonly damaged = signal(0);
  readonly summary = computed(() => conversations.value.get(this.conversationId));
  /** Lines such as "Lena left the conversation", each where it happened; they stay when it restarts. */
  readonly notes = computed<readonly StatusNote[]>(() =>
    this.endings.value.map((e) => ({ key: e.key, time: e.time, text: e.by === undefined ? t('chat.ended') : t('chat.personLeft', { name: e.by }) })),
  );
  /** What the notes say, kept as facts so they are worded in the language shown now. */
  private readonly endings = signal<readonly { readonly key: string; readonly time: number; readonly by: string | undefined }[]>([]);
  /** The first message that was unread when the window opened: a "New messages" line goes above it. */
  readonly firstUnreadId = signal<string | undefined>(undefined);
  private unreadAtOpen: number | undefined;
  private historyLoaded = false;
  private olderCursor: string | undefined;
  private lastTypingAt = 0;

  constructor(
    readonly bridge: UcwaBridge,
    readonly conversationId: string,
  ) {}

  async start(): Promise<void> {
    effect(() => {
      const ended = this.summary.value?.ended;
      if (ended === undefined) return;
      const key = `ended-${ended.at}`;
      if (this.endings.peek().some((n) => n.key === key)) return;
      this.endings.value = [...this.endings.peek(), { key, time: ended.at, by: ended.by }];
    });
    this.bridge.on('messageAdded', (message) => {
      if (message.conversationId === this.conversationId) this.upsert(message);
    });
    this.bridge.on('messageUpdated', (message) => {
      if (message.conversationId === this.conversationId) this.upsert(message);
    });
    const [conversation, page] = await Promise.all([
      this.bridge.getConversation({ conversationId: this.conversationId }),
      this.bridge.getHistory({ conversationId: this.conversationId, limit: PAGE_SIZE }),
    ]);
    if (conversation.ok) this.participants.value = conversation.value.participants;
    else this.error.value = errorMessage(conversation.error);
    if (page.ok) {
      this.merge(page.value.messages);
      this.olderCursor = page.value.olderCursor;
      this.hasOlder.value = page.value.olderCursor !== undefined;
      this.damaged.value = page.value.damaged ?? 0;
    } else this.error.value = errorMessage(page.error);
    this.historyLoaded = true;
    this.placeUnreadLine();
  }

  /** Called once the window shows, before anything is marked read. */
  rememberUnread(): void {
    if (this.unreadAtOpen !== undefined || this.summary.value === undefined) return;
    this.unreadAtOpen = this.summary.value.unread;
    this.placeUnreadLine();
  }

  private placeUnreadLine(): void {
    const unread = this.unreadAtOpen ?? 0;
    if (!this.historyLoaded || unread === 0 || this.firstUnreadId.value !== undefined) return;
    const incoming = this.messages.value.filter((m) => m.direction === 'in');
    this.firstUnreadId.value = incoming[Math.max(0, incoming.length - unread)]?.id;
  }

  async loadOlder(): Promise<void> {
    if (this.olderCursor === undefined || this.loadingOlder.value) return;
    this.loadingOlder.value = true;
    const page = await this.bridge.getHistory({ conversationId: this.conversationId, before: this.olderCursor, limit: PAGE_SIZE });
    this.loadingOlder.value = false;
    if (!page.ok) {
      this.error.value = errorMessage(page.error);
      return;
    }
    this.merge(page.value.messages);
    this.olderCursor = page.value.olderCursor;
    this.hasOlder.value = page.value.olderCursor !== undefined;
  }

  /** Sends; the message appears at once as `sending` through the messageAdded push. */
  async send(text: string): Promise<boolean> {
    const trimmed = text.replace(/\s+$/, '');
    if (trimmed.trim() === '') return false;
    this.lastTypingAt = 0;
    const result = await this.bridge.sendMessage({ conversationId: this.conversationId, text: trimmed });
    if (!result.ok) {
      this.error.value = errorMessage(result.error);
      return false;
    }
    this.addIfAbsent(result.value);
    this.error.value = undefined;
    return true;
  }

  async retry(messageId: string): Promise<void> {
    const result = await this.bridge.retryMessage({ conversationId: this.conversationId, messageId });
    if (result.ok) this.addIfAbsent(result.value);
    else this.error.value = errorMessage(result.error);
  }

  typing(now = Date.now()): void {
    if (now - this.lastTypingAt < TYPING_EVERY_MS) return;
    this.lastTypingAt = now;
    void this.bridge.setTyping({ conversationId: this.conversationId });
  }

  markRead(): void {
    if ((this.summary.value?.unread ?? 0) > 0) void this.bridge.markRead({ conversationId: this.conversationId });
  }

  /** A result may arrive after the push that already moved the message on (delivered): keep the newer. */
  private addIfAbsent(message: ChatMessage): void {
    if (!this.messages.value.some((m) => m.id === message.id)) this.upsert(message);
  }

  private upsert(message: ChatMessage): void {
    const list = this.messages.value;
    const index = list.findIndex((m) => m.id === message.id);
    if (index >= 0) {
      const next = [...list];
      next[index] = message;
      this.messages.value = next;
    } else if (list.length === 0 || (list[list.length - 1]?.time ?? 0) <= message.time) {
      this.messages.value = [...list, message];
    } else this.merge([message]);
  }

  /** Adds a page of messages (older ones, or a late arrival) keeping order by time and no duplicates. */
  private merge(page: readonly ChatMessage[]): void {
    const byId = new Map(this.messages.value.map((m) => [m.id, m]));
    for (const m of page) byId.set(m.id, m);
    this.messages.value = [...byId.values()].sort((a, b) => a.time - b.time);
  }
}
