// What a UCWA client tells its listeners, kept for a test to read.
import type { UcwaClient, UcwaEvent } from '../../src/main/ucwa/index';

/** Everything the client tells from now on, in order. */
export function recordEvents(client: UcwaClient): UcwaEvent[] {
  const events: UcwaEvent[] = [];
  client.on((e) => void events.push(e));
  return events;
}
