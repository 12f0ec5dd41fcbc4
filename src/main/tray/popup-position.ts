// Where the tray popup goes: next to the tray icon, on whichever screen edge the taskbar or menu
// bar is, and never outside the work area. Pure, so every edge is tested.

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type Edge = 'top' | 'bottom' | 'left' | 'right';

export interface PopupPlacementInput {
  readonly tray: Rect;
  readonly window: { readonly width: number; readonly height: number };
  readonly display: { readonly bounds: Rect; readonly workArea: Rect };
  /** Used when the tray reports no bounds (some Linux desktops return zeros). */
  readonly cursor: Point;
  readonly margin?: number;
}

/** The edge the taskbar sits on: where the work area gives way; else the edge nearest the anchor. */
export function taskbarEdge(display: { readonly bounds: Rect; readonly workArea: Rect }, anchor: Point): Edge {
  const { bounds, workArea } = display;
  if (workArea.y > bounds.y) return 'top';
  if (workArea.x > bounds.x) return 'left';
  if (workArea.y + workArea.height < bounds.y + bounds.height) return 'bottom';
  if (workArea.x + workArea.width < bounds.x + bounds.width) return 'right';
  const distances: [Edge, number][] = [
    ['top', anchor.y - bounds.y],
    ['bottom', bounds.y + bounds.height - anchor.y],
    ['left', anchor.x - bounds.x],
    ['right', bounds.x + bounds.width - anchor.x],
  ];
  distances.sort((a, b) => a[1] - b[1]);
  return distances[0]?.[0] ?? 'bottom';
}

export function popupPosition(input: PopupPlacementInput): Point & { readonly edge: Edge } {
  const margin = input.margin ?? 4;
  const known = input.tray.width > 0 && input.tray.height > 0;
  const anchor: Rect = known ? input.tray : { x: input.cursor.x, y: input.cursor.y, width: 0, height: 0 };
  const centre = { x: anchor.x + anchor.width / 2, y: anchor.y + anchor.height / 2 };
  const edge = taskbarEdge(input.display, centre);
  const { width, height } = input.window;
  const area = input.display.workArea;
  let x: number;
  let y: number;
  switch (edge) {
    case 'top':
      x = centre.x - width / 2;
      y = Math.max(anchor.y + anchor.height, area.y) + margin;
      break;
    case 'bottom':
      x = centre.x - width / 2;
      y = Math.min(anchor.y, area.y + area.height) - height - margin;
      break;
    case 'left':
      x = Math.max(anchor.x + anchor.width, area.x) + margin;
      y = centre.y - height / 2;
      break;
    case 'right':
      x = Math.min(anchor.x, area.x + area.width) - width - margin;
      y = centre.y - height / 2;
      break;
  }
  return { x: Math.round(clamp(x, area.x + margin, area.x + area.width - width - margin)), y: Math.round(clamp(y, area.y + margin, area.y + area.height - height - margin)), edge };
}

function clamp(value: number, min: number, max: number): number {
  return max < min ? min : Math.min(max, Math.max(min, value));
}
