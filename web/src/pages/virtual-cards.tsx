import { Fragment, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { CARD_ROW_PX, rangeFor, type Range } from '../virtual-range.ts';

/**
 * A column's cards, of which only those in view (plus a few) are in the DOM: a column of 5,000
 * deals costs about as much to render and to scroll as one of twenty. Spacers above and below
 * keep the scrollbar true to the whole list. `count` may exceed the items fetched so far: the
 * missing ones show as placeholders, and `onRange` says how far the view reaches so the caller
 * can fetch more.
 */
export function VirtualCards<T>({
  items,
  count = items.length,
  itemKey,
  renderItem,
  label,
  onRange,
}: {
  items: readonly T[];
  count?: number;
  itemKey: (item: T) => string;
  /** One `<li>` of fixed height (CARD_ROW_PX with its margin). */
  renderItem: (item: T) => ReactNode;
  label: string;
  onRange?: (end: number) => void;
}) {
  const ref = useRef<HTMLUListElement>(null);
  const frame = useRef(0);
  const [range, setRange] = useState<Range>(() => rangeFor(0, 800, count));

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      frame.current = 0;
      const next = rangeFor(el.scrollTop, el.clientHeight, count);
      setRange((r) => (r.start === next.start && r.end === next.end ? r : next));
    };
    // At most one range update per frame, however many scroll events arrive.
    const onScroll = () => {
      if (frame.current === 0) frame.current = requestAnimationFrame(update);
    };
    update();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
      if (frame.current !== 0) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [count]);

  const reach = useRef(onRange);
  reach.current = onRange;
  useLayoutEffect(() => reach.current?.(range.end), [range.end, items.length]);

  const visible = items.slice(range.start, Math.min(range.end, items.length));
  const placeholders = Math.max(0, range.end - Math.max(range.start, items.length));
  return (
    <ul className="cards virtual" ref={ref} aria-label={label} data-count={count}>
      {range.start > 0 && <li className="spacer" aria-hidden="true" style={{ height: range.start * CARD_ROW_PX }} />}
      {visible.map((item) => (
        <Fragment key={itemKey(item)}>{renderItem(item)}</Fragment>
      ))}
      {Array.from({ length: placeholders }, (_, i) => (
        <li key={`placeholder-${i}`} className="deal-card placeholder" aria-hidden="true" />
      ))}
      {range.end < count && (
        <li className="spacer" aria-hidden="true" style={{ height: (count - range.end) * CARD_ROW_PX }} />
      )}
    </ul>
  );
}
