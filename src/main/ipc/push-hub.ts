// Pushes events to our windows. A window gets pushes only after it said `ready`; until then they
// queue (bounded), so a window opened late misses nothing it subscribed to.
import { eventChannel } from '../../shared/ipc-contract';
import type { EventName, EventPayload } from '../../shared/ipc-contract';

export interface PushTarget {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

const MAX_QUEUED = 1_000;

export class PushHub {
  private readonly targets = new Map<number, { target: PushTarget; ready: boolean; queue: { channel: string; payload: unknown }[] }>();

  add(windowId: number, target: PushTarget): void {
    this.targets.set(windowId, { target, ready: false, queue: [] });
  }

  remove(windowId: number): void {
    this.targets.delete(windowId);
  }

  ready(windowId: number): void {
    const entry = this.targets.get(windowId);
    if (entry === undefined) return;
    entry.ready = true;
    for (const item of entry.queue.splice(0)) if (!entry.target.isDestroyed()) entry.target.send(item.channel, item.payload);
  }

  /** To every window, or to the listed ones. */
  push<E extends EventName>(name: E, payload: EventPayload<E>, windowIds?: readonly number[]): void {
    const channel = eventChannel(name);
    for (const [id, entry] of this.targets) {
      if (windowIds !== undefined && !windowIds.includes(id)) continue;
      if (entry.target.isDestroyed()) {
        this.targets.delete(id);
        continue;
      }
      if (entry.ready) entry.target.send(channel, payload);
      else {
        entry.queue.push({ channel, payload });
        if (entry.queue.length > MAX_QUEUED) entry.queue.shift();
      }
    }
  }
}
