// A session service without windows, notifications or a password vault: for `ucwa-tray listen`,
// the soak run and tests that drive whole conversations.
import { InMemorySettings } from './in-memory-settings';
import type { DemoPort, HistoryPort, Push } from './ports';
import { SessionService } from './session-service';
import type { SessionDeps } from './session-service';

export interface HeadlessOptions {
  readonly createClient: SessionDeps['createClient'];
  readonly push: Push;
  readonly demo?: DemoPort;
  readonly openHistory?: (account: string) => HistoryPort;
  readonly reconnectBaseMs?: number;
  readonly reconnectMaxMs?: number;
}

export function headlessSession(options: HeadlessOptions): SessionService {
  return new SessionService({
    createClient: options.createClient,
    settings: new InMemorySettings(),
    vault: { canRemember: () => false, save: () => false, load: () => undefined, clear: () => undefined },
    // Nobody reads these chats in a window: treat them as read so nothing counts as unread.
    windows: { openChat: () => undefined, openSettings: () => undefined, hide: () => undefined, isChatFocused: () => true },
    notify: { incomingMessage: () => undefined },
    demo: options.demo ?? { start: () => Promise.reject(new Error('There is no demo server here.')) },
    push: options.push,
    ...(options.openHistory === undefined ? {} : { openHistory: options.openHistory }),
    ...(options.reconnectBaseMs === undefined ? {} : { reconnectBaseMs: options.reconnectBaseMs }),
    ...(options.reconnectMaxMs === undefined ? {} : { reconnectMaxMs: options.reconnectMaxMs }),
  });
}
