import { describe, expect, it } from 'vitest';
import { OVERSCAN_ROWS, renderedRows, rowWindow, scrollTopToReveal } from './row-window';

const geometry = { rowPx: 56, headerPx: 28 };

describe('rowWindow', () => {
  it('renders the rows in view plus the overscan below at the top', () => {
    // 600 px of viewport minus the 28 px ruler shows rows 0..10 (the 11th partly).
    expect(rowWindow(0, 600, 300, geometry)).toEqual([0, 11 + OVERSCAN_ROWS]);
  });

  it('moves with the scroll position and keeps the overscan on both sides', () => {
    const scrollTop = 28 + 100 * 56; // row 100 at the top of the viewport
    expect(rowWindow(scrollTop, 560, 300, geometry)).toEqual([100 - OVERSCAN_ROWS, 110 + OVERSCAN_ROWS]);
  });

  it('never leaves the rows that exist', () => {
    expect(rowWindow(28 + 298 * 56, 560, 300, geometry)).toEqual([298 - OVERSCAN_ROWS, 300]);
    expect(rowWindow(1_000_000, 560, 300, geometry)).toEqual([300, 300]);
    expect(rowWindow(0, 560, 3, geometry)).toEqual([0, 3]);
    expect(rowWindow(0, 560, 0, geometry)).toEqual([0, 0]);
  });
});

describe('renderedRows', () => {
  it('is the window when the focused row is inside it', () => {
    expect(renderedRows([10, 14], 12, 300)).toEqual([10, 11, 12, 13]);
  });

  it('adds a focused row outside the window, in row order', () => {
    expect(renderedRows([10, 13], 2, 300)).toEqual([2, 10, 11, 12]);
    expect(renderedRows([10, 13], 250, 300)).toEqual([10, 11, 12, 250]);
  });

  it('ignores a focused row that no longer exists (after a filter)', () => {
    expect(renderedRows([0, 3], 250, 3)).toEqual([0, 1, 2]);
  });
});

describe('scrollTopToReveal', () => {
  it('keeps the position when the row is fully visible', () => {
    expect(scrollTopToReveal(3, 0, 560, geometry)).toBe(0);
  });

  it('scrolls down just enough to show a row below the viewport', () => {
    // Row 20 ends at 28 + 21 * 56 = 1204 px.
    expect(scrollTopToReveal(20, 0, 560, geometry)).toBe(1204 - 560);
  });

  it('scrolls up so a row above the viewport sits just under the sticky ruler', () => {
    expect(scrollTopToReveal(5, 2000, 560, geometry)).toBe(5 * 56);
  });
});
