// The real D-Bus adapter on a real session bus: a private dbus-daemon, and a second connection
// that plays the desktop — a StatusNotifierWatcher (with its IsStatusNotifierHostRegistered
// property) and GNOME's screensaver (its ActiveChanged signal). Needs dbus-daemon (Debian's
// `dbus` package; .ci/run installs it); elsewhere it skips and says why, except in CI on Linux.
import { Message, Variant, sessionBus } from '@jellybrick/dbus-next';
import type { MessageBus } from '@jellybrick/dbus-next';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { watchScreenLock } from '../../../src/main/platform/screen-lock';
import { openBus } from '../../../src/main/platform/session-bus';
import { STATUS_NOTIFIER_WATCHER, detectTrayHost } from '../../../src/main/platform/tray-host';

const hasDaemon = process.platform === 'linux' && spawnSync('dbus-daemon', ['--version']).status === 0;
const why = 'dbus-daemon is not installed (apt-get install dbus): the D-Bus adapter is only tested through its port here.';
if (!hasDaemon) {
  if (process.env.CI !== undefined && process.platform === 'linux') throw new Error(why);
  console.warn(`skipped: ${why}`);
}

let daemon: ChildProcess | undefined;
let address = '';
let desktop: MessageBus | undefined;

beforeAll(async () => {
  if (!hasDaemon) return;
  // Its stderr only complains that an unprivileged daemon cannot raise its fd limit.
  const child = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  daemon = child;
  address = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line !== undefined) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`dbus-daemon exited with ${code}`)));
  });
  desktop = sessionBus({ busAddress: address });
});

afterAll(() => {
  desktop?.disconnect();
  daemon?.kill();
});

describe.skipIf(!hasDaemon)('the session D-Bus adapter on a real dbus-daemon', () => {
  it('finds no tray host, then the watcher the desktop registers, with or without a host', async () => {
    const env = { DBUS_SESSION_BUS_ADDRESS: address };
    expect(await detectTrayHost('linux', () => openBus('session', env))).toEqual({ present: false, reason: 'no StatusNotifierWatcher on the session bus' });
    if (desktop === undefined) throw new Error('no desktop connection');
    const bus = desktop;
    let hostRegistered = false;
    await bus.requestName(STATUS_NOTIFIER_WATCHER, 0);
    bus.addMethodHandler((msg: Message) => {
      if (msg.interface !== 'org.freedesktop.DBus.Properties' || msg.member !== 'Get' || msg.body[1] !== 'IsStatusNotifierHostRegistered') return false;
      bus.send(Message.newMethodReturn(msg, 'v', [new Variant('b', hostRegistered)]));
      return true;
    });
    expect(await detectTrayHost('linux', () => openBus('session', env))).toEqual({ present: false, reason: 'a StatusNotifierWatcher without a host' });
    hostRegistered = true;
    expect(await detectTrayHost('linux', () => openBus('session', env))).toEqual({ present: true, reason: 'a StatusNotifierWatcher with a host' });
  });

  it('hears the screensaver lock and unlock the screen', async () => {
    if (desktop === undefined) throw new Error('no desktop connection');
    await desktop.requestName('org.gnome.ScreenSaver', 0);
    const seen: string[] = [];
    const watch = await watchScreenLock({ session: () => openBus('session', { DBUS_SESSION_BUS_ADDRESS: address }), system: () => undefined }, { locked: () => seen.push('locked'), unlocked: () => seen.push('unlocked') });
    expect(watch).toMatchObject({ kind: 'signals', sources: ['org.gnome.ScreenSaver'] });
    desktop.send(Message.newSignal('/org/gnome/ScreenSaver', 'org.gnome.ScreenSaver', 'ActiveChanged', 'b', [true]));
    await vi.waitFor(() => expect(seen).toEqual(['locked']));
    desktop.send(Message.newSignal('/org/gnome/ScreenSaver', 'org.gnome.ScreenSaver', 'ActiveChanged', 'b', [false]));
    await vi.waitFor(() => expect(seen).toEqual(['locked', 'unlocked']));
    watch.stop();
  });

  it('a bus address nobody listens on is no bus: the answer is no tray, not a hang or a crash', async () => {
    const answer = await detectTrayHost('linux', () => openBus('session', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/ucwa-tray-bus' }));
    expect(answer.present).toBe(false);
  });
});
