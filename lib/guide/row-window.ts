// Which guide rows to render: the ones in the scroller's viewport plus a few either side,
// from the scroll position alone (every row has the same height), so a 300-channel day
// renders ~20 rows instead of 300. Pure: the grid component and its unit test share it.

/** Rows rendered above and below the viewport, so a fast scroll does not show blanks. */
export const OVERSCAN_ROWS = 4;

export interface RowGeometry {
  /** Height of one channel row, px. */
  rowPx: number;
  /** Height of the sticky time ruler above the first row, px. */
  headerPx: number;
}

/** [first, end) row indexes to render for a scroll position and viewport height. */
export function rowWindow(scrollTop: number, viewportPx: number, rowCount: number, geometry: RowGeometry): [number, number] {
  if (rowCount <= 0) return [0, 0];
  const top = Math.max(0, scrollTop - geometry.headerPx);
  const bottom = Math.max(0, scrollTop + viewportPx - geometry.headerPx);
  const first = Math.max(0, Math.floor(top / geometry.rowPx) - OVERSCAN_ROWS);
  const end = Math.min(rowCount, Math.ceil(bottom / geometry.rowPx) + OVERSCAN_ROWS);
  return [Math.min(first, end), end];
}

/** The rows to render, in order: the window, plus the focused row wherever it is (focus must not be lost). */
export function renderedRows([first, end]: [number, number], activeRow: number, rowCount: number): number[] {
  const indexes: number[] = [];
  if (activeRow >= 0 && activeRow < first && activeRow < rowCount) indexes.push(activeRow);
  for (let index = first; index < end; index++) indexes.push(index);
  if (activeRow >= end && activeRow < rowCount) indexes.push(activeRow);
  return indexes;
}

/**
 * The scrollTop that brings row `index` fully into view below the sticky ruler, moving as
 * little as possible; the current scrollTop when it is visible already.
 */
export function scrollTopToReveal(index: number, scrollTop: number, viewportPx: number, geometry: RowGeometry): number {
  const rowTop = geometry.headerPx + index * geometry.rowPx;
  const rowBottom = rowTop + geometry.rowPx;
  if (rowTop - geometry.headerPx < scrollTop) return rowTop - geometry.headerPx;
  if (rowBottom > scrollTop + viewportPx) return rowBottom - viewportPx;
  return scrollTop;
}
