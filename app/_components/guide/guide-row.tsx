'use client';
// One channel row of the guide grid: its header and one gridcell per airing, positioned
// at a fixed height by the (virtualised) grid. Memoised: scrolling adds and removes rows
// without re-rendering the ones that stay.
import { memo } from 'react';
import type { DecodedAiring } from '@/lib/guide/compact';
import styles from './guide-grid.module.css';
import { ChannelLockBadge, channelLockDescriptionId } from '@/app/_components/entitlements/guide-badges';
import { SlotBadges, type SlotState } from './slot-badges';

export const PX_PER_MINUTE = 4;
export const ROW_HEADER_PX = 192; // 12rem, as in the CSS module

export interface GridRow {
  slug: string;
  number: number;
  name: string;
  airings: DecodedAiring[];
}

interface GuideRowProps {
  row: GridRow;
  rowIndex: number;
  /** Px from the grid's top. */
  top: number;
  heightPx: number;
  dayMinutes: number;
  /** The column in the tab order (-1: the row header), or null when the focus is on another row. */
  tabColumn: number | null;
  /** Minutes since the day's start by the browser's clock; null before hydration. */
  nowMinute: number | null;
  clock: (minute: number) => string;
  /** A cell was clicked or activated with Enter/Space: open its programme's details. */
  onOpen: (rowIndex: number, column: number) => void;
}

export function covers(airing: DecodedAiring, minute: number): boolean {
  return airing.startMinute <= minute && minute < airing.startMinute + airing.minutes;
}

export const GuideRow = memo(function GuideRow({ row, rowIndex, top, heightPx, dayMinutes, tabColumn, nowMinute, clock, onOpen }: GuideRowProps) {
  const tabIndex = (column: number) => (tabColumn === column ? 0 : -1);
  const nowIndex = nowMinute === null ? -1 : row.airings.findIndex((airing) => covers(airing, nowMinute));
  const nextIndex = nowMinute === null ? -1 : row.airings.findIndex((airing) => airing.startMinute > nowMinute);
  return (
    <div role="row" aria-rowindex={rowIndex + 2} className={styles.row} style={{ top, height: heightPx }}>
      <div role="rowheader" className={styles.head}>
        <a href={`/channels/${row.slug}`} tabIndex={tabIndex(-1)} aria-describedby={channelLockDescriptionId(row.slug)}>
          <span>{row.number}</span> {row.name}
        </a>
        <ChannelLockBadge slug={row.slug} />
      </div>
      {row.airings.length === 0 ? (
        <div
          role="gridcell"
          className={`${styles.cell} ${styles.empty}`}
          style={{ left: ROW_HEADER_PX, width: dayMinutes * PX_PER_MINUTE }}
          tabIndex={tabIndex(0)}
        >
          No programmes scheduled
        </div>
      ) : (
        row.airings.map((airing, column) => {
          const left = Math.max(airing.startMinute, 0);
          const right = Math.min(airing.startMinute + airing.minutes, dayMinutes);
          const state: SlotState = column === nowIndex ? 'Now' : column === nextIndex ? 'Next' : null;
          return (
            <div
              role="gridcell"
              key={`${airing.startMinute}:${column}`}
              className={state === 'Now' ? `${styles.cell} ${styles.now}` : styles.cell}
              aria-current={state === 'Now' ? 'time' : undefined}
              style={{ left: ROW_HEADER_PX + left * PX_PER_MINUTE, width: (right - left) * PX_PER_MINUTE }}
              tabIndex={tabIndex(column)}
              onClick={() => onOpen(rowIndex, column)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onOpen(rowIndex, column);
                }
              }}
            >
              <i>
                {clock(airing.startMinute)}–{clock(airing.startMinute + airing.minutes)}
              </i>
              <b>{airing.program[0]}</b>
              <SlotBadges channelSlug={row.slug} airing={airing} state={state} />
            </div>
          );
        })
      )}
    </div>
  );
});
