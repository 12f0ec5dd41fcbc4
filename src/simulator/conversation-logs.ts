// Conversation history and missed items (protocol §8.2, UCWA 2.0 with Exchange integration): a
// conversation a user missed (signed out, or nobody answered) is logged; `communication` links
// `conversationLogs` and `missedItems` only when the server offers them (simulator option
// `conversationLogs`), otherwise those routes answer 404 like a server without Exchange.
import type { ServerResponse } from 'node:http';
import type { SimApplication } from './application';
import type { PartyRef } from './conversation-view';
import { userPart } from './conversation-view';
import { newId } from './im-session';
import { encodeDataUri, sendEmpty, sendError, sendJson, ucwaDate } from './wire';

export interface ConversationLog {
  readonly id: string;
  readonly from: PartyRef;
  readonly time: number;
  readonly threadId: string;
  readonly subject: string;
  readonly messages: { readonly text: string; readonly time: number }[];
  read: boolean;
}

const MAX_LOGS_PER_USER = 200;

export class ConversationLogs {
  private readonly byUser = new Map<string, ConversationLog[]>();

  constructor(private readonly appsOf: (uri: string) => readonly SimApplication[]) {}

  /** A missed conversation: one log per thread, its messages in order; signed-in applications hear of it. */
  missed(to: string, from: PartyRef, text: string | undefined, threadId: string, subject: string): void {
    const key = to.toLowerCase();
    const logs = this.byUser.get(key) ?? [];
    const now = Date.now();
    let log = logs.find((l) => l.threadId === threadId || (l.from.uri.toLowerCase() === from.uri.toLowerCase() && !l.read));
    if (log === undefined) {
      log = { id: newId(), from, time: now, threadId, subject, messages: [], read: false };
      logs.unshift(log);
      if (logs.length > MAX_LOGS_PER_USER) logs.pop();
    }
    if (text !== undefined) log.messages.push({ text, time: now });
    this.byUser.set(key, logs);
    // §8.2: missedItems updated events (high priority, sender communication).
    for (const app of this.appsOf(key)) app.emit('communication', { link: { rel: 'missedItems', href: `${app.communicationHref}/missedItems` }, type: 'updated' });
  }

  logsOf(user: string): readonly ConversationLog[] {
    return this.byUser.get(user.toLowerCase()) ?? [];
  }

  remove(user: string, id: string): boolean {
    const logs = this.byUser.get(user.toLowerCase());
    const index = logs?.findIndex((l) => l.id === id) ?? -1;
    if (logs === undefined || index < 0) return false;
    logs.splice(index, 1);
    return true;
  }
}

const logHref = (app: SimApplication, id: string): string => `${app.communicationHref}/conversationLogs/${id}`;

function renderLog(app: SimApplication, log: ConversationLog): Record<string, unknown> {
  const self = logHref(app, log.id);
  const links: Record<string, { href: string; title?: string }> = {
    self: { href: self },
    continueMessaging: { href: `${app.communicationHref}/messagingInvitations` },
    conversationLogTranscripts: { href: `${self}/transcripts` },
  };
  if (!log.read) links.markAsRead = { href: `${self}/markAsRead` };
  const last = log.messages[log.messages.length - 1];
  return {
    creationTime: ucwaDate(log.time),
    direction: 'Incoming',
    importance: 'Normal',
    modalities: ['Messaging'],
    ...(last === undefined ? {} : { previewMessage: last.text.slice(0, 200) }),
    status: 'Missed',
    subject: log.subject,
    threadId: log.threadId,
    totalRecipientsCount: 2,
    type: 'MessageLog',
    _links: links,
    _embedded: { conversationLogRecipient: [{ displayName: log.from.name, sipUri: log.from.uri, _links: { contact: { href: `${app.base}/people/${userPart(log.from.uri)}` } }, rel: 'conversationLogRecipient' }] },
    rel: 'conversationLog',
  };
}

export function renderMissedItems(app: SimApplication, logs: readonly ConversationLog[]): Record<string, unknown> {
  return {
    conversationLogsCount: logs.length,
    missedConversationsCount: logs.length,
    unreadMissedConversationsCount: logs.filter((l) => !l.read).length,
    voiceMailsCount: 0,
    unreadVoicemailsCount: 0,
    _links: { self: { href: `${app.communicationHref}/missedItems` } },
    rel: 'missedItems',
  };
}

/** `rest` starts at `conversationLogs` or `missedItems`. */
export function handleConversationLogRoute(app: SimApplication, rest: readonly (string | undefined)[], method: string, url: URL, res: ServerResponse, logs: ConversationLogs): void {
  const [collection, id, action] = rest;
  const mine = logs.logsOf(app.user.uri);
  if (collection === 'missedItems' && id === undefined) return method === 'GET' ? sendJson(res, 200, renderMissedItems(app, mine)) : sendError(res, 405);
  if (collection !== 'conversationLogs') return sendError(res, 404, 'ResourceNotFound');
  if (id === undefined) {
    if (method !== 'GET') return sendError(res, 405);
    const limit = Number(url.searchParams.get('limit') ?? '50');
    const count = Number.isInteger(limit) && limit > 0 ? Math.min(limit, 200) : 50;
    return sendJson(res, 200, { _links: { self: { href: `${app.communicationHref}/conversationLogs` } }, _embedded: { conversationLog: mine.slice(0, count).map((l) => renderLog(app, l)) }, rel: 'conversationLogs' });
  }
  const log = mine.find((l) => l.id === id);
  if (log === undefined) return sendError(res, 404, 'ResourceNotFound', 'The conversation log does not exist.');
  if (action === undefined) {
    if (method === 'GET') return sendJson(res, 200, renderLog(app, log));
    if (method === 'DELETE') {
      logs.remove(app.user.uri, id);
      return sendEmpty(res, 204);
    }
    return sendError(res, 405);
  }
  if (action === 'markAsRead' && method === 'POST') {
    log.read = true;
    return sendEmpty(res, 204);
  }
  if (action === 'transcripts' && method === 'GET') {
    const transcripts = log.messages.map((m, n) => ({
      timeStamp: ucwaDate(m.time),
      direction: 'Incoming',
      _links: {
        self: { href: `${logHref(app, log.id)}/transcripts/${n}` },
        plainMessage: { href: encodeDataUri('text/plain', m.text) },
        contact: { href: `${app.base}/people/${userPart(log.from.uri)}`, title: log.from.name },
      },
      rel: 'messageTranscript',
    }));
    return sendJson(res, 200, { _links: { self: { href: `${logHref(app, log.id)}/transcripts` } }, _embedded: { messageTranscript: transcripts }, rel: 'conversationLogTranscripts' });
  }
  sendError(res, 404, 'ResourceNotFound');
}
