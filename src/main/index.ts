// Composition root: builds the services, wires them together and does nothing else.
import { BrowserWindow, Menu, Notification, Tray, app, clipboard, dialog, ipcMain, net, powerMonitor, protocol, safeStorage, screen, session as electronSession, shell, utilityProcess } from 'electron';
import Store from 'electron-store';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { arch, homedir, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InvokeHandlers } from '../shared/ipc-contract';
import type { ConnectionInfo, SignInMethodName } from '../shared/domain';
import { previewText } from '../shared/message-preview';
import { diagnosticsHandlers } from './diagnostics/diagnostics-handlers';
import { HistoryStore } from './history/history-store';
import { caFilesSetting, createAppNetwork } from './network/app-network';
import type { AppNetwork } from './network/app-network';
import { CA_FILES_KEY, CaFileSettings, caFileHandlers } from './network/ca-file-settings';
import { systemNetwork } from './doctor/doctor-network';
import { ProxyCredentialStore } from './network/proxy-credentials';
import { ProxySignIn } from './network/proxy-sign-in';
import { setAppLocale, t } from './i18n/app-language';
import { passiveTokenFetcher } from './network/passive-token-fetcher';
import { windowsTokenFetcher } from './network/windows-token-fetcher';
import { IDENTITY_PARTITION, openIdentityWindow } from './windows/identity-window';
import { createOsInvoker } from './ipc/os-invoker';
import type { OsInvoker } from './ipc/os-invoker';
import { PushHub } from './ipc/push-hub';
import { appLogSink } from './logging/app-log-sink';
import { RotatingLogFile } from './logging/rotating-log-file';
import { registerInvokeHandlers } from './ipc/register-invoke-handlers';
import { OwnWindowsPolicy } from './ipc/sender-policy';
import { NotificationPolicy } from './notifications/notification-policy';
import { NotificationPresenter } from './notifications/notification-presenter';
import type { NotificationLike } from './notifications/notification-presenter';
import { setAutoStart, wasStartedAtLogin } from './platform/auto-start';
import { DemoSimulator } from './platform/demo-simulator';
import { ChatLinks } from './platform/os-links';
import { PowerMonitorBridge } from './platform/power-monitor-bridge';
import { watchScreenLock } from './platform/screen-lock';
import { openBus } from './platform/session-bus';
import { detectTrayHost } from './platform/tray-host';
import { APP_USER_MODEL_ID, TOAST_ACTIVATOR_CLSID } from './platform/windows-identity';
import { SessionService } from './session/session-service';
import { SafeStorageVault } from './settings/password-vault';
import { openAppSettings } from './settings/settings-file-recovery';
import type { KeyValueStore } from './settings/settings-store';
import { setUpTray } from './tray/tray-setup';
import type { TraySetup } from './tray/tray-setup';
import { SecretRedactor, UcwaClient, createLogger } from './ucwa/index';
import type { ProxyCredentials, TokenFetcher } from './ucwa/index';
import { APP_SCHEME, appPageUrl } from './windows/app-origin';
import { APP_SCHEME_PRIVILEGED, appProtocolHandler } from './windows/app-protocol';
import { createSecureWindow } from './windows/window-factory';
import { WindowManager } from './windows/window-manager';
import { wordAll } from '../shared/catalog-text';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
/** How long quitting may wait for the server to end the session. */
const QUIT_BOUND_MS = 2_000;
// A separate profile (settings, history, the single-instance lock, logs) for end-to-end tests and
// for running a second account side by side.
if (process.env.UCWA_TRAY_PROFILE !== undefined && process.env.UCWA_TRAY_PROFILE !== '') app.setPath('userData', process.env.UCWA_TRAY_PROFILE);
// Everything logged goes to logs/ucwa-tray.log in the app's data folder (redacted, rotated);
// info and above are echoed to stderr. The UCWA client's request lines come in at debug.
const logFile = new RotatingLogFile({ dir: join(app.getPath('userData'), 'logs') });
const logSink = appLogSink({ file: logFile });
const log = createLogger('main', logSink, new SecretRedactor());
log.info('starting', { version: app.getVersion(), electron: process.versions.electron, platform: process.platform });

// Our pages' scheme must be privileged before `ready` (Electron allows it only then).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGED]);
const links = new ChatLinks(log);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') {
    // Before any toast: Windows files toasts, and Action Center activations, under these.
    app.setAppUserModelId(APP_USER_MODEL_ID);
    app.setToastActivatorCLSID(TOAST_ACTIVATOR_CLSID);
  }
  app.setAsDefaultProtocolClient('sip'); // eng-disable PROTOCOL_HANDLER_JS_CHECK (reviewed: links are parsed by the contract's schema, platform/os-links.ts)
  app.setAsDefaultProtocolClient('im'); // eng-disable PROTOCOL_HANDLER_JS_CHECK (reviewed: as above)
  // macOS delivers a cold start's link as open-url before `ready`: listen now, open once up.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    links.receive(url, 'open-url');
  });
  links.fromArgv(process.argv, 'argv');
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, appProtocolHandler(join(root, 'out', 'renderer')));
  // A damaged settings file is moved aside and the defaults used: the app always starts.
  const { settings, store, recovery } = openAppSettings({
    file: join(app.getPath('userData'), 'ucwa-tray.json'),
    open: (): KeyValueStore => {
      const electronStore = new Store({ name: 'ucwa-tray' });
      return { get: (k) => electronStore.get(k), set: (k, v) => electronStore.set(k, v), delete: (k) => electronStore.delete(k) };
    },
    log: (problem) => log.warn(problem),
  });
  const vault = new SafeStorageVault(safeStorage, store, process.platform);
  // The OS trust store, CA files from the settings, and the proxy Chromium finds per origin (issue #14).
  const proxyCredentials = new ProxyCredentialStore(vault);
  const networkLog = createLogger('network', logSink, new SecretRedactor());
  // Windows sign-in through Chromium (NTLM/Negotiate for trusted domains only); passive sign-in in
  // the identity provider's window, on its own in-memory session.
  const tokenFetcherFor = (method: SignInMethodName | undefined): TokenFetcher | undefined =>
    method === 'windows'
      ? windowsTokenFetcher(electronSession.defaultSession)
      : method === 'passive'
        ? passiveTokenFetcher({ session: electronSession.fromPartition(IDENTITY_PARTITION), openWindow: (url, hosts) => openIdentityWindow({ BrowserWindow, title: t('corporateNetwork.identityWindow.title') }, url, hosts) })
        : undefined;
  const buildNetwork = (caFiles: readonly string[]): AppNetwork => createAppNetwork({ session: electronSession.defaultSession, caFiles, credentials: (proxy) => proxyCredentials.get(proxy), logger: networkLog });
  // Replaced when the CA files change: the next sign-in (and the doctor) use the new trust; a
  // session signed in keeps the network it has, so the old one is not closed under it.
  let network = buildNetwork(caFilesSetting(store.get(CA_FILES_KEY), networkLog));
  const caFiles = new CaFileSettings({
    store,
    logger: networkLog,
    changed: (files) => {
      network = buildNetwork(files);
    },
    pick: async () => {
      const picked = await dialog.showOpenDialog({ title: t('network.caFiles.dialogTitle'), properties: ['openFile'], filters: [{ name: t('network.caFiles.filterName'), extensions: ['pem', 'crt', 'cer'] }] });
      return picked.canceled ? undefined : picked.filePaths[0];
    },
  });
  const policy = new OwnWindowsPolicy();
  const hub = new PushHub();
  const windows = new WindowManager({
    createWindow: (options) => createSecureWindow({ BrowserWindow, shell, preloadPath: join(root, 'out', 'preload', 'index.cjs') }, options),
    load: (window, page, query) => window.loadURL(appPageUrl(page, query)),
    policy,
    push: hub,
  });
  const demo = new DemoSimulator({ fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options), modulePath: join(root, 'out', 'cli', 'ucwa-tray.mjs'), log });
  const notificationPolicy = new NotificationPolicy();
  // Built after the session (which needs the presenter): replies reach it through here.
  const services: { os?: OsInvoker } = {};
  const presenter = new NotificationPresenter({
    createNotification: (options) => new Notification(options) as unknown as NotificationLike,
    platform: process.platform,
    openChat: (id) => windows.openChat(id),
    openQuickReply: (id) => windows.openQuickReply(id),
    reply: async (conversationId, text) => {
      const sent = await services.os?.('sendMessage', { conversationId, text });
      if (sent?.ok === false) throw new Error(sent.error.message);
    },
    accept: async (conversationId) => {
      const accepted = await services.os?.('acceptInvitation', { conversationId });
      if (accepted?.ok === false) throw new Error(accepted.error.message);
      windows.openChat(conversationId);
    },
    decline: async (conversationId) => {
      const declined = await services.os?.('declineInvitation', { conversationId });
      if (declined?.ok === false) throw new Error(declined.error.message);
    },
    dismissed: (id) => notificationPolicy.dismissed(id),
  });
  // Windows: every toast activation, including replies typed in the Action Center later on.
  if (process.platform === 'win32') Notification.handleActivation((details) => presenter.activated(details));
  const trayRef: { setup?: TraySetup } = {};
  /** Said in the settings window where presence cannot follow the screen lock. */
  let idleOnlyPresence = false;
  const session = new SessionService({
    createClient: (options) => new UcwaClient({ ...options, dispatcher: network.source, tokenFetcher: tokenFetcherFor(options.signInMethod), endpointId: settings.endpointId(), userAgent: `UcwaTray/${app.getVersion()} (${process.platform})`, logSink }),
    settings,
    vault,
    windows,
    notify: {
      incomingMessage: (message, title, group) => {
        windows.attention(message.conversationId);
        if (!Notification.isSupported()) return;
        const heading = group === undefined ? title : t('groups.notificationTitle', { sender: message.from.name, group });
        presenter.present(notificationPolicy.decide(message, heading, { settings: settings.get().notifications, myAvailability: session.snapshot().me?.presence.availability ?? 'Online', isChatFocused: (id) => windows.isChatFocused(id) }));
      },
      // An invitation waits for an answer: it is shown even in Do not disturb (it times out otherwise).
      incomingInvitation: (conversationId, fromName, firstMessage) => {
        if (Notification.isSupported()) presenter.presentInvitation(conversationId, t('common.wantsToChat', { name: fromName }), firstMessage === undefined ? t('notifications.acceptOrDecline') : previewText(firstMessage));
      },
      invitationEnded: (conversationId) => presenter.clear(conversationId),
    },
    demo,
    openHistory: (account) => new HistoryStore(join(app.getPath('userData'), 'history'), account),
    preferredLanguages: () => app.getPreferredSystemLanguages(),
    push: (name, payload) => {
      if (name === 'connectionChanged') log.info('connection', { ...(payload as ConnectionInfo) });
      hub.push(name, payload);
      if (name === 'connectionChanged' || name === 'presenceChanged' || name === 'unreadChanged' || name === 'sessionChanged') updateTray();
      if (name === 'settingsChanged') void applyAutoStart();
      // The tray menu and tooltip, and notifications from now on, speak the new language.
      if (name === 'localeChanged') {
        setAppLocale(session.locale());
        updateTray();
      }
    },
  });

  const sessionHandlers = session.handlers();
  // The doctor's own checks take sign-in's route: the same proxy, with the credentials it has.
  const doctorProxyFor = async (origin: string): Promise<{ url: string; credentials: ProxyCredentials | undefined } | undefined> => {
    const proxy = await network.proxyFor(origin);
    return proxy === undefined ? undefined : { url: proxy, credentials: proxyCredentials.get(proxy) };
  };
  // A 407 at sign-in names the proxy; the page asks for its user name and password once.
  const proxySignIn = new ProxySignIn({ proxyFor: (origin) => network.proxyFor(origin), credentials: proxyCredentials });
  const handlers: InvokeHandlers = {
    ...sessionHandlers,
    signIn: (input, context) => proxySignIn.run(() => sessionHandlers.signIn(input, context)),
    setProxyCredentials: async (input) => proxySignIn.save(input),
    ...caFileHandlers(caFiles),
    // Worded in the app's language when a window asks.
    getSnapshot: async (input, context) => ({ ...(await sessionHandlers.getSnapshot(input, context)), ...(idleOnlyPresence ? { presenceNote: t('settings.idleOnlyPresence') } : {}) }),
    sendMessage: async (input, context) => {
      windows.requireOwnConversation(context.windowId, input.conversationId);
      return sessionHandlers.sendMessage(input, context);
    },
    retryMessage: async (input, context) => {
      windows.requireOwnConversation(context.windowId, input.conversationId);
      return sessionHandlers.retryMessage(input, context);
    },
    addParticipants: async (input, context) => {
      windows.requireOwnConversation(context.windowId, input.conversationId);
      return sessionHandlers.addParticipants(input, context);
    },
    leaveConversation: async (input, context) => {
      windows.requireOwnConversation(context.windowId, input.conversationId);
      return sessionHandlers.leaveConversation(input, context);
    },
    copyText: async (input) => {
      clipboard.writeText(input.text);
      return null;
    },
    ready: async (_input, context) => {
      hub.ready(context.windowId);
      return null;
    },
    ...diagnosticsHandlers({
      logFile,
      openPath: (path) => shell.openPath(path),
      writeClipboard: (text) => clipboard.writeText(text),
      facts: () => ({
        appVersion: app.getVersion(),
        versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
        os: { platform: process.platform, release: release(), arch: arch() },
        connection: session.snapshot().connection,
        account: settings.get().account,
      }),
      trustedDomains: () => settings.get().trustedDomains,
      // The doctor checks certificates against what sign-in trusts, and says which proxy sign-in takes.
      doctor: { logSink, userAgent: `UcwaTray-Doctor/${app.getVersion()} (${process.platform})`, network: { lookup: systemNetwork.lookup, connect: systemNetwork.connect, get ca() { return network.trust.ca; }, proxyFor: doctorProxyFor }, proxyFor: (origin) => network.proxyFor(origin) },
    }),
  };
  registerInvokeHandlers(ipcMain, handlers, policy, log);
  const os = createOsInvoker(handlers, log);
  services.os = os;

  function updateTray(): void {
    const snapshot = session.snapshot();
    trayRef.setup?.controller?.update({
      name: snapshot.me?.name,
      availability: snapshot.me?.presence.availability,
      connection: snapshot.connection.state,
      ...(snapshot.connection.detail === undefined ? {} : { connectionDetail: snapshot.connection.detail }),
      unread: snapshot.unreadTotal,
    });
    // The dock (macOS) and launcher (Unity) badge: Electron has setBadgeCount there only.
    if (process.platform === 'darwin' || process.platform === 'linux') app.setBadgeCount(snapshot.unreadTotal);
  }

  async function applyAutoStart(): Promise<void> {
    await setAutoStart({ platform: process.platform, app, files: { mkdir, writeFile, rm }, env: process.env, homeDir: homedir(), execPath: process.execPath }, settings.get().autoStart).catch((error: unknown) => log.warn('auto-start could not be changed', { reason: String(error) }));
  }

  const trayHost = await detectTrayHost(process.platform, () => openBus('session'));
  const traySetup = setUpTray({
    platform: process.platform,
    host: trayHost,
    createTray: (image) => new Tray(image),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    screen,
    popup: (standalone) => windows.popup(standalone),
    assetsDir: join(root, 'assets', 'tray'),
    actions: {
      setPresence: (availability) => void os('setPresence', { availability }),
      openSettings: () => windows.openSettings(),
      signOut: () => void session.signOut(),
      quit: () => app.quit(),
    },
    quit: () => app.quit(),
    log,
  });
  trayRef.setup = traySetup;
  setAppLocale(session.locale());
  updateTray();
  // Told once, at start; the settings window keeps saying it for this run.
  const settingsNotice = recovery.notice();
  if (settingsNotice !== undefined && Notification.isSupported()) {
    const note = new Notification({ title: t('notifications.settingsReset'), body: wordAll(t, settingsNotice) });
    note.on('click', () => windows.openSettings());
    note.show();
  }

  new PowerMonitorBridge(powerMonitor, session, undefined, () => net.isOnline()).start();
  // Linux: powerMonitor has no lock events there; the desktop's D-Bus signals stand in. Not
  // awaited: a slow bus must not hold up the rest of the start.
  let stopLockWatch = (): void => undefined;
  if (process.platform === 'linux') {
    void watchScreenLock({ session: () => openBus('session'), system: () => openBus('system') }, session).then((lock) => {
      stopLockWatch = lock.stop;
      if (lock.kind === 'idle-only') idleOnlyPresence = true;
      log.info('screen lock', lock.kind === 'signals' ? { from: lock.sources } : { from: 'idle time only' });
    });
  }
  app.on('second-instance', (_event, argv) => {
    if (links.fromArgv(argv, 'second-instance') === 'none') traySetup.toggle();
  });
  links.deliverTo((uri) => void os('openChat', { uri }));
  // macOS: a click on the dock icon with nothing on screen brings the popup back.
  app.on('activate', () => {
    if (!BrowserWindow.getAllWindows().some((w) => w.isVisible())) traySetup.show();
  });
  // A tray app keeps running with every window closed.
  app.on('window-all-closed', () => undefined);
  // Quitting waits (at most QUIT_BOUND_MS) for the sign-out DELETE and the history, then quits
  // for real; the demo server goes last, as the DELETE is addressed to it.
  let quit: 'running' | 'signing-out' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (quit === 'done') return;
    event.preventDefault();
    if (quit === 'signing-out') return;
    quit = 'signing-out';
    void session
      .shutdown(QUIT_BOUND_MS)
      .then((outcome) => {
        if (!outcome.signedOut) log.warn('quitting without a confirmed sign-out', { boundMs: QUIT_BOUND_MS });
        if (outcome.unsavedMessages !== undefined && outcome.unsavedMessages > 0) log.warn('quitting with unsaved history', { messages: outcome.unsavedMessages });
      })
      .finally(() => {
        quit = 'done';
        stopLockWatch();
        demo.stop();
        app.quit();
      });
  });

  const account = settings.get().account;
  const password = settings.get().rememberMe && account.user !== '' ? vault.load(account.user) : undefined;
  if (password !== undefined) {
    void session.signIn({ ...(account.server === '' ? {} : { server: account.server }), user: account.user, password, rememberMe: true }).catch((error: unknown) => log.warn('automatic sign-in failed', { reason: String(error) }));
  }
  // Without a tray there is nowhere to hide: the window always shows. Only macOS says whether the
  // login item started us (wasOpenedAtLogin); elsewhere our own --hidden argument does.
  const loginItem = process.platform === 'darwin' ? app.getLoginItemSettings() : undefined;
  if (traySetup.standalone || !wasStartedAtLogin(process.argv, loginItem) || !settings.get().startHidden) traySetup.toggle();
}
