// The web dev host: serves the built renderer to an ordinary browser and carries the IPC contract
// over a WebSocket to a real session service, with the built-in simulator for the demo. For
// development and browser tests only; the packaged app never contains it.
//
// Only this machine may use it: it listens on loopback, the printed URL's random token is traded
// for a cookie that pages, files and the socket need (host-access.ts), and the socket's Origin and
// Host must be the host's own (so no other web page, and no DNS rebinding, can drive a signed-in
// session). A malformed frame closes that one socket (ws's own checks, `maxPayload`); the host,
// and every other page, carries on.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { runConnectionDoctor } from '../main/doctor/connection-doctor';
import { systemNetwork } from '../main/doctor/doctor-network';
import { HistoryStore } from '../main/history/history-store';
import { invokeOne } from '../main/ipc/register-invoke-handlers';
import type { SenderPolicy } from '../main/ipc/sender-policy';
import { InMemorySettings } from '../main/session/in-memory-settings';
import type { WindowPort } from '../main/session/ports';
import { SessionService } from '../main/session/session-service';
import { CaFileSettings, caFileHandlers } from '../main/network/ca-file-settings';
import { ProxyCredentialStore } from '../main/network/proxy-credentials';
import { ProxySignIn } from '../main/network/proxy-sign-in';
import { SecretRedactor, UcwaClient, buildTlsTrust, createLogger, createNetworkRoute } from '../main/ucwa/index';
import type { LogSink, NetworkRoute } from '../main/ucwa/index';
import type { InvokeHandlers } from '../shared/ipc-contract';
import { IpcFailure } from '../shared/ipc-failure';
import type { HostToPage, PageName } from '../shared/web-bridge-protocol';
import { WEB_BRIDGE_QUERY } from '../shared/web-bridge-protocol';
import { DEMO_PASSWORD, createSimulator } from '../simulator/index';
import type { SimulatorOptions, UcwaSimulator } from '../simulator/index';
import { HostAccess } from './host-access';
import { parsePageMessage } from './page-message';
import { PageConnections } from './page-connections';
import { serveStatic } from './static-files';
import { errorDetail } from '../shared/error-detail';

export interface WebHostOptions {
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly simulator?: SimulatorOptions;
  readonly demoUser?: string;
  readonly logSink?: LogSink;
  /** The 'OS' languages the language setting 'system' follows (BCP 47, most preferred first); none: English. */
  readonly languages?: readonly string[];
  /**
   * A proxy every request goes through (http://host:port), as the OS or a PAC file would name it:
   * the proxy's user name and password are asked for on the sign-in page, as in the app.
   */
  readonly proxy?: string;
  /** Plays the OS's open-file dialog of "Add…" under Company certificates (a path, or undefined: cancelled). */
  readonly pickCaFile?: () => Promise<string | undefined>;
}

export interface WebHost {
  readonly origin: string;
  /** The secret in the printed URL; the first page load trades it for the cookie. */
  readonly token: string;
  /** The Cookie header a client that is not a browser (a test) sends to be let in. */
  readonly cookie: string;
  readonly simulator: UcwaSimulator;
  readonly session: SessionService;
  /** Where this host keeps the local history (a temporary folder, removed on close). */
  readonly historyDir: string;
  /** The address of a page to open first, with the socket and the token in its query. */
  pageUrl(page: PageName, query?: Readonly<Record<string, string>>): string;
  close(): Promise<void>;
}

const SOCKET_PATH = '/bridge';
const MAX_MESSAGE_BYTES = 1 << 20;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const logSink: LogSink = options.logSink ?? (() => undefined);
  const log = createLogger('dev-host', logSink, new SecretRedactor());
  const simulator = createSimulator({ botDelayMs: 300, presenceScriptMs: 0, ...options.simulator });
  const { url: simulatorUrl } = await simulator.start();
  const historyDir = await mkdtemp(join(tmpdir(), 'ucwa-tray-dev-history-'));
  const pages = new PageConnections();
  const windows: WindowPort = {
    openChat: (id) => pages.openChat(id),
    openSettings: () => pages.openSettings(),
    hide: (id) => pages.hide(id),
    isChatFocused: (id) => pages.isChatFocused(id),
  };
  let endpoint = 0;
  // Proxy credentials as the app keeps them, minus the disk: a browser tab is no place for them.
  const vault = { canRemember: () => false, save: () => false, load: () => undefined, clear: () => undefined };
  const proxyCredentials = new ProxyCredentialStore(vault);
  const proxy = options.proxy;
  const route: NetworkRoute | undefined =
    proxy === undefined ? undefined : createNetworkRoute(buildTlsTrust({ systemStore: false }), { kind: 'per-origin', resolve: async () => ({ url: proxy }), credentials: (p) => proxyCredentials.get(p) });
  const proxySignIn = new ProxySignIn({ proxyFor: async (origin) => route?.proxyFor(origin), credentials: proxyCredentials });
  const session = new SessionService({
    createClient: (credentials) => new UcwaClient({ ...credentials, ...(route === undefined ? {} : { dispatcher: route.source }), endpointId: `dev-host-${++endpoint}`, userAgent: 'UcwaTray-DevHost/0.1', logSink }),
    settings: new InMemorySettings(),
    // A browser tab is no place for a stored password: the UI says it will not be remembered.
    vault,
    windows,
    notify: { incomingMessage: () => undefined },
    demo: { start: async () => ({ server: simulatorUrl, user: options.demoUser ?? 'ana@contoso.com', password: DEMO_PASSWORD }) },
    push: (name, payload) => pages.push(name, payload),
    openHistory: (account) => new HistoryStore(historyDir, account),
    preferredLanguages: () => options.languages ?? [],
  });
  // The CA files list as the settings page edits it; this host's simulator is plain http, so they
  // are kept and checked here but trusted by nothing.
  const settingsValues = new Map<string, unknown>();
  const caFiles = new CaFileSettings({
    store: { get: (k) => settingsValues.get(k), set: (k, v) => void settingsValues.set(k, v) },
    logger: log,
    changed: () => undefined,
    pick: async () => {
      if (options.pickCaFile === undefined) throw new IpcFailure('unavailable', 'The web dev host has no file dialog.');
      return options.pickCaFile();
    },
  });
  const sessionHandlers = session.handlers();
  const handlers: InvokeHandlers = {
    ...caFileHandlers(caFiles),
    ...sessionHandlers,
    signIn: (input, context) => proxySignIn.run(() => sessionHandlers.signIn(input, context)),
    setProxyCredentials: async (input) => proxySignIn.save(input),
    ready: async (_input, context) => {
      pages.ready(context.windowId);
      return null;
    },
    // The real doctor, on this machine's network (the simulator is plain http on loopback).
    runDoctor: async (input) =>
      runConnectionDoctor(
        { ...input, trustedDomains: session.snapshot().settings.trustedDomains },
        { logSink, userAgent: 'UcwaTray-DevHost-Doctor/0.1', ...(proxy === undefined ? {} : { network: { ...systemNetwork, proxyFor: async () => ({ url: proxy, credentials: proxyCredentials.get(proxy) }) }, proxyFor: async () => proxy }) },
      ),
    openLogFolder: async () => {
      throw new IpcFailure('unavailable', errorDetail('devHostNoLogFolder', {}));
    },
    copyDiagnostics: async () => {
      throw new IpcFailure('unavailable', errorDetail('devHostNoClipboard', {}));
    },
    // No system clipboard here either; the copy is accepted so the page's feedback can be seen and tested.
    copyText: async () => null,
  };

  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const access = new HostAccess(port);

  server.on('request', (request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://host').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const verdict = access.page(request);
    if (verdict.kind === 'refused') {
      log.warn('refused a page request', { reason: verdict.reason, path: pathname });
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Open the address the web dev host printed (npm run dev:web).\n');
    } else if (verdict.kind === 'trade-token') {
      response.writeHead(303, { location: verdict.location, 'set-cookie': verdict.setCookie, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }).end();
    } else {
      serveStatic(options.rendererDir, pathname, response).catch(() => response.writeHead(400).end());
    }
  });

  server.on('upgrade', (request, socket, head) => {
    // A reset while upgrading is the client's problem, not the host's.
    socket.on('error', (error) => log.warn('a socket failed while connecting', { reason: error.message }));
    const verdict = access.socket(request, SOCKET_PATH);
    if (verdict.kind !== 'allowed') {
      log.warn('refused a socket', { reason: verdict.reason, origin: request.headers.origin ?? '' });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serve(ws));
  });

  function serve(ws: WebSocket): void {
    // Bad UTF-8, a reserved opcode, a frame over maxPayload: ws closes this socket (1007, 1002,
    // 1009) and reports it here; without a listener the error would take the whole host down.
    ws.on('error', (error) => log.warn('closed a socket that sent a malformed frame', { reason: error.message }));
    const send = (message: HostToPage): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const id = pages.add({ send, isOpen: () => ws.readyState === ws.OPEN });
    // A tab's page is what its hello said: the dev host checks the same per-page methods as main,
    // so a browser test catches a page calling what its Electron window could not.
    const policy: SenderPolicy = {
      senderOf: () => {
        const page = pages.pageOf(id);
        return page === undefined ? undefined : { windowId: id, page };
      },
    };
    ws.on('message', (data, isBinary) => {
      const message = isBinary ? undefined : parsePageMessage(data.toString());
      if (message === undefined) {
        ws.close(1008, 'not a message of ours');
        return;
      }
      if (message.t === 'hello') {
        if (!pages.hello(id, message.page, message.conversation)) ws.close(1008, 'one hello per socket');
      }
      else if (message.t === 'focus') pages.focus(id, message.focused);
      else {
        void pages.requester
          .run(id, () => invokeOne(message.method, handlers, policy, log, { sender: { id }, senderFrame: null }, [message.input]))
          .then((result) => send({ t: 'result', id: message.id, result }));
      }
    });
    ws.on('close', () => pages.remove(id));
  }

  return {
    origin,
    token: access.token,
    cookie: access.cookieHeader(),
    simulator,
    session,
    historyDir,
    pageUrl: (page, query = {}) => `${origin}/${page}.html?${new URLSearchParams({ ...query, [WEB_BRIDGE_QUERY.socket]: SOCKET_PATH, [WEB_BRIDGE_QUERY.token]: access.token }).toString()}`,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      await session.signOut().catch(() => undefined);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await simulator.stop();
      await route?.close();
      await rm(historyDir, { recursive: true, force: true });
    },
  };
}
