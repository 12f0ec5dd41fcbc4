import { describe, expect, it } from 'vitest';
import { popupPosition } from '../../../src/main/tray/popup-position';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };
const window = { width: 360, height: 520 };

describe('popup position', () => {
  it('Windows taskbar at the bottom: above the icon, inside the work area', () => {
    const p = popupPosition({ tray: { x: 1800, y: 1050, width: 24, height: 24 }, window, display: { bounds: screen, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }, cursor: { x: 0, y: 0 } });
    expect(p).toEqual({ edge: 'bottom', x: 1920 - 360 - 4, y: 1040 - 520 - 4 });
  });

  it('macOS menu bar at the top: below the icon, centred on it', () => {
    const p = popupPosition({ tray: { x: 1000, y: 0, width: 22, height: 24 }, window, display: { bounds: screen, workArea: { x: 0, y: 25, width: 1920, height: 1055 } }, cursor: { x: 0, y: 0 } });
    expect(p).toEqual({ edge: 'top', x: Math.round(1011 - 180), y: 29 });
  });

  it('taskbar on the left and on the right', () => {
    const left = popupPosition({ tray: { x: 10, y: 900, width: 24, height: 24 }, window, display: { bounds: screen, workArea: { x: 48, y: 0, width: 1872, height: 1080 } }, cursor: { x: 0, y: 0 } });
    expect(left).toEqual({ edge: 'left', x: 52, y: 1080 - 520 - 4 });
    const right = popupPosition({ tray: { x: 1886, y: 100, width: 24, height: 24 }, window, display: { bounds: screen, workArea: { x: 0, y: 0, width: 1872, height: 1080 } }, cursor: { x: 0, y: 0 } });
    expect(right).toEqual({ edge: 'right', x: 1872 - 360 - 4, y: 4 });
  });

  it('a second display with an offset origin', () => {
    const p = popupPosition({ tray: { x: 3700, y: 1050, width: 24, height: 24 }, window, display: { bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, workArea: { x: 1920, y: 0, width: 1920, height: 1040 } }, cursor: { x: 0, y: 0 } });
    expect(p.edge).toBe('bottom');
    expect(p.x).toBe(1920 + 1920 - 360 - 4);
  });

  it('zero tray bounds (some Linux desktops): anchors at the cursor, edge nearest to it', () => {
    const p = popupPosition({ tray: { x: 0, y: 0, width: 0, height: 0 }, window, display: { bounds: screen, workArea: screen }, cursor: { x: 1700, y: 10 } });
    expect(p).toEqual({ edge: 'top', x: 1700 - 180, y: 14 });
  });

  it('a window larger than the work area still starts at its corner', () => {
    const p = popupPosition({ tray: { x: 100, y: 1050, width: 24, height: 24 }, window: { width: 5000, height: 5000 }, display: { bounds: screen, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }, cursor: { x: 0, y: 0 } });
    expect(p).toMatchObject({ x: 4, y: 4 });
  });
});
