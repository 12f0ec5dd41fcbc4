// The fake's behaviour where Electron documents it per platform or per call, so tests built on it
// cannot pass on behaviour Electron does not have.
import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, Notification, Tray, app, powerMonitor, resetElectronFake, setFakePlatform } from '../../fakes/electron/index';
import type { FakeActivation } from '../../fakes/electron/index';

beforeEach(() => resetElectronFake());

describe('BrowserWindow', () => {
  it('close() emits a preventable close, then closed; destroy() emits only closed', () => {
    const events: string[] = [];
    const kept = new BrowserWindow();
    kept.on('close', (event) => {
      events.push('close');
      (event as { preventDefault(): void }).preventDefault();
    });
    kept.on('closed', () => events.push('closed'));
    kept.close();
    expect([events, kept.isDestroyed()]).toEqual([['close'], false]);

    const closing = new BrowserWindow();
    const order: string[] = [];
    closing.on('close', () => order.push('close'));
    closing.on('closed', () => order.push('closed'));
    closing.close();
    expect(order).toEqual(['close', 'closed']);
    expect(() => closing.show()).toThrow(/destroyed/);

    const destroyed = new BrowserWindow();
    const seen: string[] = [];
    destroyed.on('close', () => seen.push('close'));
    destroyed.on('closed', () => seen.push('closed'));
    destroyed.destroy();
    expect(seen).toEqual(['closed']);
  });
});

describe('per platform', () => {
  it('new Tray() never throws, even on Linux without a tray host; getBounds exists on macOS and Windows only', () => {
    setFakePlatform('linux');
    const tray = new Tray('icon.png');
    expect(() => tray.getBounds()).toThrow(TypeError);
    const clicks: unknown[] = [];
    tray.on('click', (_event, bounds) => clicks.push(bounds));
    tray.click();
    expect(clicks).toEqual([{ x: 0, y: 0, width: 0, height: 0 }]);
    setFakePlatform('win32');
    expect(new Tray('icon.ico').getBounds()).toMatchObject({ width: 24 });
  });

  it('lock-screen and unlock-screen happen on macOS and Windows, never on Linux', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      setFakePlatform(platform);
      expect(() => powerMonitor.emit('lock-screen')).not.toThrow();
    }
    setFakePlatform('linux');
    expect(() => powerMonitor.emit('unlock-screen')).toThrow(/darwin, win32 only, not linux/);
    expect(() => powerMonitor.emit('suspend')).not.toThrow();
  });

  it('notifications: replies and buttons on macOS and Windows only; a reply needs a reply field', () => {
    setFakePlatform('linux');
    const linux = new Notification({ title: 'x', hasReply: true, actions: [{ type: 'button', text: 'OK' }] });
    expect(() => linux.reply('hi')).toThrow(/darwin, win32 only/);
    expect(() => linux.action(0)).toThrow(/darwin, win32 only/);
    setFakePlatform('darwin');
    const plain = new Notification({ title: 'x' });
    expect(() => plain.reply('hi')).toThrow(/no reply field/);
    expect(() => plain.action(0)).toThrow(/no button 0/);
    const replies: string[] = [];
    const inline = new Notification({ title: 'x', hasReply: true });
    inline.on('reply', (details) => replies.push((details as { reply: string }).reply));
    inline.reply('hi');
    expect(replies).toEqual(['hi']);
    expect(() => Notification.handleActivation(() => undefined)).toThrow(TypeError);
  });

  it('Windows: activations reach handleActivation too, and wait for it when they come first', () => {
    setFakePlatform('win32');
    const toast = new Notification({ title: 'x', hasReply: true });
    toast.reply('early');
    const heard: FakeActivation[] = [];
    Notification.handleActivation((details) => heard.push(details));
    expect(heard).toEqual([{ type: 'reply', arguments: expect.stringMatching(/^type=reply&tag=\d+$/), reply: 'early', userInputs: { reply: 'early' } }]);
    toast.click();
    expect(heard.map((h) => h.type)).toEqual(['reply', 'click']);
    // close() emits close on Windows only (the docs promise it nowhere else).
    const closes: string[] = [];
    toast.show();
    toast.on('close', () => closes.push('close'));
    toast.close();
    setFakePlatform('darwin');
    const mac = new Notification({ title: 'y' });
    mac.on('close', () => closes.push('mac'));
    mac.show();
    mac.close();
    expect(closes).toEqual(['close']);
  });

  it('app: open-url and activate are macOS events; platform-only methods throw elsewhere', () => {
    setFakePlatform('linux');
    expect(() => app.emit('open-url', {}, 'sip:a@b.c')).toThrow(/darwin only/);
    expect(() => app.setAppUserModelId('com.example')).toThrow(TypeError);
    expect(() => app.getLoginItemSettings()).toThrow(TypeError);
    setFakePlatform('win32');
    app.loginItem = { openAtLogin: true, wasOpenedAtLogin: true };
    // Windows does not say whether the login item started the app.
    expect(app.getLoginItemSettings()).toEqual({ openAtLogin: true });
    expect(() => app.setBadgeCount(1)).toThrow(TypeError);
    expect(() => app.setToastActivatorCLSID('not a guid')).toThrow(/Invalid CLSID/);
  });
});
