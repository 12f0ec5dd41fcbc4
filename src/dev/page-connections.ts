// The dev host's "windows": each connected browser tab is one. Implements the session's window
// port by asking tabs to open, focus or hide pages, and pushes events to the tabs that said `ready`.
import { AsyncLocalStorage } from 'node:async_hooks';
import { PushHub } from '../main/ipc/push-hub';
import type { WindowPort } from '../main/session/ports';
import type { EventName, EventPayload } from '../shared/ipc-contract';
import { EVENT_NAMES, eventChannel } from '../shared/ipc-names';
import type { HostToPage, PageName } from '../shared/web-bridge-protocol';

export interface PageSocket {
  send(message: HostToPage): void;
  isOpen(): boolean;
}

interface PageConnection {
  readonly id: number;
  readonly socket: PageSocket;
  page: PageName | undefined;
  conversation: string | undefined;
  focused: boolean;
}

const EVENT_BY_CHANNEL = new Map<string, EventName>(EVENT_NAMES.map((name) => [eventChannel(name), name]));

export class PageConnections implements WindowPort {
  private readonly connections = new Map<number, PageConnection>();
  private readonly hub = new PushHub();
  private nextId = 1;
  /** Which tab's request is being served, so "open a chat" opens it from that tab. */
  readonly requester = new AsyncLocalStorage<number>();

  add(socket: PageSocket): number {
    const id = this.nextId++;
    this.connections.set(id, { id, socket, page: undefined, conversation: undefined, focused: true });
    this.hub.add(id, {
      id,
      isDestroyed: () => !socket.isOpen(),
      send: (channel, payload) => {
        const name = EVENT_BY_CHANNEL.get(channel);
        if (name !== undefined) socket.send({ t: 'event', name, payload });
      },
    });
    return id;
  }

  remove(id: number): void {
    this.connections.delete(id);
    this.hub.remove(id);
  }

  /** False when the tab already said which page it is: a page does not change on a socket. */
  hello(id: number, page: PageName, conversation: string | undefined): boolean {
    const connection = this.connections.get(id);
    if (connection === undefined || connection.page !== undefined) return false;
    connection.page = page;
    connection.conversation = conversation;
    return true;
  }

  /** The page a tab said it shows (its first hello), which decides the methods it may call. */
  pageOf(id: number): PageName | undefined {
    return this.connections.get(id)?.page;
  }

  focus(id: number, focused: boolean): void {
    const connection = this.connections.get(id);
    if (connection !== undefined) connection.focused = focused;
  }

  ready(id: number): void {
    this.hub.ready(id);
  }

  push<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.hub.push(name, payload);
  }

  openChat(conversationId: string): void {
    const open = [...this.connections.values()].find((c) => c.page === 'chat' && c.conversation === conversationId && c.socket.isOpen());
    if (open !== undefined) open.socket.send({ t: 'focus' });
    else this.opener()?.socket.send({ t: 'open', page: 'chat', query: { conversation: conversationId }, target: `chat-${conversationId}` });
  }

  openSettings(): void {
    const open = [...this.connections.values()].find((c) => c.page === 'settings' && c.socket.isOpen());
    if (open !== undefined) open.socket.send({ t: 'focus' });
    else this.opener()?.socket.send({ t: 'open', page: 'settings', query: {}, target: 'settings' });
  }

  hide(windowId: number): void {
    this.connections.get(windowId)?.socket.send({ t: 'hide' });
  }

  isChatFocused(conversationId: string): boolean {
    return [...this.connections.values()].some((c) => c.page === 'chat' && c.conversation === conversationId && c.focused && c.socket.isOpen());
  }

  /** The tab whose request is being served, else the newest popup. */
  private opener(): PageConnection | undefined {
    const current = this.requester.getStore();
    const requesting = current === undefined ? undefined : this.connections.get(current);
    if (requesting?.socket.isOpen() === true) return requesting;
    return [...this.connections.values()].reverse().find((c) => c.page === 'popup' && c.socket.isOpen());
  }
}
