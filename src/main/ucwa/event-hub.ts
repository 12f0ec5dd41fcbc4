// The client's listeners: every event to each of them, a failing listener logged and never
// allowed to stop the others; `waitFor` for the first matching event (tests, the CLI).
import { UcwaError } from './errors';
import type { UcwaEvent, UcwaEventOf, UcwaEventType } from './events';
import type { Logger } from './logger';

export type UcwaListener = (event: UcwaEvent) => void;

export class EventHub {
  private readonly listeners = new Set<UcwaListener>();

  constructor(private readonly logger: Logger) {}

  on(listener: UcwaListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  waitFor<T extends UcwaEventType>(type: T, match: (event: UcwaEventOf<T>) => boolean, timeoutMs: number): Promise<UcwaEventOf<T>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new UcwaError('timeout', `No ${type} event within ${timeoutMs} ms.`));
      }, timeoutMs);
      const off = this.on((event) => {
        if (event.type === type && match(event as UcwaEventOf<T>)) {
          clearTimeout(timer);
          off();
          resolve(event as UcwaEventOf<T>);
        }
      });
    });
  }

  emit(event: UcwaEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error('listener failed', { type: event.type, reason: error instanceof Error ? error.message : String(error) });
      }
    }
  }
}
