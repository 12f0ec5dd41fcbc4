// What the client remembers about one conversation within one application's lifetime. Hrefs are
// never kept beyond it (§10.33).
import type { MessageBody, PartyInfo } from './events';
import type { Resource } from './resource';
import { idFromUrl } from './resource';

export interface MessagingLinks {
  url?: URL;
  state: string;
  formats: string[];
  sendMessage?: URL;
  setIsTyping?: URL;
  stopMessaging?: URL;
  addMessaging?: URL;
}

export interface ConversationRecord {
  readonly id: string;
  readonly url: URL;
  state: string;
  threadId: string | undefined;
  participantsUrl: URL | undefined;
  addParticipantUrl: URL | undefined;
  readonly participants: Map<string, PartyInfo>;
  /** The person this conversation was started with, to re-invite after it went idle. */
  remoteUri: string | undefined;
  readonly messaging: MessagingLinks;
  /** The invitation's first message: shown once, whichever copy arrives first (§10.12). */
  firstMessage: { readonly body: MessageBody; emitted: boolean; suppressNext: boolean; readonly from: PartyInfo } | undefined;
  readonly seenMessages: Set<string>;
  sendChain: Promise<unknown>;
  /** Escalation derived a new conversation from this one (§6.8): its deletion is no ending. */
  replacedBy?: string;
  /** Joined from an onlineMeetingInvitation: IM is added once the meeting is joined (§6.5). */
  joinsMessaging?: boolean;
  /** Our addMessaging into that conference is in flight. */
  joiningMessaging?: boolean;
  /** IM was connected at least once (a later disconnect is an idle conversation, re-added on send). */
  joinedOnce?: boolean;
  readonly connectedWaiters: Set<() => void>;
}

export function newConversationRecord(url: URL): ConversationRecord {
  return {
    id: idFromUrl(url),
    url,
    state: 'Connecting',
    threadId: undefined,
    participantsUrl: undefined,
    addParticipantUrl: undefined,
    participants: new Map(),
    remoteUri: undefined,
    messaging: { state: 'Disconnected', formats: ['Plain'] },
    firstMessage: undefined,
    seenMessages: new Set(),
    sendChain: Promise.resolve(),
    connectedWaiters: new Set(),
  };
}

export function applyConversationResource(record: ConversationRecord, resource: Resource): void {
  record.state = resource.string('state') ?? record.state;
  record.threadId = resource.string('threadId') ?? record.threadId;
  record.participantsUrl = resource.link('participants')?.url ?? record.participantsUrl;
  // Present only while adding people is allowed (§0, §6.8).
  record.addParticipantUrl = resource.link('addParticipant')?.url;
  const messaging = resource.link('messaging')?.url;
  if (messaging !== undefined) record.messaging.url = messaging;
}

/** Links exist only while allowed (§0): a missing link means the action is not possible now. */
export function applyMessagingResource(record: ConversationRecord, resource: Resource): void {
  const m = record.messaging;
  m.state = resource.string('state') ?? m.state;
  const formats = resource.strings('negotiatedMessageFormats');
  if (formats.length > 0) m.formats = formats;
  const self = resource.link('self')?.url;
  if (self !== undefined) m.url = self;
  if (m.state === 'Connected') record.joinedOnce = true;
  assignLink(m, 'sendMessage', resource.link('sendMessage')?.url);
  assignLink(m, 'setIsTyping', resource.link('setIsTyping')?.url);
  assignLink(m, 'stopMessaging', resource.link('stopMessaging')?.url);
  assignLink(m, 'addMessaging', resource.link('addMessaging')?.url);
}

function assignLink(m: MessagingLinks, name: 'sendMessage' | 'setIsTyping' | 'stopMessaging' | 'addMessaging', url: URL | undefined): void {
  if (url === undefined) delete m[name];
  else m[name] = url;
}

/** A participant from an event link or resource; hrefs lower-case the user part, `uri` keeps case (§10.30). */
export function participantFrom(url: URL, title: string | undefined, resource: Resource | undefined): PartyInfo {
  const uri = resource?.string('uri') ?? `sip:${idFromUrl(url)}`;
  const name = resource?.string('name') ?? title ?? '';
  return { uri: uri.toLowerCase().startsWith('sip:') ? uri : `sip:${uri}`, name: name === '' ? uri.replace(/^sip:/i, '') : name };
}

export function sipUri(address: string): string {
  const trimmed = address.trim();
  return /^sip:/i.test(trimmed) ? trimmed : `sip:${trimmed}`;
}
