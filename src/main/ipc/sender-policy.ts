// Which IPC senders main answers: only the main frame of a window we created, showing our own
// origin (the pattern of VS Code's IPC layer and Electron Fiddle).

export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrame | null;
}

export interface SenderPolicy {
  /** The id of the window whose web contents sent this, or undefined when it is not ours. */
  windowIdOf(event: InvokeEventLike): number | undefined;
}

export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    // file: URLs have an opaque origin; the scheme alone identifies our packaged pages.
    return parsed.protocol === 'file:' ? 'file://' : parsed.origin;
  } catch {
    return undefined;
  }
}

export class OwnWindowsPolicy implements SenderPolicy {
  private readonly windows = new Map<number, number>();

  constructor(private readonly allowedOrigins: readonly string[]) {}

  /** Registers a window we created: its web contents id maps to its window id. */
  add(webContentsId: number, windowId: number): void {
    this.windows.set(webContentsId, windowId);
  }

  remove(webContentsId: number): void {
    this.windows.delete(webContentsId);
  }

  windowIdOf(event: InvokeEventLike): number | undefined {
    const windowId = this.windows.get(event.sender.id);
    const frame = event.senderFrame;
    if (windowId === undefined || frame === null) return undefined;
    if (frame.parent !== null && frame.parent !== undefined) return undefined;
    const origin = originOf(frame.url);
    return origin !== undefined && this.allowedOrigins.includes(origin) ? windowId : undefined;
  }
}
