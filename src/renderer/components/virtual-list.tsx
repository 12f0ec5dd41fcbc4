// A vertical list that renders only the rows near the viewport, so thousands of messages or
// contacts cost a few dozen DOM nodes. Row heights are measured once shown (estimated before); a
// row's screen position is kept steady while heights settle, rows are prepended or the window
// resizes; a chat follows the bottom while it is at the bottom.
import type { ComponentChild } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { offsets, virtualWindow } from '../state/virtual-window';

export interface VirtualListProps<T> {
  readonly items: readonly T[];
  readonly keyOf: (item: T) => string;
  readonly estimate: (item: T) => number;
  readonly render: (item: T) => ComponentChild;
  /** Called when the top is near, to load older rows. */
  readonly onNearTop?: () => void;
  /** Rows that keep their place when rows are added above (a day separator moves with its day). */
  readonly anchorable?: (item: T) => boolean;
  /** Start at the bottom and stay there while the user is there (a chat). */
  readonly followBottom?: boolean;
  /** Scroll just enough to show this row (the keyboard's active row). */
  readonly reveal?: string | undefined;
  readonly role: 'log' | 'listbox';
  readonly label: string;
  readonly id?: string;
  /** For a listbox driven by the keyboard: the active option's element id, and its keys. */
  readonly activeDescendant?: string | undefined;
  readonly onKeyDown?: (event: KeyboardEvent) => void;
}

const OVERSCAN_PX = 600;
const STICK_PX = 24;

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, keyOf, estimate, render, onNearTop, anchorable = () => true, followBottom = false, reveal } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const anchor = useRef<{ key: string; offset: number } | undefined>(undefined);
  const stick = useRef(followBottom);
  const [view, setView] = useState({ scrollTop: 0, viewport: 600 });
  const [measured, setMeasured] = useState(0);

  const heightOf = (index: number): number => {
    const item = items[index] as T;
    return heights.current.get(keyOf(item)) ?? estimate(item);
  };
  // Heights live in a ref; `measured` says when they changed.
  const tops = useMemo(() => offsets(items.length, heightOf), [items, measured]);
  const window = virtualWindow({ count: items.length, heightOf, scrollTop: view.scrollTop, viewport: view.viewport, overscan: OVERSCAN_PX }, tops);
  const indexByKey = useMemo(() => new Map(items.map((item, i) => [keyOf(item), i])), [items, keyOf]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    // Measure what is on screen; a change re-runs the layout with true heights.
    let changed = false;
    for (const child of element.querySelectorAll<HTMLElement>('[data-row-key]')) {
      const key = child.dataset.rowKey ?? '';
      const height = child.offsetHeight;
      if (height > 0 && heights.current.get(key) !== height) {
        heights.current.set(key, height);
        changed = true;
      }
    }
    if (changed) {
      setMeasured((n) => n + 1);
      return;
    }
    if (stick.current) element.scrollTop = element.scrollHeight;
    else if (anchor.current !== undefined) {
      const at = indexByKey.get(anchor.current.key);
      if (at !== undefined) {
        const wanted = (tops[at] ?? 0) - anchor.current.offset;
        if (Math.abs(element.scrollTop - wanted) > 1) element.scrollTop = wanted;
      }
    }
  });

  useLayoutEffect(() => {
    const element = scroller.current;
    const at = reveal === undefined ? undefined : indexByKey.get(reveal);
    if (element === null || at === undefined) return;
    const top = tops[at] ?? 0;
    const bottom = tops[at + 1] ?? top;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (bottom > element.scrollTop + element.clientHeight) element.scrollTop = bottom - element.clientHeight;
    else return;
    stick.current = false;
    anchor.current = { key: reveal ?? '', offset: top - element.scrollTop };
    setView({ scrollTop: element.scrollTop, viewport: element.clientHeight });
  }, [reveal]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return undefined;
    const observer = new ResizeObserver(() => setView({ scrollTop: element.scrollTop, viewport: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = (): void => {
    const element = scroller.current;
    if (element === null) return;
    const { scrollTop, clientHeight, scrollHeight } = element;
    stick.current = followBottom && scrollHeight - scrollTop - clientHeight < STICK_PX;
    let first = virtualWindow({ count: items.length, heightOf, scrollTop, viewport: 0, overscan: 0 }, tops).start;
    while (first < items.length - 1 && !anchorable(items[first] as T)) first++;
    const item = items[first];
    anchor.current = item === undefined ? undefined : { key: keyOf(item), offset: (tops[first] ?? 0) - scrollTop };
    setView({ scrollTop, viewport: clientHeight });
    if (scrollTop < OVERSCAN_PX) onNearTop?.();
  };

  const rows: ComponentChild[] = [];
  for (let i = window.start; i < window.end; i++) {
    const item = items[i] as T;
    const key = keyOf(item);
    rows.push(
      <div key={key} data-row-key={key} class="virtual-row" role="none">
        {render(item)}
      </div>,
    );
  }
  const isLog = props.role === 'log';
  // Focusable either way: a scrolling region must be reachable from the keyboard.
  return (
    <div
      class="virtual-scroller"
      ref={scroller}
      onScroll={onScroll}
      onKeyDown={props.onKeyDown}
      id={props.id}
      role={props.role}
      aria-label={props.label}
      aria-live={isLog ? 'polite' : undefined}
      aria-activedescendant={props.activeDescendant}
      tabIndex={0}
    >
      <div style={{ height: `${window.padTop}px` }} role="none" />
      {rows}
      <div style={{ height: `${window.padBottom}px` }} role="none" />
    </div>
  );
}
