// A vertical list that renders only the rows near the viewport. Row heights are measured after
// they are shown; a row's screen position is kept steady while heights settle, older rows are
// prepended or the window resizes, and the list follows the bottom while it is at the bottom.
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
  readonly label: string;
}

const OVERSCAN_PX = 600;
const STICK_PX = 24;

export function VirtualList<T>({ items, keyOf, estimate, render, onNearTop, label }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const anchor = useRef<{ key: string; offset: number } | undefined>(undefined);
  const stick = useRef(true);
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
    if (element === null) return undefined;
    const observer = new ResizeObserver(() => setView({ scrollTop: element.scrollTop, viewport: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = (): void => {
    const element = scroller.current;
    if (element === null) return;
    const { scrollTop, clientHeight, scrollHeight } = element;
    stick.current = scrollHeight - scrollTop - clientHeight < STICK_PX;
    const first = virtualWindow({ count: items.length, heightOf, scrollTop, viewport: 0, overscan: 0 }, tops).start;
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
      <div key={key} data-row-key={key} class="virtual-row">
        {render(item)}
      </div>,
    );
  }
  return (
    <div class="virtual-scroller" ref={scroller} onScroll={onScroll} role="log" aria-label={label} aria-live="polite" tabIndex={0}>
      <div style={{ height: `${window.padTop}px` }} aria-hidden="true" />
      {rows}
      <div style={{ height: `${window.padBottom}px` }} aria-hidden="true" />
    </div>
  );
}
