// Start on login: a login item on macOS and Windows, an XDG autostart .desktop file on Linux.
// Started at login the app stays hidden in the tray; started by hand it shows the popup.
import { join } from 'node:path';

export const HIDDEN_FLAG = '--hidden';

export interface LoginItemApi {
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
  getLoginItemSettings(): { openAtLogin: boolean; wasOpenedAtLogin?: boolean };
}

export interface FileApi {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string, options: { mode: number }): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export interface AutoStartDeps {
  readonly platform: NodeJS.Platform;
  readonly app: LoginItemApi;
  readonly files: FileApi;
  readonly env: NodeJS.ProcessEnv;
  readonly homeDir: string;
  /** The running binary; an AppImage runs from a temporary mount, so $APPIMAGE wins on Linux. */
  readonly execPath: string;
}

/** Desktop Entry spec: arguments with reserved characters are double-quoted, with \\ " ` $ escaped. */
export function quoteExecArgument(argument: string): string {
  if (!/[\s"'\\><~|&;$*?#()`]/.test(argument)) return argument;
  return `"${argument.replace(/([\\"`$])/g, '\\$1')}"`;
}

export function desktopEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=UCWA Tray',
    'Comment=Skype for Business instant messaging in the tray',
    `Exec=${quoteExecArgument(executable)} ${HIDDEN_FLAG}`,
    'Icon=ucwa-tray',
    'Terminal=false',
    'Categories=Network;InstantMessaging;',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function autostartFile(env: NodeJS.ProcessEnv, homeDir: string): string {
  const configHome = env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(homeDir, '.config');
  return join(configHome, 'autostart', 'ucwa-tray.desktop');
}

export async function setAutoStart(deps: AutoStartDeps, enabled: boolean): Promise<void> {
  if (deps.platform === 'darwin' || deps.platform === 'win32') {
    deps.app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] });
    return;
  }
  const file = autostartFile(deps.env, deps.homeDir);
  if (!enabled) {
    await deps.files.rm(file, { force: true });
    return;
  }
  await deps.files.mkdir(join(file, '..'), { recursive: true });
  const executable = deps.env.APPIMAGE !== undefined && deps.env.APPIMAGE !== '' ? deps.env.APPIMAGE : deps.execPath;
  await deps.files.writeFile(file, desktopEntry(executable), { mode: 0o644 });
}

/** Hidden in the tray when the OS started us at login; the popup when a person did. */
export function wasStartedAtLogin(argv: readonly string[], loginItem?: { readonly wasOpenedAtLogin?: boolean }): boolean {
  return argv.includes(HIDDEN_FLAG) || loginItem?.wasOpenedAtLogin === true;
}
