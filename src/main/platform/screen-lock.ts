// Screen lock on Linux, where Electron's powerMonitor has no lock-screen/unlock-screen events
// (documented for macOS and Windows only; electron/electron#24800). The desktop says it on D-Bus:
// logind's Session Lock/Unlock on the system bus, and the screensaver's ActiveChanged on the
// session bus (org.gnome.ScreenSaver on GNOME, org.freedesktop.ScreenSaver on KDE and others).
// Where none of them is there, presence follows idle time only, and the settings say so. Some
// desktops send logind's Lock but never Unlock (pop-os/cosmic-epoch#1764): the screensaver's
// signal, where both exist, still brings presence back.
import type { BusPort } from './session-bus';

export interface LockListener {
  locked(): void;
  unlocked(): void;
}

export type ScreenLockWatch =
  | { readonly kind: 'signals'; readonly sources: readonly string[]; stop(): void }
  | { readonly kind: 'idle-only'; stop(): void };

const SCREENSAVERS = [
  { name: 'org.gnome.ScreenSaver', path: '/org/gnome/ScreenSaver' },
  { name: 'org.freedesktop.ScreenSaver', path: '/org/freedesktop/ScreenSaver' },
] as const;
const LOGIN1 = 'org.freedesktop.login1';

export interface ScreenLockBuses {
  readonly session: () => BusPort | undefined;
  readonly system: () => BusPort | undefined;
}

/** Subscribes to every lock signal this desktop offers; repeated states (two sources) pass once. */
export async function watchScreenLock(buses: ScreenLockBuses, listener: LockListener, pid: number = process.pid): Promise<ScreenLockWatch> {
  let state: boolean | undefined;
  const report = (locked: boolean): void => {
    if (locked === state) return;
    state = locked;
    if (locked) listener.locked();
    else listener.unlocked();
  };
  const sources: string[] = [];
  const open: BusPort[] = [];

  const session = buses.session();
  if (session !== undefined) {
    open.push(session);
    for (const screensaver of SCREENSAVERS) {
      const available = await session.nameHasOwner(screensaver.name).catch(() => false);
      if (!available) continue;
      const subscribed = await session.onSignal({ interface: screensaver.name, member: 'ActiveChanged' }, ([active]) => report(active === true)).then(() => true, () => false);
      if (subscribed) sources.push(screensaver.name);
    }
  }

  const system = buses.system();
  if (system !== undefined) {
    open.push(system);
    // Our own login session's object: its Lock and Unlock are ours, another user's are not.
    const sessionPath = await system
      .call(LOGIN1, '/org/freedesktop/login1', `${LOGIN1}.Manager`, 'GetSessionByPID', 'u', [pid])
      .then(([path]) => (typeof path === 'string' ? path : undefined), () => undefined);
    if (sessionPath !== undefined) {
      const lock = await system.onSignal({ interface: `${LOGIN1}.Session`, member: 'Lock', path: sessionPath }, () => report(true)).then(() => true, () => false);
      const unlock = lock && (await system.onSignal({ interface: `${LOGIN1}.Session`, member: 'Unlock', path: sessionPath }, () => report(false)).then(() => true, () => false));
      if (unlock) sources.push(`${LOGIN1}.Session`);
    }
  }

  const stop = (): void => {
    for (const bus of open) bus.close();
  };
  if (sources.length === 0) {
    stop();
    return { kind: 'idle-only', stop: () => undefined };
  }
  return { kind: 'signals', sources, stop };
}
