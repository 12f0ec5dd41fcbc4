// Routes under people (protocol §7): contacts, groups, contact presence/note/location/photo,
// presence subscriptions and directory search.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimApplication } from './application';
import type { ContactGroupConfig, PeopleDirectory, Person, PresenceState } from './people-directory';
import { generatePhoto } from './photos';
import type { PresenceSubscriptions } from './presence-subscriptions';
import { contactHref } from './presence-subscriptions';
import { getProperty, parseJsonObject, readBody, sendEmpty, sendError, sendJson, ucwaDate } from './wire';

export interface PeopleContext {
  readonly people: PeopleDirectory;
  readonly subscriptions: PresenceSubscriptions;
  presenceOf(uri: string): PresenceState;
  /** Addresses whose photo answers 500 (fault injection). */
  readonly failingPhotos: Set<string>;
}

export async function handlePeopleRoute(app: SimApplication, rest: string[], req: IncomingMessage, res: ServerResponse, url: URL, ctx: PeopleContext): Promise<void> {
  const method = req.method ?? 'GET';
  const [first, second, third] = rest;
  if (first === undefined) return sendJson(res, 200, app.renderPeople());
  if (first === 'contacts' && method === 'GET') {
    const groupId = url.searchParams.get('groupId');
    const group = groupId === null ? undefined : ctx.people.groupsOf(app.user.uri).find((g) => g.id === groupId);
    if (groupId !== null && group === undefined) return sendError(res, 404, 'ResourceNotFound', 'No such group.');
    const people = group === undefined ? ctx.people.contactsOf(app.user.uri) : group.members.flatMap((uri) => ctx.people.find(uri) ?? []);
    const expand = url.searchParams.get('expand') !== 'false';
    return sendJson(res, 200, {
      _links: { self: { href: `${app.base}/people/contacts${group === undefined ? '' : `?groupId=${group.id}`}` }, ...(expand ? {} : { contact: people.map((p) => ({ href: contactHref(app, p.uri) })) }) },
      ...(expand ? { _embedded: { contact: people.map((p) => renderContact(app, p)) } } : {}),
      rel: group === undefined ? 'myContacts' : 'groupContacts',
    });
  }
  if (first === 'groups' && method === 'GET') return sendJson(res, 200, renderGroups(app, ctx.people.groupsOf(app.user.uri)));
  if (first === 'search' && method === 'GET') {
    const query = url.searchParams.get('query') ?? '';
    const limit = Number(url.searchParams.get('limit') ?? '100');
    if (query.trim() === '' || query.length > 256) return sendError(res, 400, 'ParameterValidationFailure', 'query is required (at most 256 characters).');
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return sendError(res, 400, 'ParameterValidationFailure', 'limit must be 1 to 100.');
    const { results, more } = ctx.people.search(query, limit);
    return sendJson(res, 200, { moreResultsAvailable: more, _links: { self: { href: `${app.base}/people/search` } }, _embedded: { contact: results.map((p) => renderContact(app, p)) }, rel: 'search' });
  }
  if (first === 'subscribedContacts' && method === 'GET') {
    const people = ctx.subscriptions.subscribedUris(app).flatMap((uri) => ctx.people.find(uri) ?? []);
    return sendJson(res, 200, { _links: { self: { href: `${app.base}/people/subscribedContacts` } }, _embedded: { contact: people.map((p) => renderContact(app, p)) }, rel: 'subscribedContacts' });
  }
  if (first === 'presenceSubscriptions') return handleSubscriptions(app, second, third, method, req, res, url, ctx);
  const person = ctx.people.find(decodeURIComponent(first));
  if (person === undefined) return sendError(res, 404, 'ResourceNotFound', 'No such contact.');
  if (method !== 'GET') return sendError(res, 405);
  const presence = ctx.presenceOf(person.uri);
  const self = contactHref(app, person.uri);
  switch (second) {
    case undefined:
      return sendJson(res, 200, renderContact(app, person));
    case 'presence':
      return sendJson(res, 200, { availability: presence.availability, ...(presence.activity === undefined ? {} : { activity: presence.activity }), deviceType: 'PC', ...(presence.lastActive > 0 ? { lastActive: ucwaDate(presence.lastActive) } : {}), _links: { self: { href: `${self}/presence` } }, rel: 'contactPresence' });
    case 'note':
      return sendJson(res, 200, { message: presence.note, type: 'Personal', _links: { self: { href: `${self}/note` } }, rel: 'contactNote' });
    case 'location':
      return sendJson(res, 200, { location: presence.location, _links: { self: { href: `${self}/location` } }, rel: 'contactLocation' });
    case 'supportedModalities':
      return sendJson(res, 200, { modalities: ['Messaging'], _links: { self: { href: `${self}/supportedModalities` } }, rel: 'contactSupportedModalities' });
    case 'photo':
      if (ctx.failingPhotos.has(person.uri.toLowerCase())) return sendError(res, 500, undefined, 'Photo service failure.');
      if (!person.hasPhoto) return sendError(res, 404, 'ResourceNotFound', 'No photo.');
      res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-cache' });
      res.end(generatePhoto(person.uri, url.searchParams.get('size') === 'HR64X64' ? 64 : 48));
      return;
    default:
      return sendError(res, 404, 'ResourceNotFound');
  }
}

async function handleSubscriptions(app: SimApplication, id: string | undefined, sub: string | undefined, method: string, req: IncomingMessage, res: ServerResponse, url: URL, ctx: PeopleContext): Promise<void> {
  if (id === undefined) {
    if (method !== 'POST') return sendError(res, 405);
    const body = parseJsonObject(await readBody(req));
    const duration = body === undefined ? undefined : getProperty(body, 'duration');
    const uris = body === undefined ? undefined : getProperty(body, 'uris');
    if (typeof duration !== 'number' || duration < 10 || duration > 30) return sendError(res, 400, 'ParameterValidationFailure', 'duration (10–30 minutes) is required.');
    if (!Array.isArray(uris) || uris.length === 0 || !uris.every((u) => typeof u === 'string')) return sendError(res, 400, 'ParameterValidationFailure', 'uris is required.');
    const created = ctx.subscriptions.create(app, uris as string[], duration);
    return sendJson(res, 201, ctx.subscriptions.render(created), { Location: ctx.subscriptions.href(created) });
  }
  const found = ctx.subscriptions.get(app, id);
  // The documented body of an expired subscription says ApplicationNotFound (§7.3, §10.19).
  if (found === undefined) return sendError(res, 404, 'ApplicationNotFound', 'The subscription does not exist.');
  if (sub === undefined && method === 'GET') return sendJson(res, 200, ctx.subscriptions.render(found));
  if (sub === undefined && method === 'DELETE') {
    ctx.subscriptions.delete(found, true);
    return sendEmpty(res, 204);
  }
  if (sub === undefined && method === 'POST') {
    const minutes = Number(url.searchParams.get('duration') ?? 'NaN');
    if (!Number.isFinite(minutes) || minutes < 1 || minutes > 30) return sendError(res, 400, 'ParameterValidationFailure', 'duration is required.');
    ctx.subscriptions.extend(found, minutes);
    return sendJson(res, 200, ctx.subscriptions.render(found));
  }
  if (sub === 'memberships' && method === 'POST') {
    const body = parseJsonObject(await readBody(req));
    const uris = body === undefined ? undefined : getProperty(body, 'contactUris');
    if (!Array.isArray(uris) || !uris.every((u) => typeof u === 'string')) return sendError(res, 400, 'ParameterValidationFailure', 'contactUris is required.');
    ctx.subscriptions.add(found, uris as string[]);
    return sendEmpty(res, 204);
  }
  sendError(res, 404, 'ResourceNotFound');
}

export function renderContact(app: SimApplication, p: Person): Record<string, unknown> {
  const self = contactHref(app, p.uri);
  return {
    uri: p.uri,
    name: p.name,
    title: p.title,
    department: p.department,
    emailAddresses: [p.email],
    workPhoneNumber: p.workPhone,
    ...(p.office === undefined ? {} : { office: p.office }),
    type: p.type,
    sourceNetwork: 'SameEnterprise',
    _links: {
      self: { href: self },
      contactPresence: { href: `${self}/presence` },
      contactNote: { href: `${self}/note` },
      contactLocation: { href: `${self}/location` },
      contactPhoto: { href: `${self}/photo` },
      contactSupportedModalities: { href: `${self}/supportedModalities` },
    },
    rel: 'contact',
  };
}

function renderGroups(app: SimApplication, groups: readonly ContactGroupConfig[]): Record<string, unknown> {
  const render = (g: ContactGroupConfig): Record<string, unknown> => ({
    id: g.id,
    name: g.name,
    _links: {
      self: { href: `${app.base}/people/groups/${g.id}` },
      groupContacts: { href: `${app.base}/people/contacts?groupId=${g.id}` },
      subscribeToGroupPresence: { href: `${app.base}/people/presenceSubscriptions?groupId=${g.id}` },
    },
    rel: g.kind === 'distributionGroup' ? 'distributionGroup' : g.kind === 'group' ? 'group' : g.kind,
  });
  const single = (kind: string) => groups.find((g) => g.kind === kind);
  const pinned = single('pinnedGroup');
  const fallback = single('defaultGroup');
  return {
    _links: { self: { href: `${app.base}/people/groups` } },
    _embedded: {
      ...(pinned === undefined ? {} : { pinnedGroup: render(pinned) }),
      ...(fallback === undefined ? {} : { defaultGroup: render(fallback) }),
      group: groups.filter((g) => g.kind === 'group').map(render),
      distributionGroup: groups.filter((g) => g.kind === 'distributionGroup').map(render),
    },
    rel: 'myGroups',
  };
}
