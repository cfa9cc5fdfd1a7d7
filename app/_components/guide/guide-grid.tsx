'use client';
// The guide grid, rendered from the day's compact data (shipped once, not as a rendered
// tree plus its props). An ARIA grid: rows are channels, row headers their names, each
// programme a gridcell; arrow keys move between cells with a roving tabindex.
// Virtualised: rows have one fixed height, so only the rows in and near the scroller's
// viewport are in the DOM (lib/guide/row-window.ts), plus the focused row wherever it is.
// aria-rowcount / aria-rowindex tell assistive tech where each rendered row sits.
import { useRouter } from 'next/navigation';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { decodeAirings, instantOf, type CompactGuideDay } from '@/lib/guide/compact';
import { guidePath } from '@/lib/guide/guide-url';
import { renderedRows, rowWindow, scrollTopToReveal } from '@/lib/guide/row-window';
import { dateInZone } from '@/lib/time/zoned';
import styles from './guide-grid.module.css';
import { GuideBadgesProvider } from '@/app/_components/entitlements/guide-badges';
import { covers, GuideRow, PX_PER_MINUTE, ROW_HEADER_PX, type GridRow } from './guide-row';
import type { SelectedAiring } from './programme-dialog';
import { useNow } from './use-now';

// The details dialog is a separate chunk, fetched on the first open rather than shipped with
// the page (DESIGN P8: first-load JS). React's lazy(), not next/dynamic, whose own machinery
// would cost about what it saves.
const ProgrammeDialog = lazy(() => import('./programme-dialog').then((module) => ({ default: module.ProgrammeDialog })));

/** Row and ruler heights, px: 3.5rem and 1.75rem in the CSS module. */
const GEOMETRY = { rowPx: 56, headerPx: 28 };
/** Rows in the server's HTML (before the scroller can be measured): a tall viewport's worth. */
const SERVER_ROWS = 14;

export function GuideGrid({ day }: { day: CompactGuideDay }) {
  const router = useRouter();
  const now = useNow();
  const [group, setGroup] = useState(-1);
  const [genre, setGenre] = useState(-1);
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const [selected, setSelected] = useState<SelectedAiring | null>(null);
  // The dialog is mounted from the first open on (then kept, so closing works as it always did).
  const [dialogWanted, setDialogWanted] = useState(false);
  const [range, setRange] = useState<[number, number]>([0, SERVER_ROWS]);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const time = useMemo(
    () => new Intl.DateTimeFormat('en-GB', { timeZone: day.zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    [day.zone],
  );
  const clock = useCallback((minute: number) => time.format(instantOf(day, minute)), [time, day]);

  const rows = useMemo<GridRow[]>(() => {
    const visible: GridRow[] = [];
    for (const channel of day.channels) {
      if (group !== -1 && channel[3] !== group) continue;
      const all = decodeAirings(day, channel);
      const airings = genre === -1 ? all : all.filter((airing) => airing.program[2].includes(genre));
      if (genre !== -1 && airings.length === 0) continue;
      visible.push({ slug: channel[0], number: channel[1], name: channel[2], airings });
    }
    return visible;
  }, [day, group, genre]);
  // For the scroll handler and cell callbacks, which must stay stable across renders.
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  }, [rows]);

  // The window follows the scroll position; state changes only when the window does.
  const updateRange = useCallback(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const next = rowWindow(scroller.scrollTop, scroller.clientHeight, rowsRef.current.length, GEOMETRY);
    setRange((current) => (current[0] === next[0] && current[1] === next[1] ? current : next));
  }, []);
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    let frame = 0;
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(() => ((frame = 0), updateRange()));
    };
    const resize = new ResizeObserver(updateRange);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    resize.observe(scroller);
    updateRange();
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [updateRange]);
  useEffect(updateRange, [rows, updateRange]);

  // After a filter shrinks the rows, the first row holds the tab stop.
  const activeRow = active[0] < rows.length ? active[0] : 0;
  const activeColumn = active[0] < rows.length ? active[1] : 0;
  const nowMinute = now === null ? null : (now - day.start) / 60_000;
  const isToday = nowMinute !== null && nowMinute >= 0 && nowMinute < day.minutes;

  const focusCell = useCallback((rowIndex: number, column: number) => {
    setActive([rowIndex, column]);
    // Bring the row into view under the ruler first (it is rendered: the focused row always
    // is), then, once React has re-rendered the tabindex, move the focus there; focus()
    // scrolls horizontally to the cell.
    const scroller = scrollerRef.current;
    if (scroller) {
      const viewport = scroller.clientHeight;
      scroller.scrollTop = scrollTopToReveal(rowIndex, scroller.scrollTop, viewport, GEOMETRY);
    }
    requestAnimationFrame(() => {
      cellElement(gridRef.current, rowIndex, column)?.focus();
    });
  }, []);

  const openCell = useCallback((rowIndex: number, column: number) => {
    const row = rowsRef.current[rowIndex];
    const airing = row?.airings[column];
    setActive([rowIndex, column]);
    if (row && airing) {
      setDialogWanted(true);
      setSelected({ channel: row.name, channelSlug: row.slug, airing });
    }
  }, []);

  const scrollToMinute = useCallback((minute: number) => {
    scrollerRef.current?.scrollTo({ left: Math.max(0, minute * PX_PER_MINUTE - 60 * PX_PER_MINUTE) });
  }, []);

  // On today's page, open at the current time rather than at midnight.
  const scrolledToNow = useRef(false);
  useEffect(() => {
    if (isToday && nowMinute !== null && !scrolledToNow.current) {
      scrolledToNow.current = true;
      scrollToMinute(nowMinute);
    }
  }, [isToday, nowMinute, scrollToMinute]);

  function jumpToNow() {
    const today = dateInZone(new Date(), day.zone);
    if (today !== day.date || nowMinute === null) {
      router.push(guidePath(today, day.zone));
      return;
    }
    scrollToMinute(nowMinute);
    const rowIndex = Math.min(activeRow, rows.length - 1);
    const column = rows[rowIndex]?.airings.findIndex((airing) => covers(airing, nowMinute)) ?? -1;
    if (rowIndex >= 0) focusCell(rowIndex, Math.max(0, column));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const [rowIndex, column] = [activeRow, activeColumn];
    const row = rows[rowIndex];
    if (!row) return;
    const lastColumn = Math.max(0, row.airings.length - 1);
    const verticalTarget = (targetRow: number): [number, number] => {
      const target = rows[targetRow];
      if (!target || column < 0) return [targetRow, column];
      const current = row.airings[column];
      const minute = current ? Math.max(current.startMinute, 0) : 0;
      const match = target.airings.findIndex((airing) => covers(airing, minute) || airing.startMinute >= minute);
      return [targetRow, match === -1 ? Math.max(0, target.airings.length - 1) : match];
    };
    let next: [number, number] | null = null;
    switch (event.key) {
      case 'ArrowRight':
        next = [rowIndex, Math.min(column + 1, lastColumn)];
        break;
      case 'ArrowLeft':
        next = [rowIndex, Math.max(column - 1, -1)];
        break;
      case 'ArrowDown':
        next = verticalTarget(Math.min(rowIndex + 1, rows.length - 1));
        break;
      case 'ArrowUp':
        next = verticalTarget(Math.max(rowIndex - 1, 0));
        break;
      case 'PageDown':
        next = verticalTarget(Math.min(rowIndex + 10, rows.length - 1));
        break;
      case 'PageUp':
        next = verticalTarget(Math.max(rowIndex - 10, 0));
        break;
      case 'Home':
        next = event.ctrlKey ? [0, -1] : [rowIndex, -1];
        break;
      case 'End': {
        // Ctrl+End: the last programme of the last row (its own last column, not this row's).
        const lastRow = rows.length - 1;
        next = event.ctrlKey ? [lastRow, Math.max(0, (rows[lastRow]?.airings.length ?? 1) - 1)] : [rowIndex, lastColumn];
        break;
      }
      default:
        return;
    }
    event.preventDefault();
    focusCell(next[0], next[1]);
  }

  const width = ROW_HEADER_PX + day.minutes * PX_PER_MINUTE;
  const hours = Array.from({ length: Math.ceil(day.minutes / 60) }, (_, hour) => hour * 60);

  return (
    <GuideBadgesProvider day={day}>
      <div className={styles.toolbar}>
        <label>
          Channel group
          <select value={group} onChange={(event) => setGroup(Number(event.target.value))}>
            <option value={-1}>All channels</option>
            {day.groups.map(([slug, name], index) => (
              <option key={slug} value={index}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Genre
          <select value={genre} onChange={(event) => setGenre(Number(event.target.value))}>
            <option value={-1}>All genres</option>
            {day.genres
              .map((name, index) => [name, index] as const)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([name, index]) => (
                <option key={name} value={index}>
                  {name}
                </option>
              ))}
          </select>
        </label>
        <button type="button" onClick={jumpToNow}>
          Jump to now
        </button>
      </div>
      <div className={styles.scroller} ref={scrollerRef}>
        <div
          role="grid"
          aria-label="TV guide"
          aria-rowcount={rows.length + 1}
          className={styles.grid}
          style={{ width, height: GEOMETRY.headerPx + rows.length * GEOMETRY.rowPx }}
          ref={gridRef}
          onKeyDown={onKeyDown}
        >
          <div role="row" aria-rowindex={1} className={styles.ruler}>
            <div role="columnheader" className={styles.head}>
              Channel
            </div>
            <div role="columnheader" className={styles.hours} style={{ width: day.minutes * PX_PER_MINUTE }}>
              <span className={styles.srOnly}>Programmes</span>
              {hours.map((minute) => (
                <span key={minute} aria-hidden="true" style={{ left: minute * PX_PER_MINUTE }}>
                  {clock(minute)}
                </span>
              ))}
            </div>
          </div>
          {renderedRows(range, activeRow, rows.length).map((rowIndex) => {
            const row = rows[rowIndex];
            if (!row) return null;
            return (
              <GuideRow
                key={row.slug}
                row={row}
                rowIndex={rowIndex}
                top={GEOMETRY.headerPx + rowIndex * GEOMETRY.rowPx}
                heightPx={GEOMETRY.rowPx}
                dayMinutes={day.minutes}
                tabColumn={rowIndex === activeRow ? activeColumn : null}
                nowMinute={nowMinute}
                clock={clock}
                onOpen={openCell}
              />
            );
          })}
          {isToday && nowMinute !== null && (
            <div aria-hidden="true" className={styles.nowLine} style={{ left: ROW_HEADER_PX + nowMinute * PX_PER_MINUTE }} />
          )}
        </div>
      </div>
      {dialogWanted && (
        <Suspense fallback={null}>
          <ProgrammeDialog
            selected={selected}
            day={day}
            clock={clock}
            onClose={() => {
              setSelected(null);
              cellElement(gridRef.current, active[0], active[1])?.focus();
            }}
          />
        </Suspense>
      )}
    </GuideBadgesProvider>
  );
}

/** The focusable element of a cell, found by its row's aria-rowindex: column -1 is the row header's link. */
function cellElement(grid: HTMLElement | null, rowIndex: number, column: number): HTMLElement | null {
  const row = grid?.querySelector(`[aria-rowindex="${rowIndex + 2}"]`);
  const cell = row?.children[column + 1];
  if (!(cell instanceof HTMLElement)) return null;
  return column === -1 ? cell.querySelector('a') : cell;
}
