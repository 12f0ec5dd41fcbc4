// Fills in what the contact list shows beyond names: presence and note. A subscription's first
// events arrive only after the server's aggregation delay (medium priority, seconds: protocol §5),
// so the list would show "unknown" until then; the first look is fetched directly, a few at a time.
// A presence event carries no note, so the note is fetched when presence changes.
import type { Presence } from '../../shared/domain';
import type { PresenceInfo, UcwaClient } from '../ucwa/index';

const PARALLEL = 4;
/** Beyond this many, contacts wait for their subscription events (a huge list must not flood the server). */
const MAX_FETCHED = 300;

export function toPresence(p: PresenceInfo): Presence {
  return { availability: p.availability, ...(p.activity === undefined ? {} : { activity: p.activity }), ...(p.lastActive === undefined ? {} : { lastActive: p.lastActive.getTime() }) };
}

export type PresencePatch = (uri: string, change: Partial<Presence>) => void;

/** Presence and note of each contact, at most PARALLEL requests at a time; failures leave it as it is. */
export async function fetchInitialPresence(client: UcwaClient, uris: readonly string[], apply: PresencePatch, stillCurrent: () => boolean): Promise<void> {
  const queue = uris.slice(0, MAX_FETCHED);
  const worker = async (): Promise<void> => {
    for (let uri = queue.shift(); uri !== undefined && stillCurrent(); uri = queue.shift()) {
      const [presence, note] = await Promise.all([client.getContactPresence(uri).catch(() => undefined), client.getContactNote(uri).catch(() => undefined)]);
      if (!stillCurrent()) return;
      if (presence !== undefined || note !== undefined) apply(uri, { ...(presence === undefined ? {} : toPresence(presence)), ...(note === undefined ? {} : { note }) });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

/** After a presence event: the note may have changed with it. */
export async function fetchNote(client: UcwaClient, uri: string, apply: PresencePatch, stillCurrent: () => boolean): Promise<void> {
  const note = await client.getContactNote(uri).catch(() => undefined);
  if (note !== undefined && stillCurrent()) apply(uri, { note });
}
