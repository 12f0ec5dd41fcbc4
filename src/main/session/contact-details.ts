// Fills in what the contact list shows beyond names: presence, note and photo. A subscription's first
// events arrive only after the server's aggregation delay (medium priority, seconds: protocol §5),
// so the list would show "unknown" until then; the first look is fetched directly.
import type { Presence } from '../../shared/domain';
import { MAX_PHOTO_BYTES } from '../ucwa/index';
import type { Photo, PresenceInfo, UcwaClient } from '../ucwa/index';
import { mapInSlices } from '../ucwa/slices';

const PARALLEL_PHOTOS = 4;
/** Beyond these, contacts wait for their subscription events or go without a photo (a huge list must not flood the server). */
const MAX_DETAILS = 1_000;
const MAX_PHOTOS = 300;

export function toPresence(p: PresenceInfo): Presence {
  return { availability: p.availability, ...(p.activity === undefined ? {} : { activity: p.activity }), ...(p.lastActive === undefined ? {} : { lastActive: p.lastActive.getTime() }) };
}

export type PresencePatch = (uri: string, change: Partial<Presence>) => void;
export type PhotoPatch = (uri: string, photo: string) => void;

const PHOTO_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** A photo as a data: URL the windows can show; other types and oversized images are left out. */
export function photoDataUrl(photo: Photo | undefined): string | undefined {
  if (photo === undefined) return undefined;
  const type = photo.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!PHOTO_TYPES.has(type) || photo.data.length === 0 || photo.data.length > MAX_PHOTO_BYTES) return undefined;
  return `data:${type};base64,${photo.data.toString('base64')}`;
}

/**
 * Presence and note of each contact (batched by the client where the server allows, §8.1), then
 * photos, which a batch may not carry, a few at a time. Failures leave a contact as it is.
 */
export async function fetchContactDetails(client: UcwaClient, uris: readonly string[], apply: PresencePatch, applyPhoto: PhotoPatch, stillCurrent: () => boolean): Promise<void> {
  const details = await client.getContactDetails(uris.slice(0, MAX_DETAILS)).catch(() => []);
  if (!stillCurrent()) return;
  // A push to every window per contact: a thousand of them in slices, not in one turn.
  await mapInSlices(details, (d) => {
    if (d.presence !== undefined || d.note !== undefined) apply(d.uri, { ...(d.presence === undefined ? {} : toPresence(d.presence)), ...(d.note === undefined ? {} : { note: d.note }) });
  });
  if (!stillCurrent()) return;
  const queue = uris.slice(0, MAX_PHOTOS);
  const worker = async (): Promise<void> => {
    for (let uri = queue.shift(); uri !== undefined && stillCurrent(); uri = queue.shift()) {
      const dataUrl = photoDataUrl(await client.getContactPhoto(uri).catch(() => undefined));
      if (dataUrl !== undefined && stillCurrent()) applyPhoto(uri, dataUrl);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_PHOTOS }, worker));
}
