// Event batches as a UCWA server words them (§5.3), for the messaging unit tests: senders, copies
// embedded in their events, and the hrefs of one application's conversations.
import { APP } from './scripted-http';

export const COMMUNICATION = `${APP}/communication`;
export const INVITATIONS = `${COMMUNICATION}/messagingInvitations`;
export const C = (id: string): string => `${COMMUNICATION}/conversations/${id}`;
export const M = (id: string): string => `${C(id)}/messaging`;

export const links = (map: Record<string, string>): Record<string, { href: string }> => Object.fromEntries(Object.entries(map).map(([rel, href]) => [rel, { href }]));
export const communication = (events: unknown[]): unknown => ({ rel: 'communication', href: COMMUNICATION, events });
export const conversation = (id: string, events: unknown[]): unknown => ({ rel: 'conversation', href: C(id), events });

export const messagingResource = (id: string, state: string, rels: Record<string, string>, formats?: string[]): unknown => ({
  state,
  ...(formats === undefined ? {} : { negotiatedMessageFormats: formats }),
  _links: links({ self: M(id), ...rels }),
  rel: 'messaging',
});
export const messagingUpdated = (id: string, state: string, rels: Record<string, string>, formats?: string[]): unknown =>
  conversation(id, [{ link: { rel: 'messaging', href: M(id) }, type: 'updated', _embedded: { messaging: messagingResource(id, state, rels, formats) } }]);
/** The links of messaging that can send. */
export const sendable = (id: string): Record<string, string> => ({ sendMessage: `${M(id)}/messages` });
