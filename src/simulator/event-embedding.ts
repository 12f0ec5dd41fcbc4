// Which events may lose their `_embedded` copy (protocol §5.3: "_embedded – optional"), decided
// per link rel from the reference. The README's latitude table repeats this with the reasons.
import type { UcwaEventBody } from './event-channel';

/**
 * - `required`: the copy is the only carrier of what the event says. An incoming message's text
 *   lives only in its embedded `plainMessage`/`htmlMessage` (§6.4) and the message resource is
 *   gone once completed, so a server that left it out would lose the message.
 * - `operation`: invitations and outgoing messages (§6.1 "an operation"). Their outcome travels on
 *   the event (`status`, `reason`), and §6.2 correlates them by the `operationId` of the copy, so
 *   one event of each operation keeps its copy: the first that goes out embedded; a `completed`
 *   after such an event may come link-only.
 * - `usually`: conversation and messaging, "real-time things … usually come embedded" (§5.3);
 *   both can be fetched for as long as they exist.
 * - `optional`: everything else: participants, me, communication, presence subscriptions (§5.3
 *   "often come link-only"; sample 07 shows me-side events link-only).
 */
export type EmbeddingClass = 'required' | 'operation' | 'usually' | 'optional';

export const OPERATION_RELS: ReadonlySet<string> = new Set(['messagingInvitation', 'participantInvitation', 'onlineMeetingInvitation', 'message']);
const USUALLY_EMBEDDED: ReadonlySet<string> = new Set(['conversation', 'messaging']);

export function embeddingClass(body: UcwaEventBody): EmbeddingClass {
  const rel = body.link.rel;
  if (rel === 'message') {
    const copy = body._embedded?.message;
    if (typeof copy === 'object' && copy !== null && (copy as Record<string, unknown>).direction === 'Incoming') return 'required';
  }
  if (OPERATION_RELS.has(rel)) return 'operation';
  if (USUALLY_EMBEDDED.has(rel)) return 'usually';
  return 'optional';
}

/** The event without its copy: link, type, `in`, `status` and `reason` stay. */
export function linkOnly(body: UcwaEventBody): UcwaEventBody {
  if (body._embedded === undefined) return body;
  const { _embedded: _dropped, ...rest } = body;
  return rest;
}
