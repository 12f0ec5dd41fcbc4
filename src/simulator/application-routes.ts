// Routes under one application (protocol §3–§6): me, events, communication, invitations,
// conversations and messaging.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimApplication } from './application';
import { handleBatch } from './batch-route';
import type { PresenceChange } from './presence-subscriptions';
import type { PartRequest, PartResponse } from './batch-route';
import type { ConversationView } from './conversation-view';
import { hrefs, renderConversation, renderInvitation, renderMessaging, renderParticipant } from './conversation-view';
import { dataUri } from './messaging-events';
import type { MessagingService, OpResult, StartOptions } from './messaging-service';
import { renderParticipantInvitation } from './participant-invitations';
import { handlePeopleRoute } from './people-routes';
import type { ConversationLogs } from './conversation-logs';
import { handleConversationLogRoute } from './conversation-logs';
import type { PeopleContext } from './people-routes';
import { generatePhoto } from './photos';
import { decodeDataUri, getProperty, getString, normalizeSip, parseJsonObject, readBody, sendEmpty, sendError, sendJson, ucwaDate } from './wire';

export interface AppRouteContext {
  readonly messaging: MessagingService;
  /** Runs one request of a batch as if it had come on its own, with the batch's credentials. */
  runPart(part: PartRequest, outer: IncomingMessage): Promise<PartResponse>;
  readonly people: PeopleContext;
  /** My presence, note or availability changed: subscribers hear of it. */
  presenceChanged(app: SimApplication, what?: PresenceChange): void;
  /** Called by makeMeAvailable and when the channel resumes, so the host can announce presence. */
  readonly resumeAfterMs: number;
  onResume(app: SimApplication): void;
  /** A completed operation answers 404 (the strict latitude; the default keeps serving it). */
  readonly transientOperations: boolean;
  /** Runs before an operation's 201 is sent: may hold it until the client fetched the operation's events (§10.10). */
  beforeReply(app: SimApplication, result: OpResult): Promise<void>;
  /** Conversation logs and missed items (§8.2), when the server offers them. */
  readonly conversationLogs: ConversationLogs | undefined;
}

export async function handleApplicationRoute(app: SimApplication, rest: string[], req: IncomingMessage, res: ServerResponse, url: URL, ctx: AppRouteContext): Promise<void> {
  const method = req.method ?? 'GET';
  const [first, second, third, fourth, fifth] = rest;
  if (first === undefined) {
    if (method === 'GET') return sendJson(res, 200, app.render());
    return sendError(res, 405);
  }
  if (first === 'events' && method === 'GET') {
    const ack = Number(url.searchParams.get('ack') ?? 'NaN');
    if (!Number.isInteger(ack) || ack < 1) return sendError(res, 400, 'ParameterValidationFailure', 'ack is required.');
    const silent = !app.channel.hasWaiter && Date.now() - app.channel.lastPollEndedAt > ctx.resumeAfterMs;
    if (silent) ctx.onResume(app);
    app.channel.poll(ack, url.searchParams, res, silent ? 'resume' : 'next');
    return;
  }
  if (first === 'batch' && second === undefined) return method === 'POST' ? handleBatch(req, res, (part) => ctx.runPart(part, req)) : sendError(res, 405);
  if (first === 'me') return handleMe(app, second, method, req, res, ctx);
  if (first === 'people') return handlePeopleRoute(app, rest.slice(1), req, res, url, ctx.people);
  if (first === 'communication') {
    if (second === undefined) return method === 'GET' ? sendJson(res, 200, app.renderCommunication()) : sendError(res, 405);
    if (second === 'messagingInvitations') return handleInvitations(app, third, fourth, method, req, res, ctx);
    // Group invitations (§6.5): read, accept, decline. Starting a meeting here is not simulated.
    if (second === 'onlineMeetingInvitations' && third !== undefined) return handleInvitations(app, third, fourth, method, req, res, ctx);
    if (second === 'conversationLogs' || second === 'missedItems') return ctx.conversationLogs === undefined ? sendError(res, 404, 'ResourceNotFound') : handleConversationLogRoute(app, rest.slice(1), method, url, res, ctx.conversationLogs);
    if (second === 'participantInvitations' && third === undefined && method === 'POST') {
      const conv = app.conversations.get(url.searchParams.get('conversation') ?? '');
      if (conv === undefined) return sendError(res, 404, 'ResourceNotFound', 'The conversation does not exist.');
      const body = parseJsonObject(await readBody(req));
      const to = body === undefined ? undefined : getString(body, 'to');
      if (body === undefined || to === undefined || to.trim() === '') return sendError(res, 400, 'ParameterValidationFailure', '"to" is required.');
      return reply(res, await held(app, ctx, ctx.messaging.addParticipant(conv, normalizeSip(to), getString(body, 'operationId'))), 201);
    }
    if (second === 'participantInvitations' && third !== undefined && fourth === undefined && method === 'GET') {
      for (const conv of app.conversations.values()) {
        const inv = conv.participantInvitations.get(third);
        if (inv !== undefined && (inv.state === 'Connecting' || !ctx.transientOperations)) return sendJson(res, 200, renderParticipantInvitation(conv, inv));
      }
      return sendError(res, 404, 'ResourceNotFound', 'The operation does not exist.');
    }
    if (second === 'conversations' && third !== undefined) {
      const conv = app.conversations.get(third);
      if (conv === undefined) return sendError(res, 404, 'ResourceNotFound', 'The conversation does not exist.');
      return handleConversation(conv, [fourth, fifth, ...rest.slice(5)], method, req, res, url, ctx);
    }
    if (second === 'conversations') return sendJson(res, 200, { _links: { self: { href: `${app.communicationHref}/conversations` } }, _embedded: { conversation: [...app.conversations.values()].map(renderConversation) }, rel: 'conversations' });
  }
  sendError(res, 404, 'ResourceNotFound');
}

async function handleMe(app: SimApplication, part: string | undefined, method: string, req: IncomingMessage, res: ServerResponse, ctx: AppRouteContext): Promise<void> {
  if (part === undefined) return method === 'GET' ? sendJson(res, 200, app.renderMe()) : sendError(res, 405);
  if (part === 'makeMeAvailable' && method === 'POST') {
    const body = parseJsonObject((await readBody(req)) || '{}');
    if (body === undefined) return sendError(res, 400, 'DeserializationFailure');
    if (app.available) return sendError(res, 409, 'AlreadyExists', 'makeMeAvailable was already called.');
    const modalities = getProperty(body, 'SupportedModalities');
    if (Array.isArray(modalities) && modalities.some((m) => m !== 'Messaging' && m !== 'PhoneAudio')) return sendError(res, 403, undefined, 'Only Messaging and PhoneAudio are allowed.');
    const formats = getProperty(body, 'SupportedMessageFormats');
    app.formats = Array.isArray(formats) && formats.includes('Html') ? ['Plain', 'Html'] : ['Plain'];
    app.availability = getString(body, 'signInAs') ?? 'Online';
    app.available = true;
    app.emit('me', { link: { rel: 'me', href: `${app.base}/me` }, type: 'updated', _embedded: { me: app.renderMe() } }, { priority: 'medium' });
    app.emit('me', { link: { rel: 'presence', href: `${app.base}/me/presence` }, type: 'added' }, { priority: 'medium' });
    app.emit('communication', { link: { rel: 'communication', href: app.communicationHref }, type: 'updated', _embedded: { communication: app.renderCommunication() } }, { priority: 'medium' });
    ctx.presenceChanged(app);
    return sendEmpty(res, 204);
  }
  if (part === 'photo' && method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-cache' });
    res.end(generatePhoto(app.user.uri));
    return;
  }
  if (!app.available && ['reportMyActivity', 'presence', 'note', 'location'].includes(part)) return sendError(res, 409, 'MakeMeAvailableRequired', 'Call makeMeAvailable first.');
  if (part === 'reportMyActivity' && method === 'POST') return sendEmpty(res, 204);
  if (part === 'presence') {
    if (method === 'GET') return sendJson(res, 200, { availability: app.availability, _links: { self: { href: `${app.base}/me/presence` } }, rel: 'presence' });
    if (method === 'POST') {
      const body = parseJsonObject((await readBody(req)) || '{}');
      const availability = body === undefined ? undefined : getString(body, 'availability');
      const allowed = ['Online', 'Busy', 'DoNotDisturb', 'BeRightBack', 'Away', 'Offwork'];
      if (availability !== undefined && !allowed.includes(availability)) return sendError(res, 400, 'ParameterValidationFailure', 'Unknown availability.');
      app.availability = availability ?? 'Online';
      app.emit('me', { link: { rel: 'presence', href: `${app.base}/me/presence` }, type: 'updated' }, { priority: 'medium' });
      ctx.presenceChanged(app);
      return sendEmpty(res, 204);
    }
  }
  if (part === 'note') {
    if (method === 'GET') return sendJson(res, 200, { message: app.note, type: 'Personal', _links: { self: { href: `${app.base}/me/note` } }, rel: 'note' });
    if (method === 'POST') {
      const body = parseJsonObject((await readBody(req)) || '{}');
      app.note = (body === undefined ? undefined : getString(body, 'message')) ?? '';
      app.emit('me', { link: { rel: 'note', href: `${app.base}/me/note` }, type: 'updated' }, { priority: 'medium' });
      ctx.presenceChanged(app, 'note');
      return sendEmpty(res, 204);
    }
  }
  sendError(res, 404, 'ResourceNotFound');
}

async function handleInvitations(app: SimApplication, id: string | undefined, action: string | undefined, method: string, req: IncomingMessage, res: ServerResponse, ctx: AppRouteContext): Promise<void> {
  if (id === undefined && method === 'POST') {
    const body = parseJsonObject(await readBody(req));
    if (body === undefined) return sendError(res, 400, 'DeserializationFailure', 'The body is not JSON.');
    const options = startOptions(body);
    if (options === undefined) return sendError(res, 400, 'ParameterValidationFailure', '"to" is required.');
    return reply(res, await held(app, ctx, ctx.messaging.startMessaging(app, options)), 201);
  }
  if (id === undefined) return sendError(res, 405);
  const conv = [...app.conversations.values()].find((c) => c.invitation?.id === id);
  if (action === undefined && method === 'GET') {
    // Operation resources are transient: once completed they may be gone (§6.1).
    const inv = conv?.invitation;
    if (conv === undefined || inv === undefined || (ctx.transientOperations && inv.state !== 'Connecting')) return sendError(res, 404, 'ResourceNotFound', 'The operation does not exist.');
    return sendJson(res, 200, renderInvitation(conv, inv, dataUri));
  }
  if (method !== 'POST') return sendError(res, 405);
  await readBody(req);
  if (action === 'accept') return reply(res, ctx.messaging.accept(app, id), 204);
  if (action === 'decline') return reply(res, ctx.messaging.decline(app, id), 204);
  if (action === 'cancel') return reply(res, ctx.messaging.cancel(app, id), 204);
  sendError(res, 404, 'ResourceNotFound');
}

async function handleConversation(conv: ConversationView, rest: (string | undefined)[], method: string, req: IncomingMessage, res: ServerResponse, url: URL, ctx: AppRouteContext): Promise<void> {
  const [part, sub, leaf] = rest;
  if (part === undefined) {
    if (method === 'GET') return sendJson(res, 200, renderConversation(conv));
    if (method === 'DELETE') {
      ctx.messaging.leave(conv, true);
      return sendEmpty(res, 204);
    }
    return sendError(res, 405);
  }
  if (part === 'participants') {
    const everyone = [{ uri: conv.app.user.uri, name: conv.app.user.name }, ...conv.remotes];
    if (sub === undefined) return sendJson(res, 200, { _links: { self: { href: hrefs.participants(conv) } }, _embedded: { participant: everyone.map((p) => renderParticipant(conv, p)) }, rel: 'participants' });
    const found = everyone.find((p) => p.uri.replace(/^sip:/i, '').toLowerCase() === decodeURIComponent(sub).toLowerCase());
    return found === undefined ? sendError(res, 404, 'ResourceNotFound') : sendJson(res, 200, renderParticipant(conv, found));
  }
  if (part !== 'messaging') return sendError(res, 404, 'ResourceNotFound');
  if (sub === undefined) return method === 'GET' ? sendJson(res, 200, renderMessaging(conv)) : sendError(res, 405);
  if (method === 'POST' && sub === 'messages' && leaf === undefined) {
    const mime = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (mime !== 'text/plain' && mime !== 'text/html') return sendError(res, 415, 'UnsupportedMediaType', 'Send text/plain or text/html.');
    const text = await readBody(req);
    const html = mime === 'text/html' && conv.negotiated.includes('Html');
    return reply(res, await held(conv.app, ctx, ctx.messaging.sendMessage(conv, text, html ? 'text/html' : 'text/plain', url.searchParams.get('operationId') ?? undefined)), 201);
  }
  if (method === 'GET' && sub === 'messages' && leaf !== undefined) {
    // A message is an operation: it can be read while in progress, never after (§6.1, §6.3).
    const n = Number(leaf);
    const pending = Number.isInteger(n) ? conv.messagesInProgress.get(n) : undefined;
    if (pending === undefined) return sendError(res, 404, 'ResourceNotFound', 'The operation does not exist.');
    return sendJson(res, 200, { direction: 'Outgoing', timeStamp: ucwaDate(pending.time), ...(pending.operationId === undefined ? {} : { operationId: pending.operationId }), _links: { self: { href: hrefs.message(conv, n) }, messaging: { href: hrefs.messaging(conv) } }, rel: 'message' });
  }
  if (method === 'POST' && sub === 'typing') {
    await readBody(req);
    return reply(res, ctx.messaging.setTyping(conv), 204);
  }
  if (method === 'POST' && sub === 'terminate') {
    await readBody(req);
    if (conv.messagingState === 'Disconnected') return sendError(res, 409, 'InvalidState', 'Messaging is not active.');
    ctx.messaging.leave(conv, false);
    return sendEmpty(res, 204);
  }
  if (method === 'POST' && sub === 'messagingInvitations') {
    const body = parseJsonObject((await readBody(req)) || '{}');
    if (body === undefined) return sendError(res, 400, 'DeserializationFailure');
    const first = firstMessage(body);
    return reply(res, await held(conv.app, ctx, ctx.messaging.addMessaging(conv, getString(body, 'operationId'), first)), 201);
  }
  if (method === 'GET' && sub === 'typingParticipants') {
    return sendJson(res, 200, { _links: { self: { href: `${hrefs.messaging(conv)}/typingParticipants` } }, _embedded: { participant: [...conv.typing.keys()].map((uri) => renderParticipant(conv, { uri, name: uri })) }, rel: 'typingParticipants' });
  }
  sendError(res, 404, 'ResourceNotFound');
}

async function held(app: SimApplication, ctx: AppRouteContext, result: OpResult): Promise<OpResult> {
  await ctx.beforeReply(app, result);
  return result;
}

function reply(res: ServerResponse, result: OpResult, successStatus: 201 | 204): void {
  if (!result.ok) return sendError(res, result.status, result.subcode, result.message);
  if (successStatus === 201 && result.location !== undefined) return sendEmpty(res, 201, { Location: result.location });
  sendEmpty(res, 204);
}

function startOptions(body: Record<string, unknown>): StartOptions | undefined {
  const to = getString(body, 'to');
  if (to === undefined || to.trim() === '') return undefined;
  return {
    to: normalizeSip(to),
    subject: getString(body, 'subject') ?? '',
    operationId: getString(body, 'operationId'),
    threadId: getString(body, 'threadId'),
    firstMessage: firstMessage(body),
  };
}

function firstMessage(body: Record<string, unknown>): StartOptions['firstMessage'] {
  const links = getProperty(body, '_links');
  if (typeof links !== 'object' || links === null) return undefined;
  const message = (links as Record<string, unknown>).message;
  if (typeof message !== 'object' || message === null) return undefined;
  const href = (message as Record<string, unknown>).href;
  if (typeof href !== 'string') return undefined;
  const decoded = decodeDataUri(href);
  return decoded === undefined ? undefined : { text: decoded.text, mime: decoded.mime };
}
