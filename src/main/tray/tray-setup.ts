// The tray icon and its popup, or — where the desktop shows no tray icons — the popup as an
// ordinary window. Called once by the composition root with what the desktop answered.
import type { BrowserWindow, Menu, MenuItemConstructorOptions, Rectangle, Screen, Tray } from 'electron';
import { join } from 'node:path';
import type { TrayHostAnswer } from '../platform/tray-host';
import { popupPosition } from './popup-position';
import type { TrayActions } from './tray-controller';
import { TrayController } from './tray-controller';

export interface TraySetupDeps {
  readonly platform: NodeJS.Platform;
  readonly host: TrayHostAnswer;
  readonly createTray: (image: string) => Tray;
  readonly buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  readonly screen: Pick<Screen, 'getCursorScreenPoint' | 'getDisplayNearestPoint'>;
  /** The popup window; `standalone` makes it an ordinary window (framed, in the taskbar). */
  readonly popup: (standalone?: boolean) => BrowserWindow;
  readonly assetsDir: string;
  readonly actions: Omit<TrayActions, 'open'>;
  readonly quit: () => void;
  readonly log: { warn(message: string, fields?: Record<string, unknown>): void };
}

export interface TraySetup {
  /** True where there is no tray: the popup is an ordinary window and closing it quits. */
  readonly standalone: boolean;
  readonly controller: TrayController | undefined;
  /** Shows or hides the popup next to the tray icon (an ordinary window is just shown). */
  toggle(): void;
  show(): void;
}

export function setUpTray(deps: TraySetupDeps): TraySetup {
  if (!deps.host.present) {
    deps.log.warn('no tray on this desktop; the popup is a normal window', { reason: deps.host.reason });
    // Closing it quits: nothing would be left to bring it back.
    deps.popup(true).on('closed', () => deps.quit());
    const show = (): void => {
      deps.popup(true).show();
      deps.popup(true).focus();
    };
    return { standalone: true, controller: undefined, toggle: show, show };
  }
  const signedOut = deps.platform === 'win32' ? 'signed-out.ico' : deps.platform === 'darwin' ? 'signed-outTemplate.png' : 'signed-out.png';
  const tray = deps.createTray(join(deps.assetsDir, signedOut));
  // Tray.getBounds exists on macOS and Windows only; elsewhere the pointer says where the icon is.
  const anchor = (): Rectangle | undefined => (deps.platform === 'darwin' || deps.platform === 'win32' ? tray.getBounds() : undefined);
  const show = (): void => {
    deps.popup().show();
    deps.popup().focus();
  };
  const toggle = (): void => {
    const popup = deps.popup();
    if (popup.isVisible()) return popup.hide();
    const at = anchor();
    const cursor = deps.screen.getCursorScreenPoint();
    const display = deps.screen.getDisplayNearestPoint(at === undefined || at.width === 0 ? cursor : { x: at.x, y: at.y });
    const [width = 360, height = 560] = popup.getSize();
    const place = popupPosition({ tray: at ?? { x: 0, y: 0, width: 0, height: 0 }, window: { width, height }, display: { bounds: display.bounds, workArea: display.workArea }, cursor });
    popup.setPosition(place.x, place.y);
    show();
  };
  const controller = new TrayController({ tray, buildMenu: deps.buildMenu, assetsDir: deps.assetsDir, platform: deps.platform, actions: { ...deps.actions, open: toggle } });
  tray.on('click', toggle);
  deps.popup().on('blur', () => deps.popup().hide());
  return { standalone: false, controller, toggle, show };
}
