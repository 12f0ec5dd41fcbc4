// The event emitter every fake object uses: on, once, removeListener and emit, like Node's. An
// emitter that stands for an Electron type (`App`, `Notification`…) emits only the events
// Electron emits on the fake's platform (platform.ts); anything else throws.
import { requirePlatformEvent } from './platform';

export type Listener = (...args: unknown[]) => unknown;

export class Emitter {
  private readonly listeners = new Map<string, Listener[]>();

  /** `electronType`: the Electron type this stands for; undefined for plain channels (IPC). */
  constructor(private readonly electronType?: string) {}

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.removeListener(event, wrapped);
      return listener(...args);
    };
    return this.on(event, wrapped);
  }

  removeListener(event: string, listener: Listener): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  emit(event: string, ...args: unknown[]): boolean {
    if (this.electronType !== undefined) requirePlatformEvent(this.electronType, event);
    const list = this.listeners.get(event) ?? [];
    for (const listener of list) listener(...args);
    return list.length > 0;
  }

  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }

  listenerCount(event: string): number {
    return (this.listeners.get(event) ?? []).length;
  }
}
