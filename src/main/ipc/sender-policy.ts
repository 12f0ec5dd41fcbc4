// Which IPC senders main answers, and as which page: only the main frame of a window we created,
// showing exactly the page of ours that window was opened with (the pattern of VS Code's IPC layer
// and Electron Fiddle). The page then decides which methods it may call (PAGE_METHODS).
import type { PageName } from '../../shared/ipc-contract';
import { isAppPage } from '../windows/app-origin';

export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrame | null;
}

/** A sender main trusts: one of its windows, and the page that window shows. */
export interface Sender {
  readonly windowId: number;
  readonly page: PageName;
}

export interface SenderPolicy {
  /** The window and page that sent this, or undefined when it is not one of ours. */
  senderOf(event: InvokeEventLike): Sender | undefined;
}

export class OwnWindowsPolicy implements SenderPolicy {
  private readonly windows = new Map<number, Sender>();

  /** `isOurPage` says whether a frame URL is this page of ours (exact origin and path). */
  constructor(private readonly isOurPage: (url: string, page: PageName) => boolean = isAppPage) {}

  /** Registers a window we created: its web contents id maps to its window and page. */
  add(webContentsId: number, windowId: number, page: PageName): void {
    this.windows.set(webContentsId, { windowId, page });
  }

  remove(webContentsId: number): void {
    this.windows.delete(webContentsId);
  }

  senderOf(event: InvokeEventLike): Sender | undefined {
    const sender = this.windows.get(event.sender.id);
    const frame = event.senderFrame;
    // A subframe (even one of ours) never talks to main; only the top document does.
    if (sender === undefined || frame === null || (frame.parent !== null && frame.parent !== undefined)) return undefined;
    return this.isOurPage(frame.url, sender.page) ? sender : undefined;
  }
}
