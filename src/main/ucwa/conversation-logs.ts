// Conversations missed while signed out (protocol §8.2, UCWA 2.0 with Exchange integration):
// `communication.conversationLogs` lists past conversations; an incoming one with status Missed is
// shown to the user, its messages read from `conversationLogTranscripts`, `markAsRead` once seen.
// Optional by policy and server: no link, or an error such as 500 InvalidExchangeServerVersion,
// means nothing to show — never a failure.
import type { AuthenticatedHttp } from './authenticated-http';
import { incomingMessageBody } from './message-parsing';
import type { MessageBody, PartyInfo } from './events';
import type { Logger } from './logger';
import type { Resource } from './resource';
import { idFromUrl, parseUcwaDate } from './resource';

export interface MissedConversation {
  readonly id: string;
  readonly from: PartyInfo;
  readonly time: Date;
  readonly preview: string;
  readonly subject: string;
  readonly threadId?: string;
  /** The server still counts it as unread (it offers markAsRead). */
  readonly unread: boolean;
}

export type MissedMessage = MessageBody & { readonly from: PartyInfo; readonly time: Date };

interface LogLinks {
  readonly transcripts: URL | undefined;
  readonly markAsRead: URL | undefined;
}

export class ConversationLogs {
  private readonly links = new Map<string, LogLinks>();

  constructor(
    private readonly http: AuthenticatedHttp,
    private readonly communication: () => Resource | undefined,
    private readonly logger: Logger,
  ) {}

  /** True when the server offers conversation logs at all (§8.2). */
  get offered(): boolean {
    return this.communication()?.link('conversationLogs') !== undefined;
  }

  /** Incoming conversations the server logged as missed, newest first; empty where logs are not offered or fail. */
  async missed(limit = 50): Promise<MissedConversation[]> {
    const link = this.communication()?.link('conversationLogs')?.url;
    if (link === undefined) return [];
    const url = new URL(link);
    url.searchParams.set('limit', String(limit));
    let list: Resource;
    try {
      list = await this.http.getResource(url, 'conversationLogs');
    } catch (error) {
      this.logger.info('conversation logs are not available', { reason: error instanceof Error ? error.message : String(error) });
      return [];
    }
    const missed: MissedConversation[] = [];
    for (const log of list.embeddedList('conversationLog')) {
      const entry = this.read(log, url);
      if (entry !== undefined) missed.push(entry);
    }
    return missed.sort((a, b) => b.time.getTime() - a.time.getTime());
  }

  /** The messages of a missed conversation, oldest first (empty when they cannot be read). */
  async transcript(id: string, from: PartyInfo): Promise<MissedMessage[]> {
    const url = this.links.get(id)?.transcripts;
    if (url === undefined) return [];
    try {
      const list = await this.http.getResource(url, 'conversationLogTranscripts');
      return list.embeddedList('messageTranscript').flatMap((t) => {
        const body = incomingMessageBody(t);
        if (body === undefined) return [];
        const contact = t.link('contact') ?? t.link('participant');
        const sender = contact?.title === undefined ? from : { uri: from.uri, name: contact.title };
        return [{ ...body, from: sender, time: parseUcwaDate(t.property('timeStamp')) ?? new Date() }];
      });
    } catch (error) {
      this.logger.info('a conversation transcript could not be read', { reason: error instanceof Error ? error.message : String(error) });
      return [];
    }
  }

  async markRead(id: string): Promise<void> {
    const url = this.links.get(id)?.markAsRead;
    if (url === undefined) return;
    await this.http.postEmpty(url).catch((error: unknown) => this.logger.info('markAsRead failed', { reason: error instanceof Error ? error.message : String(error) }));
    this.links.set(id, { transcripts: this.links.get(id)?.transcripts, markAsRead: undefined });
  }

  private read(log: Resource, base: URL): MissedConversation | undefined {
    if (log.string('direction')?.toLowerCase() !== 'incoming' || log.string('status')?.toLowerCase() !== 'missed') return undefined;
    const self = log.link('self')?.url ?? base;
    const id = idFromUrl(self);
    const recipient = log.embeddedList('conversationLogRecipient')[0];
    const uri = recipient?.string('sipUri');
    if (uri === undefined) return undefined;
    const from = { uri: /^sip:/i.test(uri) ? uri : `sip:${uri}`, name: recipient?.string('displayName') ?? uri.replace(/^sip:/i, '') };
    const markAsRead = log.link('markAsRead')?.url;
    this.links.set(id, { transcripts: log.link('conversationLogTranscripts')?.url, markAsRead });
    const threadId = log.string('threadId');
    return {
      id,
      from,
      time: parseUcwaDate(log.property('creationTime')) ?? new Date(),
      preview: log.string('previewMessage') ?? '',
      subject: log.string('subject') ?? '',
      ...(threadId === undefined ? {} : { threadId }),
      unread: markAsRead !== undefined,
    };
  }
}
