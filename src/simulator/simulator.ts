// The UCWA simulator: a real HTTP(S) server speaking UCWA, written from the protocol reference.
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer, request as httpsRequest } from 'node:https';
import type { PartRequest, PartResponse } from './batch-route';
import type { PresenceChange } from './presence-subscriptions';
import type { AddressInfo, Socket } from 'node:net';
import { APPLICATIONS_PATH, SimApplication } from './application';
import { ApplicationRegistry } from './application-registry';
import { handleApplicationRoute } from './application-routes';
import type { AppRouteContext } from './application-routes';
import { TOKEN_PATH, TokenStore, handleTokenRequest, sendChallenge } from './auth';
import { ROOT_PATH, USER_PATH, sendRoot, sendUser } from './autodiscover';
import { ControlApi } from './control';
import { handleControlRoute } from './control-routes';
import { Directory } from './directory';
import type { SimUser } from './directory';
import { FaultInjector } from './faults';
import { newId } from './im-session';
import { MessagingService } from './messaging-service';
import { ConversationLogs } from './conversation-logs';
import { holdReply } from './operation-replies';
import { PeopleDirectory } from './people-directory';
import type { PresenceState } from './people-directory';
import type { PeopleContext } from './people-routes';
import { PresenceSubscriptions } from './presence-subscriptions';
import { SeededRandom } from './random';
import { RequestLog } from './request-log';
import type { ResolvedOptions, SimulatorOptions } from './simulator-options';
import { resolveOptions } from './simulator-options';
import { StrictShaper, shapesEvents } from './strict-shaper';
import { getString, parseJsonObject, readBody, sendError, sendJson } from './wire';
import { PASSIVE_PATH, PassiveSignIn } from './passive-auth';
import { GRANT_OF, grantList } from './sign-in-methods';
import { WindowsSignIn } from './windows-auth';

/** Marks the loopback requests that carry a batch's parts (with a per-simulator secret, so no client can pass as one). */
const BATCH_PART_HEADER = 'x-simulator-batch-part';

export class UcwaSimulator {
  readonly options: ResolvedOptions;
  readonly directory: Directory;
  readonly faults = new FaultInjector();
  readonly stats = { lostIncoming: 0, delivered: 0 };
  readonly control: ControlApi;
  readonly tokens: TokenStore;
  readonly messaging: MessagingService;
  /** Conversation logs and missed items (§8.2), when the server offers them (option `conversationLogs`). */
  readonly conversationLogs: ConversationLogs | undefined;
  readonly people: PeopleDirectory;
  readonly subscriptions: PresenceSubscriptions;
  readonly failingPhotos = new Set<string>();
  readonly requestLog: RequestLog;
  readonly windowsSignIn: WindowsSignIn;
  readonly passiveSignIn: PassiveSignIn;
  /** Every random choice of the strict profile comes from here; replay a run with its `seed`. */
  readonly random: SeededRandom;
  private presenceScript: NodeJS.Timeout | undefined;
  private readonly apps: ApplicationRegistry;
  private appsCreated = 0;
  private readonly batchPartSecret = randomBytes(16).toString('hex');
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private sweeper: NodeJS.Timeout | undefined;
  private boundPort: number;

  constructor(options: SimulatorOptions = {}) {
    this.options = resolveOptions(options);
    this.boundPort = this.options.port;
    this.directory = new Directory(this.options.directory);
    this.tokens = new TokenStore(this.options.tokenLifetimeSeconds, this.options.maxTokensPerUser);
    this.random = new SeededRandom(this.options.seed);
    this.requestLog = new RequestLog(this.options.requestLogLimit);
    this.apps = new ApplicationRegistry({ perUser: this.options.maxApplicationsPerUser, total: this.options.maxApplications });
    const logs = this.options.conversationLogs ? new ConversationLogs((uri) => this.appsOf(uri)) : undefined;
    this.conversationLogs = logs;
    this.messaging = new MessagingService({
      directory: this.directory,
      availableApps: (uri) => this.appsOf(uri).filter((a) => a.available),
      timings: this.options,
      stats: this.stats,
      deriveOnEscalation: this.options.latitudes.deriveOnEscalation,
      ...(logs === undefined ? {} : { missed: (to, from, text, threadId, subject) => logs.missed(to, from, text, threadId, subject) }),
    });
    this.people = new PeopleDirectory(this.options.directory, this.options.generatedContacts);
    this.subscriptions = new PresenceSubscriptions(this.options.subscriptionMinuteMs);
    this.control = new ControlApi(this);
    this.windowsSignIn = new WindowsSignIn(this.directory, this.tokens, this.options.directory.domain);
    this.passiveSignIn = new PassiveSignIn(this.directory, this.tokens, this.options.tls !== undefined);
  }

  /** The grant_type list of this server's challenge. */
  private get grants(): string {
    return grantList(this.options.signInMethods);
  }

  get seed(): number {
    return this.options.seed;
  }

  get profile(): ResolvedOptions['profile'] {
    return this.options.profile;
  }

  get applicationCount(): number {
    return this.apps.size;
  }

  /** A user's presence comes from their available applications; others' from the directory. */
  presenceOf(uri: string): PresenceState {
    if (this.directory.findUser(uri) === undefined) return this.people.presenceOf(uri);
    const stored = this.people.presenceOf(uri);
    const app = this.appsOf(uri).find((a) => a.available);
    // Only an application that made itself available publishes presence (§4).
    return app === undefined ? { ...stored, availability: 'Offline' } : { ...stored, availability: app.availability, note: app.note, lastActive: app.lastRequestAt };
  }

  /** Tells every subscriber that someone's presence or note changed (control API, scripts, applications). */
  presenceChanged(uri: string, what: PresenceChange = 'presence'): void {
    this.subscriptions.changed(uri, what);
  }

  /** Where the server listens. */
  get url(): string {
    return `${this.options.tls === undefined ? 'http' : 'https'}://${this.options.host}:${this.boundPort}`;
  }

  /** The origin absolute links carry. */
  get publicUrl(): string {
    return this.options.publicUrl ?? this.url;
  }

  async start(): Promise<{ url: string }> {
    const handler = (req: IncomingMessage, res: ServerResponse): void => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) sendError(res, 500, undefined, 'Simulator failure.');
        else res.destroy();
      });
    };
    const server = this.options.tls === undefined ? createHttpServer(handler) : createHttpsServer({ key: this.options.tls.key, cert: this.options.tls.cert }, handler);
    // Long polls must outlive Node's default request timeouts.
    server.requestTimeout = 0;
    server.headersTimeout = 60_000;
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, this.options.host, () => resolve());
    });
    this.boundPort = (server.address() as AddressInfo).port;
    this.server = server;
    this.sweeper = setInterval(() => this.reclaimIdleApplications(), Math.min(5_000, this.options.applicationIdleMs));
    this.sweeper.unref();
    if (this.options.presenceScriptMs > 0) {
      const cycle = ['Online', 'Busy', 'Away', 'BeRightBack', 'DoNotDisturb'];
      let step = 0;
      this.presenceScript = setInterval(() => {
        const party = this.options.directory.scripted.find((p) => p.behavior !== 'echo');
        if (party === undefined) return;
        this.people.presenceOf(party.uri).availability = cycle[++step % cycle.length] ?? 'Online';
        this.presenceChanged(party.uri);
      }, this.options.presenceScriptMs);
      this.presenceScript.unref();
    }
    return { url: this.url };
  }

  /** Stops listening and forgets every application (a server restart keeps users, loses state). */
  async stop(): Promise<void> {
    if (this.sweeper !== undefined) clearInterval(this.sweeper);
    if (this.presenceScript !== undefined) clearInterval(this.presenceScript);
    for (const app of this.apps.all()) this.removeApplication(app, false);
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  appsOf(uri: string): SimApplication[] {
    return this.apps.ofUser(uri);
  }

  removeApplication(app: SimApplication, notify: boolean): void {
    this.messaging.dropApplication(app, notify);
    this.subscriptions.dropApplication(app);
    app.channel.close();
    this.apps.delete(app.id);
    if (app.available) this.presenceChanged(app.user.uri);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const path = url.pathname;
    const entry = { method: req.method ?? 'GET', path: `${path}${url.search}`, status: 0, at: Date.now() };
    res.on('finish', () => (entry.status = res.statusCode));
    if (path.startsWith('/_sim/')) return handleControlRoute(this.control, req, res, path, this.options.tls === undefined ? 'http' : 'https');
    // A batch's parts run inside the server: the client made one request, and faults hit that one.
    const batchPart = req.headers[BATCH_PART_HEADER] === this.batchPartSecret;
    if (!batchPart) {
      this.requestLog.push(entry);
      if (await this.faults.apply(req, res, path)) return;
    }
    const lower = path.toLowerCase();
    if (req.method === 'GET' && (lower === '/' || lower === ROOT_PATH)) return sendRoot(res, url, this.publicUrl, this.options.redirectHops, this.options.directory.domain);
    if (lower === USER_PATH.toLowerCase()) return sendUser(res, this.publicUrl, this.tokens.authenticate(req) !== undefined, this.grants);
    if (lower === TOKEN_PATH.toLowerCase() && req.method === 'POST') {
      const body = await readBody(req);
      const grant = new URLSearchParams(body).get('grant_type');
      const methods = this.options.signInMethods;
      if (grant === GRANT_OF.windows && methods.includes('windows')) return this.windowsSignIn.handle(req, res);
      if (grant === GRANT_OF.passive && methods.includes('passive')) return this.passiveSignIn.token(req, res, this.publicUrl);
      return handleTokenRequest(body, req.headers['content-type'], this.directory, this.tokens, res, methods.includes('password'));
    }
    if (lower === PASSIVE_PATH.toLowerCase() && this.options.signInMethods.includes('passive')) return this.passiveSignIn.page(req, res, req.method === 'POST' ? await readBody(req) : '');
    if (lower.startsWith(APPLICATIONS_PATH)) return this.applications(req, res, url);
    sendError(res, 404, 'ResourceNotFound', 'No such resource.');
  }

  private async applications(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const user = this.tokens.authenticate(req);
    if (user === undefined) return sendChallenge(res, this.publicUrl, this.grants);
    const rest = url.pathname.slice(APPLICATIONS_PATH.length).split('/').filter((s) => s !== '');
    if (rest.length === 0) {
      if (req.method !== 'POST') return sendError(res, 405);
      return this.createApplication(user, await readBody(req), res);
    }
    const [id, ...sub] = rest;
    const app = id === undefined ? undefined : this.apps.get(id);
    if (app === undefined || app.user !== user) return sendError(res, 404, 'ApplicationNotFound', 'The application does not exist.');
    app.lastRequestAt = Date.now();
    if (sub.length === 0 && req.method === 'DELETE') {
      this.removeApplication(app, true);
      res.writeHead(204).end();
      return;
    }
    const people: PeopleContext = { people: this.people, subscriptions: this.subscriptions, presenceOf: (uri) => this.presenceOf(uri), failingPhotos: this.failingPhotos };
    const ctx: AppRouteContext = {
      messaging: this.messaging,
      runPart: (part, outer) => this.runPart(part, outer),
      people,
      presenceChanged: (changed, what) => this.presenceChanged(changed.user.uri, what),
      resumeAfterMs: this.options.resumeAfterMs,
      onResume: (resumed) => this.resume(resumed),
      transientOperations: this.options.latitudes.transientOperations,
      conversationLogs: this.conversationLogs,
      beforeReply: (target, result) => holdReply(target, result, this.options.latitudes.eventsBeforeResponse),
    };
    await handleApplicationRoute(app, sub, req, res, url, ctx);
  }

  /** A batch part goes through the whole server again, over loopback, with the batch's token. */
  private runPart(part: PartRequest, outer: IncomingMessage): Promise<PartResponse> {
    const url = new URL(part.path, this.url);
    const headers: Record<string, string> = { ...part.headers, host: url.host, [BATCH_PART_HEADER]: this.batchPartSecret };
    if (outer.headers.authorization !== undefined) headers.authorization = outer.headers.authorization;
    return new Promise((resolve) => {
      const send = this.options.tls === undefined ? httpRequest : httpsRequest;
      const request = send(url, { method: part.method, headers, ...(this.options.tls === undefined ? {} : { ca: this.options.tls.cert }) }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const type = response.headers['content-type'];
          resolve({ status: response.statusCode ?? 500, headers: type === undefined ? {} : { 'Content-Type': type }, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      request.on('error', (error) => resolve({ status: 500, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: 'ServiceFailure', message: error.message }) }));
      request.end(part.body === '' ? undefined : part.body);
    });
  }

  private createApplication(user: SimUser, bodyText: string, res: ServerResponse): void {
    const body = parseJsonObject(bodyText);
    if (body === undefined) return sendError(res, 400, 'DeserializationFailure', 'The body is not JSON.');
    const userAgent = getString(body, 'UserAgent');
    const endpointId = getString(body, 'EndpointId');
    const culture = getString(body, 'Culture');
    const invalid = [userAgent, endpointId, culture].some((v) => v === undefined || v === '' || v.length > 100);
    if (invalid || userAgent === undefined || endpointId === undefined || culture === undefined) {
      return sendError(res, 400, 'ParameterValidationFailure', 'UserAgent, EndpointId and Culture are required (at most 100 characters).');
    }
    // The same endpoint creating again replaces its old application.
    const replaced = this.appsOf(user.uri).filter((old) => old.endpointId === endpointId);
    const room = this.apps.roomFor(user, replaced);
    if (!room.ok) return sendError(res, room.status, room.subcode, room.message);
    for (const old of [...replaced, ...room.evict]) this.removeApplication(old, false);
    // Each application draws from its own fork, so one user's traffic does not change another's choices.
    const random = this.random.fork(`application:${++this.appsCreated}`);
    const latitudes = this.options.latitudes;
    const timings = { defaultTimeoutMs: this.options.eventTimeoutMs, maxHoldMs: this.options.maxHoldMs, mediumMs: this.options.mediumPriorityMs, lowMs: this.options.lowPriorityMs };
    const shaper = shapesEvents(latitudes) ? new StrictShaper(latitudes, random.fork('channel')) : undefined;
    const app = new SimApplication(newId(6), user, endpointId, userAgent, culture, timings, random.fork('replies'), shaper);
    app.offersConversationLogs = this.conversationLogs !== undefined;
    this.apps.add(app);
    sendJson(res, 201, app.render(), { Location: app.base });
  }

  /** After a long silence the server keeps the application but drops transient state (§5.6). */
  private resume(app: SimApplication): void {
    this.messaging.dropApplication(app, false);
    this.subscriptions.dropApplication(app);
    app.available = false;
    this.presenceChanged(app.user.uri);
  }

  private reclaimIdleApplications(): void {
    const now = Date.now();
    this.tokens.prune();
    for (const app of this.apps.all()) {
      if (!app.channel.hasWaiter && now - app.lastRequestAt > this.options.applicationIdleMs) this.removeApplication(app, false);
    }
  }
}

export function createSimulator(options: SimulatorOptions = {}): UcwaSimulator {
  return new UcwaSimulator(options);
}
