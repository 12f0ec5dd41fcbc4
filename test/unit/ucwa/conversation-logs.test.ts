// Missed conversations (protocol §8.2): the incoming conversations the server logged as missed,
// newest first, their transcripts, markAsRead once. Optional by policy and server: no link or an
// error means nothing to show, never a failure.
import { describe, expect, it, vi } from 'vitest';
import type { AuthenticatedHttp } from '../../../src/main/ucwa/authenticated-http';
import { ConversationLogs } from '../../../src/main/ucwa/conversation-logs';
import { UcwaError } from '../../../src/main/ucwa/errors';
import { SecretRedactor, createLogger } from '../../../src/main/ucwa/logger';
import type { LogLevel } from '../../../src/main/ucwa/logger';
import { Resource } from '../../../src/main/ucwa/resource';

const APP = 'https://pool.contoso.com/ucwa/oauth/v1/applications/1';
const LOGS = `${APP}/communication/conversationLogs`;
const plain = (text: string): string => `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
const html = (markup: string): string => `data:text/html;charset=utf-8,${encodeURIComponent(markup)}`;

interface LogOptions {
  readonly direction?: string;
  readonly status?: string;
  readonly sipUri?: string;
  readonly displayName?: string;
  readonly creationTime?: string;
  readonly previewMessage?: string;
  readonly subject?: string;
  readonly threadId?: string;
  readonly markAsRead?: boolean;
  readonly transcripts?: boolean;
}

function conversationLog(id: string, o: LogOptions = {}): Record<string, unknown> {
  const href = `${LOGS}/${id}`;
  return {
    rel: 'conversationLog',
    direction: o.direction ?? 'Incoming',
    status: o.status ?? 'Missed',
    ...(o.creationTime === undefined ? {} : { creationTime: o.creationTime }),
    ...(o.previewMessage === undefined ? {} : { previewMessage: o.previewMessage }),
    ...(o.subject === undefined ? {} : { subject: o.subject }),
    ...(o.threadId === undefined ? {} : { threadId: o.threadId }),
    _links: {
      self: { href },
      ...(o.transcripts === false ? {} : { conversationLogTranscripts: { href: `${href}/transcripts` } }),
      ...(o.markAsRead === false ? {} : { markAsRead: { href: `${href}/markAsRead` } }),
    },
    _embedded: { conversationLogRecipient: o.sipUri === '' ? [] : [{ rel: 'conversationLogRecipient', sipUri: o.sipUri ?? 'sip:ana@contoso.com', ...(o.displayName === undefined ? {} : { displayName: o.displayName }) }] },
  };
}

interface Fake {
  readonly logs: ConversationLogs;
  readonly gets: string[];
  readonly posts: string[];
  readonly records: { level: LogLevel; message: string; fields?: Record<string, unknown> }[];
}

function fake(answers: Record<string, unknown>, options: { communicationLinks?: Record<string, unknown> | 'none'; failPosts?: boolean } = {}): Fake {
  const gets: string[] = [];
  const posts: string[] = [];
  const records: Fake['records'] = [];
  const http = {
    getResource: async (url: URL, what: string) => {
      gets.push(url.href);
      const answer = answers[url.href];
      if (answer === undefined) throw new UcwaError('http', `HTTP 500 InvalidExchangeServerVersion for ${what}`);
      return Resource.parse(answer, url, what);
    },
    postEmpty: async (url: URL) => {
      posts.push(url.href);
      if (options.failPosts === true) throw new UcwaError('http', 'HTTP 503');
      return { url, status: 204, headers: {}, text: '' };
    },
  } as unknown as AuthenticatedHttp;
  const links = options.communicationLinks ?? { conversationLogs: { href: LOGS } };
  const communication = links === 'none' ? undefined : Resource.parse({ _links: { self: { href: `${APP}/communication` }, ...links } }, new URL(`${APP}/communication`), 'communication');
  const logger = createLogger('test', (level, _scope, message, fields) => void records.push({ level, message, ...(fields === undefined ? {} : { fields }) }), new SecretRedactor());
  return { logs: new ConversationLogs(http, () => communication, logger), gets, posts, records };
}

const list = (...logs: Record<string, unknown>[]): Record<string, unknown> => ({ _links: { self: { href: LOGS } }, _embedded: { conversationLog: logs } });

describe('ConversationLogs (§8.2)', () => {
  it('is offered only where communication links conversationLogs', () => {
    expect(fake({}).logs.offered).toBe(true);
    expect(fake({}, { communicationLinks: {} }).logs.offered).toBe(false);
    expect(fake({}, { communicationLinks: 'none' }).logs.offered).toBe(false);
  });

  it('asks nothing and shows nothing where logs are not offered', async () => {
    for (const communicationLinks of [{}, 'none'] as const) {
      const f = fake({}, { communicationLinks });
      expect(await f.logs.missed()).toEqual([]);
      expect(f.gets).toEqual([]);
    }
  });

  it('asks for 50 logs unless told how many, keeping the query the server gave', async () => {
    const f = fake({}, { communicationLinks: { conversationLogs: { href: `${LOGS}?view=all` } } });
    await f.logs.missed();
    await f.logs.missed(7);
    expect(f.gets).toEqual([`${LOGS}?view=all&limit=50`, `${LOGS}?view=all&limit=7`]);
  });

  it('lists incoming missed conversations newest first, with who, when, preview, subject, thread and unread', async () => {
    const answer = list(
      conversationLog('old', { creationTime: '/Date(1700000000000)/', displayName: 'Ana Lima', previewMessage: 'are you there?', subject: 'Budget', threadId: 'T1' }),
      conversationLog('new', { creationTime: '2023-11-15T10:00:00Z', sipUri: 'bob@contoso.com', markAsRead: false, status: 'MISSED', direction: 'incoming' }),
      conversationLog('outgoing', { direction: 'Outgoing' }),
      conversationLog('answered', { status: 'Connected' }),
      conversationLog('nobody', { sipUri: '' }),
    );
    const f = fake({ [`${LOGS}?limit=50`]: answer });
    expect(await f.logs.missed()).toEqual([
      { id: 'new', from: { uri: 'sip:bob@contoso.com', name: 'bob@contoso.com' }, time: new Date('2023-11-15T10:00:00Z'), preview: '', subject: '', unread: false },
      { id: 'old', from: { uri: 'sip:ana@contoso.com', name: 'Ana Lima' }, time: new Date(1700000000000), preview: 'are you there?', subject: 'Budget', threadId: 'T1', unread: true },
    ]);
  });

  it('takes a log without a time as now, and a log without a self link by the list it came in', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-03T09:00:00Z'), toFake: ['Date'] });
    try {
      const log = conversationLog('x', { sipUri: 'SIP:carl@contoso.com' });
      delete (log._links as Record<string, unknown>).self;
      const f = fake({ [`${LOGS}?limit=50`]: list(log) });
      const [missed] = await f.logs.missed();
      expect(missed?.time).toEqual(new Date('2026-12-03T09:00:00Z'));
      expect(missed?.id).toBe('conversationLogs');
      expect(missed?.from).toEqual({ uri: 'SIP:carl@contoso.com', name: 'carl@contoso.com' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('adds the sip: scheme only where the address does not start with it, whatever else it contains', async () => {
    const f = fake({ [`${LOGS}?limit=50`]: list(conversationLog('odd', { sipUri: 'carl.sip:home@contoso.com' })) });
    const [missed] = await f.logs.missed();
    expect(missed?.from).toEqual({ uri: 'sip:carl.sip:home@contoso.com', name: 'carl.sip:home@contoso.com' });
  });

  it('shows nothing, and says why in the log, when the server cannot list the logs', async () => {
    const f = fake({});
    expect(await f.logs.missed()).toEqual([]);
    expect(f.records).toEqual([{ level: 'info', message: 'conversation logs are not available', fields: { reason: 'HTTP 500 InvalidExchangeServerVersion for conversationLogs' } }]);
  });

  it('reads a missed conversation\'s transcript, oldest first, named by the contact where the server names one', async () => {
    const transcript = {
      _links: { self: { href: `${LOGS}/old/transcripts` } },
      _embedded: {
        messageTranscript: [
          { timeStamp: '/Date(1700000000000)/', _links: { plainMessage: { href: plain('hello') }, contact: { href: `${APP}/people/ana`, title: 'Ana L.' } } },
          { timeStamp: '/Date(1700000001000)/', _links: { htmlMessage: { href: html('<b>bold</b> move') }, participant: { href: `${APP}/p/ana`, title: 'Ana (participant)' } } },
          { timeStamp: '/Date(1700000002000)/', _links: { plainMessage: { href: plain('no name') } } },
          { timeStamp: '/Date(1700000003000)/', _links: {} },
        ],
      },
    };
    const f = fake({ [`${LOGS}?limit=50`]: list(conversationLog('old')), [`${LOGS}/old/transcripts`]: transcript });
    const from = { uri: 'sip:ana@contoso.com', name: 'Ana' };
    expect(await f.logs.transcript('old', from)).toEqual([]);
    expect(f.gets).toEqual([]);
    await f.logs.missed();
    expect(await f.logs.transcript('old', from)).toEqual([
      { text: 'hello', from: { uri: 'sip:ana@contoso.com', name: 'Ana L.' }, time: new Date(1700000000000) },
      { text: 'bold move', html: '<b>bold</b> move', from: { uri: 'sip:ana@contoso.com', name: 'Ana (participant)' }, time: new Date(1700000001000) },
      { text: 'no name', from, time: new Date(1700000002000) },
    ]);
  });

  it('shows no transcript, and says why in the log, when it cannot be read or is not linked', async () => {
    const f = fake({ [`${LOGS}?limit=50`]: list(conversationLog('a'), conversationLog('b', { transcripts: false })) });
    await f.logs.missed();
    const from = { uri: 'sip:ana@contoso.com', name: 'Ana' };
    expect(await f.logs.transcript('a', from)).toEqual([]);
    expect(await f.logs.transcript('b', from)).toEqual([]);
    expect(f.gets).toEqual([`${LOGS}?limit=50`, `${LOGS}/a/transcripts`]);
    expect(f.records).toEqual([{ level: 'info', message: 'a conversation transcript could not be read', fields: { reason: 'HTTP 500 InvalidExchangeServerVersion for conversationLogTranscripts' } }]);
  });

  it('marks a missed conversation read once, keeping its transcript', async () => {
    const f = fake({ [`${LOGS}?limit=50`]: list(conversationLog('a'), conversationLog('read', { markAsRead: false })), [`${LOGS}/a/transcripts`]: { _embedded: { messageTranscript: [] } } });
    await f.logs.markRead('a');
    expect(f.posts).toEqual([]);
    await f.logs.missed();
    await f.logs.markRead('a');
    await f.logs.markRead('a');
    await f.logs.markRead('read');
    expect(f.posts).toEqual([`${LOGS}/a/markAsRead`]);
    await f.logs.transcript('a', { uri: 'sip:ana@contoso.com', name: 'Ana' });
    expect(f.gets).toContain(`${LOGS}/a/transcripts`);
  });

  it('logs a markAsRead the server refuses, without failing, and does not ask again', async () => {
    const f = fake({ [`${LOGS}?limit=50`]: list(conversationLog('a')) }, { failPosts: true });
    await f.logs.missed();
    await expect(f.logs.markRead('a')).resolves.toBeUndefined();
    await f.logs.markRead('a');
    expect(f.posts).toEqual([`${LOGS}/a/markAsRead`]);
    expect(f.records).toEqual([{ level: 'info', message: 'markAsRead failed', fields: { reason: 'HTTP 503' } }]);
  });
});
