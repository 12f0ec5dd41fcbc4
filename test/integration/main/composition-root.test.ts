// The real composition root (src/main/index.ts) on the faithful Electron fake and the real
// simulator: what the app does end to end, short of drawing pixels. Windows are the fake's; IPC
// reaches main as a window's page would send it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UcwaClient } from '../../../src/main/ucwa/index';
import { createSimulator } from '../../../src/simulator/index';
import type { UcwaSimulator } from '../../../src/simulator/index';
import type * as FakeElectron from '../../fakes/electron/index';
import { FAST_SIM } from '../../support/simulator';

const storeData = vi.hoisted(() => new Map<string, unknown>());
vi.mock('electron', () => import('../../fakes/electron/index'));
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

beforeAll(async () => {
  process.env.UCWA_TRAY_PROFILE = profile;
  process.env.XDG_CONFIG_HOME = join(profile, 'config');
  // One simulator and one other user for the whole file: the app's session lives across the tests.
  sim = createSimulator(FAST_SIM);
  await sim.start();
  electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetElectronFake();
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
    expect(electron.app.getPath('userData')).toBe(profile);
    const tray = electron.Tray.all[0];
    expect(tray?.image).toMatch(/signed-out\.png$/);
    const [popup] = windowsShowing('popup');
    expect(popup?.visible).toBe(true);
    expect(popup?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('refuses garbage and foreign senders before anything happens', async () => {
    const [popup] = windowsShowing('popup');
    if (popup === undefined) throw new Error('no popup');
    expect(await call(popup, 'signIn', { user: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const foreign = (await electron.ipcMain.invoke('ucwa:invoke:getSnapshot', { sender: { id: 99_999 }, senderFrame: { url: 'https://evil.example/', parent: null } }, {})) as { ok: boolean; error: { code: string } };
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
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

  it('an incoming message gives one notification and an unread tray; a click opens its chat', async () => {
    const popup = windowsShowing('popup')[0];
    popup?.blur();
    const conversation = await ben.startConversation({ to: 'ana@contoso.com', message: { text: 'Hi Ana, lunch?' } });
    await vi.waitFor(() => expect(electron.Notification.shown).toHaveLength(1), { timeout: 5_000 });
    const note = electron.Notification.shown[0];
    expect(note?.options).toMatchObject({ title: 'Ben Osei', body: 'Hi Ana, lunch?' });
    await vi.waitFor(() => expect(electron.Tray.all[0]?.image).toMatch(/-unread\.png$/));
    expect(electron.app.badgeCount).toBe(1);
    note?.click();
    const [chat] = windowsShowing('chat');
    expect(chat?.loaded).toMatch(/chat\.html\?conversation=/);
    expect(chat?.focused).toBe(true);
    if (chat === undefined) throw new Error('no chat window');
    const conversationId = new URL(chat.loaded ?? '').searchParams.get('conversation') ?? '';
    expect(await call(chat, 'markRead', { conversationId })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(electron.Tray.all[0]?.image).not.toMatch(/-unread/));
    expect(electron.app.badgeCount).toBe(0);

    // While the chat has the focus, a new message raises no notification.
    await ben.sendMessage(conversation, { text: 'I am in the lobby' });
    // The notification is decided in the same step that adds the message to the conversation.
    await vi.waitFor(async () => expect(((await call(chat, 'getSnapshot', {})).value as { conversations: { lastMessage?: { text: string } }[] }).conversations.map((c) => c.lastMessage?.text)).toContain('I am in the lobby'));
    expect(electron.Notification.shown).toHaveLength(1);

    // Unfocused: a notification, and on Linux its Reply button opens the quick-reply window.
    chat.blur();
    const received = new Promise<string>((resolve) => {
      ben.on((e) => {
        if (e.type === 'messageReceived') resolve(e.text);
      });
    });
    await ben.sendMessage(conversation, { text: 'Still there?' });
    await vi.waitFor(() => expect(electron.Notification.shown).toHaveLength(2), { timeout: 5_000 });
    electron.Notification.shown[1]?.action(0);
    const [quickReply] = windowsShowing('quick-reply');
    expect(quickReply?.loaded).toContain(`conversation=${encodeURIComponent(conversationId)}`);
    if (quickReply === undefined) throw new Error('no quick-reply window');
    expect(await call(quickReply, 'sendMessage', { conversationId, text: 'Coming down now' })).toMatchObject({ ok: true });
    expect(await received).toBe('Coming down now');
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

  it('a click on the dock icon with nothing on screen brings the popup back', () => {
    for (const w of electron.BrowserWindow.getAllWindows()) w.hide();
    electron.app.emit('activate');
    const [popup] = windowsShowing('popup');
    expect(popup?.visible).toBe(true);
    expect(popup?.focused).toBe(true);
  });

  it('locking the screen shows me Away and unlocking restores my choice', async () => {
    const [popup] = windowsShowing('popup');
    if (popup === undefined) throw new Error('no popup');
    expect(await call(popup, 'setPresence', { availability: 'Busy' })).toMatchObject({ ok: true });
    electron.powerMonitor.emit('lock-screen');
    await vi.waitFor(async () => expect(((await call(popup, 'getSnapshot', {})).value as { me: { presence: { availability: string } } }).me.presence.availability).toBe('Away'));
    electron.powerMonitor.emit('unlock-screen');
    await vi.waitFor(async () => expect(((await call(popup, 'getSnapshot', {})).value as { me: { presence: { availability: string } } }).me.presence.availability).toBe('Busy'));
  });

  it('turning auto-start on writes the XDG autostart entry; off removes it', async () => {
    const [popup] = windowsShowing('popup');
    if (popup === undefined) throw new Error('no popup');
    const entry = join(profile, 'config', 'autostart', 'ucwa-tray.desktop');
    expect(await call(popup, 'updateSettings', { autoStart: true })).toMatchObject({ ok: true, value: { autoStart: true } });
    await vi.waitFor(() => expect(readFileSync(entry, 'utf8')).toMatch(/^Exec=.*--hidden/m));
    expect(await call(popup, 'updateSettings', { autoStart: false })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(existsSync(entry)).toBe(false));
  });

  it('signs out: the tray goes back to signed-out', async () => {
    const [popup] = windowsShowing('popup');
    if (popup === undefined) throw new Error('no popup');
    expect(await call(popup, 'signOut', {})).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(electron.Tray.all[0]?.image).toMatch(/signed-out\.png$/));
  });
});
