'use client';
// The guide grid, rendered from the day's compact data (shipped once, not as a rendered
// tree plus its props). An ARIA grid: rows are channels, row headers their names, each
// programme a gridcell; arrow keys move between cells with a roving tabindex.
import { useRouter } from 'next/navigation';
import { Fragment, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { AIRING_FLAGS, decodeAirings, instantOf, type CompactGuideDay, type DecodedAiring } from '@/lib/guide/compact';
import { guidePath } from '@/lib/guide/guide-url';
import { dateInZone } from '@/lib/time/zoned';
import styles from './guide-grid.module.css';
import { ProgrammeDialog, type SelectedAiring } from './programme-dialog';
import { useNow } from './use-now';

const PX_PER_MINUTE = 4;
/**
 * Rows rendered into the HTML: enough to fill a tall viewport. The rest render from the
 * shipped day data once the page is interactive, so a 300-channel page does not ship
 * 300 rows of markup AND the data they came from.
 */
const SERVER_ROWS = 12;
const ROW_HEADER_PX = 192; // 12rem, as in the CSS module
const BADGES: [number, string][] = [
  [AIRING_FLAGS.live, 'Live'],
  [AIRING_FLAGS.new, 'New'],
  [AIRING_FLAGS.premiere, 'Premiere'],
  [AIRING_FLAGS.repeat, 'Repeat'],
];

interface GridRow {
  slug: string;
  number: number;
  name: string;
  airings: DecodedAiring[];
}

export function GuideGrid({ day }: { day: CompactGuideDay }) {
  const router = useRouter();
  const now = useNow();
  const mounted = now !== null;
  const [group, setGroup] = useState(-1);
  const [genre, setGenre] = useState(-1);
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const [selected, setSelected] = useState<SelectedAiring | null>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const time = useMemo(
    () => new Intl.DateTimeFormat('en-GB', { timeZone: day.zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    [day.zone],
  );
  const clock = (minute: number) => time.format(instantOf(day, minute));

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

  const nowMinute = now === null ? null : (now - day.start) / 60_000;
  const isToday = nowMinute !== null && nowMinute >= 0 && nowMinute < day.minutes;

  const focusCell = useCallback((rowIndex: number, column: number) => {
    setActive([rowIndex, column]);
    // After React re-renders the tabindex, move the focus there.
    requestAnimationFrame(() => {
      cellElement(gridRef.current, rowIndex, column)?.focus();
    });
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
    const rowIndex = Math.min(active[0], rows.length - 1);
    const column = rows[rowIndex]?.airings.findIndex((airing) => covers(airing, nowMinute)) ?? -1;
    if (rowIndex >= 0) focusCell(rowIndex, Math.max(0, column));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const [rowIndex, column] = active;
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
      case 'End':
        next = event.ctrlKey ? [rows.length - 1, lastColumn] : [rowIndex, lastColumn];
        break;
      default:
        return;
    }
    event.preventDefault();
    focusCell(next[0], next[1]);
  }

  const tabStop = (rowIndex: number, column: number) =>
    (active[0] === rowIndex || (active[0] >= rows.length && rowIndex === 0)) && active[1] === column ? 0 : -1;
  const width = ROW_HEADER_PX + day.minutes * PX_PER_MINUTE;
  const hours = Array.from({ length: Math.ceil(day.minutes / 60) }, (_, hour) => hour * 60);

  return (
    <>
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
          style={{ width }}
          ref={gridRef}
          onKeyDown={onKeyDown}
        >
          <div role="row" aria-rowindex={1} className={`${styles.row} ${styles.ruler}`}>
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
          {(mounted ? rows : rows.slice(0, SERVER_ROWS)).map((row, rowIndex) => {
            const nowIndex = nowMinute === null ? -1 : row.airings.findIndex((airing) => covers(airing, nowMinute));
            const nextIndex = nowMinute === null ? -1 : row.airings.findIndex((airing) => airing.startMinute > nowMinute);
            return (
              <div role="row" aria-rowindex={rowIndex + 2} key={row.slug} className={styles.row}>
                <div role="rowheader" className={styles.head}>
                  <a href={`/channels/${row.slug}`} tabIndex={tabStop(rowIndex, -1)}>
                    <span>{row.number}</span> {row.name}
                  </a>
                </div>
                {row.airings.length === 0 ? (
                  <div
                    role="gridcell"
                    className={`${styles.cell} ${styles.empty}`}
                    style={{ left: ROW_HEADER_PX, width: day.minutes * PX_PER_MINUTE }}
                    tabIndex={tabStop(rowIndex, 0)}
                  >
                    No programmes scheduled
                  </div>
                ) : (
                  row.airings.map((airing, column) => {
                    const left = Math.max(airing.startMinute, 0);
                    const right = Math.min(airing.startMinute + airing.minutes, day.minutes);
                    const state = column === nowIndex ? 'Now' : column === nextIndex ? 'Next' : null;
                    return (
                      <div
                        role="gridcell"
                        key={`${airing.startMinute}:${column}`}
                        className={state === 'Now' ? `${styles.cell} ${styles.now}` : styles.cell}
                        aria-current={state === 'Now' ? 'time' : undefined}
                        style={{ left: ROW_HEADER_PX + left * PX_PER_MINUTE, width: (right - left) * PX_PER_MINUTE }}
                        tabIndex={tabStop(rowIndex, column)}
                        onClick={() => {
                          setActive([rowIndex, column]);
                          setSelected({ channel: row.name, channelSlug: row.slug, airing });
                        }}
                        onKeyDown={(event) => {
                          if (event.key === 'Enter' || event.key === ' ') {
                            event.preventDefault();
                            setSelected({ channel: row.name, channelSlug: row.slug, airing });
                          }
                        }}
                      >
                        <i>
                          {clock(airing.startMinute)}–{clock(airing.startMinute + airing.minutes)}
                        </i>
                        <b>{airing.program[0]}</b>
                        {/* Spaces between the parts keep the cell's accessible name readable. */}
                        {state && <> <span className={styles.badge}>{state}</span></>}
                        {BADGES.map(([flag, label]) =>
                          airing.flags & flag ? (
                            <Fragment key={label}>
                              {' '}
                              <span className={styles.badge}>{label}</span>
                            </Fragment>
                          ) : null,
                        )}
                      </div>
                    );
                  })
                )}
              </div>
            );
          })}
          {isToday && nowMinute !== null && (
            <div aria-hidden="true" className={styles.nowLine} style={{ left: ROW_HEADER_PX + nowMinute * PX_PER_MINUTE }} />
          )}
        </div>
      </div>
      <ProgrammeDialog
        selected={selected}
        day={day}
        clock={clock}
        onClose={() => {
          setSelected(null);
          cellElement(gridRef.current, active[0], active[1])?.focus();
        }}
      />
    </>
  );
}

/** The focusable element of a cell: column -1 is the row header's link. Rows follow the ruler row. */
function cellElement(grid: HTMLElement | null, rowIndex: number, column: number): HTMLElement | null {
  const row = grid?.children[rowIndex + 1];
  const cell = row?.children[column + 1];
  if (!(cell instanceof HTMLElement)) return null;
  return column === -1 ? cell.querySelector('a') : cell;
}

function covers(airing: DecodedAiring, minute: number): boolean {
  return airing.startMinute <= minute && minute < airing.startMinute + airing.minutes;
}

