// The real composition root (src/main/index.ts) on the faithful Electron fake and the real
// simulator: what the app does end to end, short of drawing pixels. Windows are the fake's; IPC
// reaches main as a window's page would send it.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UcwaClient } from '../../../src/main/ucwa/index';
import { createSimulator } from '../../../src/simulator/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import type * as FakeElectron from '../../fakes/electron/index';
import { fakeDesktop } from '../../fakes/session-bus/index';
import { FAST_SIM } from '../../support/simulator';

const storeData = vi.hoisted(() => new Map<string, unknown>());
vi.mock('electron', () => import('../../fakes/electron/index'));
// A KDE-like desktop: a tray host and a screensaver on the session bus.
vi.mock('../../../src/main/platform/session-bus', () => import('../../fakes/session-bus/index'));
// electron-store needs the Electron runtime; this stand-in keeps what the app stores in a Map.
vi.mock('electron-store', () => ({
  default: class {
    get(key: string): unknown {
      return storeData.get(key);
    }
    set(key: string, value: unknown): void {
      storeData.set(key, value);
    }
    delete(key: string): void {
      storeData.delete(key);
    }
  },
}));

type Window = InstanceType<typeof FakeElectron.BrowserWindow>;
let electron: typeof FakeElectron;
let sim: UcwaSimulator;
let ben: UcwaClient;
const profile = mkdtempSync(join(tmpdir(), 'ucwa-tray-root-'));

function pageOf(window: Window): string {
  return new URL(window.loaded ?? 'file:///none').pathname.split('/').pop() ?? '';
}

function windowsShowing(page: string): Window[] {
  return electron.BrowserWindow.getAllWindows().filter((w) => pageOf(w) === `${page}.html`);
}

async function call(window: Window, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  return (await electron.ipcMain.invoke(`ucwa:invoke:${method}`, { sender: { id: window.webContents.id }, senderFrame: { url: window.webContents.url, parent: null } }, input)) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** The demo server's utility process runs the bundled CLI: bundle it from the current source. */
async function bundleCli(): Promise<void> {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string; dependencies: Record<string, string> };
  await build({ entryPoints: { 'cli/ucwa-tray': 'src/cli/main.ts' }, outdir: 'out', outExtension: { '.js': '.mjs' }, bundle: true, platform: 'node', target: 'node20.19', format: 'esm', external: Object.keys(pkg.dependencies), define: { __UCWA_TRAY_VERSION__: JSON.stringify(pkg.version) }, logLevel: 'warning' });
}

beforeAll(async () => {
  await bundleCli();
  process.env.UCWA_TRAY_PROFILE = profile;
  process.env.XDG_CONFIG_HOME = join(profile, 'config');
  // One simulator and one other user for the whole file: the app's session lives across the tests.
  sim = createSimulator(FAST_SIM);
  await sim.start();
  electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetElectronFake();
  fakeDesktop.reset();
  await import('../../../src/main/index');
  electron.app.makeReady();
  await vi.waitFor(() => expect(electron.Tray.all).toHaveLength(1));
  ben = new UcwaClient({ server: sim.url, user: 'ben@contoso.com', password: 'demo', endpointId: 'root-ben' });
  await ben.signIn();
  await ben.makeMeAvailable();
}, 30_000);

afterAll(async () => {
  electron.app.quit();
  await ben.signOut().catch(() => undefined);
  await sim.stop();
  rmSync(profile, { recursive: true, force: true });
});

describe('the app, wired by its composition root', () => {
  it('starts by hand: single-instance lock, protocols, a tray in the signed-out state and the popup shown', () => {
    expect(electron.app.protocols).toEqual(['sip', 'im']);
    // Our pages come from app://ucwa-tray, privileged before ready and served by our handler.
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, codeCache: true } }]);
    expect(electron.protocol.isProtocolHandled('app')).toBe(true);
    expect(electron.app.getPath('userData')).toBe(profile);
    const tray = electron.Tray.all[0];
    expect(tray?.image).toMatch(/signed-out\.png$/);
    const [popup] = windowsShowing('popup');
    expect(popup?.visible).toBe(true);
    expect(popup?.loaded).toBe('app://ucwa-tray/popup.html');
    expect(popup?.loadStatus).toBe(existsSync('out/renderer/popup.html') ? 200 : 404);
    expect(popup?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('refuses garbage and foreign senders before anything happens', async () => {
    const [popup] = windowsShowing('popup');
    if (popup === undefined) throw new Error('no popup');
    expect(await call(popup, 'signIn', { user: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const foreign = (await electron.ipcMain.invoke('ucwa:invoke:getSnapshot', { sender: { id: 99_999 }, senderFrame: { url: 'https://evil.example/', parent: null } }, {})) as { ok: boolean; error: { code: string } };
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    // Our own window, but showing something that is not our page, gets no bridge either.
    for (const url of ['file:///app/out/renderer/popup.html', 'app://other/popup.html', 'https://ucwa-tray/popup.html']) {
      const refused = await electron.ipcMain.invoke('ucwa:invoke:getSnapshot', { sender: { id: popup.webContents.id }, senderFrame: { url, parent: null } }, {});
      expect(refused, url).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(await call(popup, 'getSnapshot', {})).toMatchObject({ ok: true, value: { connection: { state: 'signed-out' } } });
  });

  it('signs in, remembers the password only encrypted, and the tray follows presence', async () => {
    const [popup] = windowsShowing('popup');
    if (popup === undefined) throw new Error('no popup');
    const result = await call(popup, 'signIn', { server: sim.url, user: 'ana@contoso.com', password: 'demo', rememberMe: true });
    expect(result).toMatchObject({ ok: true, value: { name: 'Ana Ruiz' } });
    expect(JSON.stringify([...storeData.entries()])).not.toContain('"demo"');
    const tray = electron.Tray.all[0];
    await vi.waitFor(() => expect(tray?.image).toMatch(/\/online\.png$/));
    expect(tray?.toolTip).toContain('Ana Ruiz');
    // Ready pushes reach the popup.
    await call(popup, 'ready', {});
    expect(popup.webContents.sent.some((m) => m.channel === 'ucwa:event:connectionChanged')).toBe(true);
  });

  it('an incoming message gives one notification and an unread tray; on Linux its click opens the quick reply', async () => {
    const [popup] = windowsShowing('popup');
    if (popup === undefined) throw new Error('no popup');
    popup.blur();
    const conversation = await ben.startConversation({ to: 'ana@contoso.com', message: { text: 'Hi Ana, lunch?' } });
    await vi.waitFor(() => expect(electron.Notification.shown).toHaveLength(1), { timeout: 5_000 });
    const note = electron.Notification.shown[0];
    expect(note?.options).toMatchObject({ title: 'Ben Osei', body: 'Hi Ana, lunch?' });
    // Linux has neither inline replies nor buttons in Electron: none are asked for.
    expect(note?.options.hasReply).toBeUndefined();
    expect(note?.options.actions).toBeUndefined();
    await vi.waitFor(() => expect(electron.Tray.all[0]?.image).toMatch(/-unread\.png$/));
    expect(electron.app.dockBadge).toBe(1);
    note?.click();
    const [firstReply] = windowsShowing('quick-reply');
    expect(firstReply?.focused).toBe(true);
    const conversationId = new URL(firstReply?.loaded ?? 'app://none').searchParams.get('conversation') ?? '';
    expect(conversationId).toBe('chat:ben@contoso.com');

    // The chat itself, from the popup; reading it clears the unread state.
    expect(await call(popup, 'openChat', { uri: 'ben@contoso.com' })).toMatchObject({ ok: true });
    const [chat] = windowsShowing('chat');
    if (chat === undefined) throw new Error('no chat window');
    expect(chat.focused).toBe(true);
    expect(await call(chat, 'markRead', { conversationId })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(electron.Tray.all[0]?.image).not.toMatch(/-unread/));
    expect(electron.app.dockBadge).toBe(0);

    // While the chat has the focus, a new message reaches it and raises no notification.
    await call(chat, 'ready', {});
    await ben.sendMessage(conversation, { text: 'I am in the lobby' });
    await vi.waitFor(() => expect(chat.webContents.sent.some((m) => m.channel === 'ucwa:event:messageAdded' && (m.payload as { text?: string }).text === 'I am in the lobby')).toBe(true), { timeout: 5_000 });
    expect(electron.Notification.shown).toHaveLength(1);

    // Unfocused: a notification, and its click brings the quick-reply window back.
    chat.blur();
    firstReply?.hide();
    const received = new Promise<string>((resolve) => {
      ben.on((e) => {
        if (e.type === 'messageReceived') resolve(e.text);
      });
    });
    await ben.sendMessage(conversation, { text: 'Still there?' });
    await vi.waitFor(() => expect(electron.Notification.shown).toHaveLength(2), { timeout: 5_000 });
    electron.Notification.shown[1]?.click();
    const [quickReply] = windowsShowing('quick-reply');
    expect(quickReply?.loaded).toContain(`conversation=${encodeURIComponent(conversationId)}`);
    if (quickReply === undefined) throw new Error('no quick-reply window');
    expect(quickReply).toBe(firstReply);
    expect(quickReply.visible).toBe(true);
    expect(await call(quickReply, 'sendMessage', { conversationId, text: 'Coming down now' })).toMatchObject({ ok: true });
    expect(await received).toBe('Coming down now');
  });

  it('a quick reply stays with its conversation: typed for Carl it reaches Carl, never Ben, whatever the order', async () => {
    for (const w of electron.BrowserWindow.getAllWindows()) w.blur();
    const carl = new UcwaClient({ server: sim.url, user: 'carl@contoso.com', password: 'demo', endpointId: 'root-carl' });
    await carl.signIn();
    await carl.makeMeAvailable();
    const heard: Record<'ben' | 'carl', string[]> = { ben: [], carl: [] };
    ben.on((e) => void (e.type === 'messageReceived' && heard.ben.push(e.text)));
    carl.on((e) => void (e.type === 'messageReceived' && heard.carl.push(e.text)));
    const notificationFrom = (name: RegExp) => electron.Notification.shown.filter((n) => name.test(String(n.options.title))).at(-1);
    const replyWindowFor = (conversationId: string) => windowsShowing('quick-reply').filter((w) => new URL(w.loaded ?? '').searchParams.get('conversation') === conversationId);
    const conversationOf = (w: Window) => new URL(w.loaded ?? '').searchParams.get('conversation') ?? '';

    // Ben writes first, then Carl; the user answers Carl's notification first, then Ben's.
    const shownBefore = electron.Notification.shown.length;
    await ben.startConversation({ to: 'ana@contoso.com', subject: 'Ben again', message: { text: 'Ben: are you free?' } });
    await vi.waitFor(() => expect(electron.Notification.shown.length).toBe(shownBefore + 1), { timeout: 5_000 });
    await carl.startConversation({ to: 'ana@contoso.com', message: { text: 'Carl: quick one' } });
    await vi.waitFor(() => expect(notificationFrom(/Carl Berg/)).toBeDefined(), { timeout: 5_000 });
    notificationFrom(/Carl Berg/)?.click();
    notificationFrom(/Ben Osei/)?.click();
    const carlId = 'chat:carl@contoso.com';
    const benId = 'chat:ben@contoso.com';
    const [carlWindow] = replyWindowFor(carlId);
    const [benWindow] = replyWindowFor(benId);
    if (carlWindow === undefined || benWindow === undefined) throw new Error('a quick-reply window is missing');
    expect(carlWindow).not.toBe(benWindow);
    // Ben's notification answered last did not take over Carl's window.
    expect(conversationOf(carlWindow)).toBe(carlId);

    expect(await call(carlWindow, 'sendMessage', { conversationId: carlId, text: 'For Carl only' })).toMatchObject({ ok: true });
    // Even a page that names the wrong conversation cannot send there from Carl's window.
    expect(await call(carlWindow, 'sendMessage', { conversationId: benId, text: 'Misdirected' })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await call(benWindow, 'sendMessage', { conversationId: benId, text: 'For Ben only' })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(heard).toEqual({ ben: ['For Ben only'], carl: ['For Carl only'] }), { timeout: 5_000 });
    await carl.signOut();
  });

  it('Do not disturb keeps notifications away; the tray shows it', async () => {
    const [popup] = windowsShowing('popup');
    if (popup === undefined) throw new Error('no popup');
    for (const w of electron.BrowserWindow.getAllWindows()) w.blur();
    expect(await call(popup, 'setPresence', { availability: 'DoNotDisturb' })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(electron.Tray.all[0]?.image).toMatch(/\/dnd(-unread)?\.png$/));
    const before = electron.Notification.shown.length;
    await ben.startConversation({ to: 'ana@contoso.com', subject: 'Another', message: { text: 'Quick question' } }).catch(() => undefined);
    await vi.waitFor(async () => expect(((await call(popup, 'getSnapshot', {})).value as { unreadTotal: number }).unreadTotal).toBeGreaterThan(0), { timeout: 5_000 });
    expect(electron.Notification.shown.length).toBe(before);
  });

  it('a sip: link from a second launch opens a chat; a bare second launch shows the popup', async () => {
    const chatsBefore = windowsShowing('chat').length;
    electron.app.emit('second-instance', {}, ['/usr/bin/ucwa-tray', 'sip:echo@contoso.com'], '/');
    await vi.waitFor(() => expect(windowsShowing('chat')).toHaveLength(chatsBefore + 1));
    const [popup] = windowsShowing('popup');
    popup?.hide();
    electron.app.emit('second-instance', {}, ['/usr/bin/ucwa-tray'], '/');
    expect(popup?.visible).toBe(true);
  });

  it('locking the screen shows me Away and unlocking restores my choice (Linux: the screensaver on D-Bus)', async () => {
    const [popup] = windowsShowing('popup');
    if (popup === undefined) throw new Error('no popup');
    expect(await call(popup, 'setPresence', { availability: 'Busy' })).toMatchObject({ ok: true });
    // powerMonitor has no lock events on Linux (the fake refuses them, as Electron never emits them).
    expect(() => electron.powerMonitor.emit('lock-screen')).toThrow(/darwin, win32 only/);
    fakeDesktop.screensaverActive(true);
    await vi.waitFor(async () => expect(((await call(popup, 'getSnapshot', {})).value as { me: { presence: { availability: string } } }).me.presence.availability).toBe('Away'));
    fakeDesktop.screensaverActive(false);
    await vi.waitFor(async () => expect(((await call(popup, 'getSnapshot', {})).value as { me: { presence: { availability: string } } }).me.presence.availability).toBe('Busy'));
    // Lock signals are there, so the settings have nothing to warn about.
    expect(((await call(popup, 'getSnapshot', {})).value as { presenceNote?: string }).presenceNote).toBeUndefined();
  });

  it('turning auto-start on writes the XDG autostart entry; off removes it', async () => {
    const [popup] = windowsShowing('popup');
    if (popup === undefined) throw new Error('no popup');
    const entry = join(profile, 'config', 'autostart', 'ucwa-tray.desktop');
    // Settings change only from the settings window: the popup may open it, not change them.
    expect(await call(popup, 'updateSettings', { autoStart: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(popup, 'openSettings', {})).toMatchObject({ ok: true });
    const [settings] = windowsShowing('settings');
    if (settings === undefined) throw new Error('no settings window');
    expect(await call(settings, 'updateSettings', { autoStart: true })).toMatchObject({ ok: true, value: { autoStart: true } });
    await vi.waitFor(() => expect(readFileSync(entry, 'utf8')).toMatch(/^Exec=.*--hidden/m));
    expect(await call(settings, 'updateSettings', { autoStart: false })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(existsSync(entry)).toBe(false));
  });

  it('the demo server runs in a utility process; killed, it is restarted and the session carries on', async () => {
    const [popup] = windowsShowing('popup');
    if (popup === undefined) throw new Error('no popup');
    expect(await call(popup, 'signInDemo', {})).toMatchObject({ ok: true, value: { uri: 'sip:ana@contoso.com' } });
    expect(electron.utilityProcess.forked).toHaveLength(1);
    const [first] = electron.utilityProcess.forked;
    expect(first?.args).toEqual(['sim', '--port', '0']);
    expect(first?.serviceName).toBe('UCWA Tray demo server');
    const states = (): string[] => popup.webContents.sent.filter((m) => m.channel === 'ucwa:event:connectionChanged').map((m) => (m.payload as { state: string }).state);
    const before = states().length;
    first?.crash();
    await vi.waitFor(() => expect(electron.utilityProcess.forked[1]?.pid).toBeDefined(), { timeout: 10_000 });
    expect(electron.utilityProcess.forked[1]?.args[2]).not.toBe('0');
    // Lost, then back: the session rebuilt its application on the restarted server.
    await vi.waitFor(() => expect(states().slice(before)).toContain('reconnecting'), { timeout: 10_000 });
    await vi.waitFor(() => expect(states().at(-1)).toBe('connected'), { timeout: 20_000 });
    // And it works: the echo bot answers in a chat.
    expect(await call(popup, 'openChat', { uri: 'echo@contoso.com' })).toMatchObject({ ok: true });
    const chat = windowsShowing('chat').find((w) => w.loaded?.includes(encodeURIComponent('chat:echo@contoso.com')));
    if (chat === undefined) throw new Error('no echo chat');
    const conversationId = new URL(chat.loaded ?? '').searchParams.get('conversation') ?? '';
    await call(chat, 'ready', {});
    expect(await call(chat, 'sendMessage', { conversationId, text: 'Still there after the restart?' })).toMatchObject({ ok: true });
    await vi.waitFor(
      () => expect(chat.webContents.sent.some((m) => m.channel === 'ucwa:event:messageAdded' && (m.payload as { direction: string }).direction === 'in')).toBe(true),
      { timeout: 10_000 },
    );
  }, 45_000);

  it('signs out: the tray goes back to signed-out', async () => {
    const [popup] = windowsShowing('popup');
    if (popup === undefined) throw new Error('no popup');
    expect(await call(popup, 'signOut', {})).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(electron.Tray.all[0]?.image).toMatch(/signed-out\.png$/));
  });
});
