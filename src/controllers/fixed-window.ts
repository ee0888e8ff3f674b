/**
 * Which rows of a long list of fixed-height rows to render for a scroll position: work per frame
 * depends on what is visible, not on the length of the list. Fixed heights make it arithmetic,
 * which is why this is not @lit-labs/virtualizer or TanStack Virtual: each adds ~9.5 KB
 * min+gzip, more than half of the picker's whole 14 KB budget.
 */
export interface WindowRange {
  start: number;
  end: number;
}

export function visibleRange(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan = 6,
): WindowRange {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(count, first + visible + overscan),
  };
}

/** The scrollTop that brings a row fully into view, or the current one when it already is. */
export function scrollTopToReveal(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return scrollTop;
}
