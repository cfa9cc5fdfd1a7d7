'use client';
// The day as a vertical timeline, one pixel per minute of real time (a clock-change day is
// 23 or 25 hours tall). Blocks are focusable: arrows move by 5 minutes, Shift+arrows
// resize, Delete removes, Enter edits; the same moves work by dragging (snapped to 5
// minutes). Every change is announced through the editor's live region.
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { moveBy, MINUTE_MS, resizeBy, STEP_MINUTES } from '@/lib/schedule/edit';
import { localTimeOf, repeatedLocalTime } from '@/lib/schedule/local-time';
import type { ScheduleAiring } from '@/lib/schedule/types';
import styles from './schedule.module.css';

interface TimelineProps {
  airings: ScheduleAiring[];
  neighbours: ScheduleAiring[];
  conflicts: ReadonlySet<string>;
  dayStart: string;
  dayEnd: string;
  timeZone: string;
  onChange: (id: string, next: ScheduleAiring, announcement: string) => void;
  onRemove: (airing: ScheduleAiring) => void;
  onEdit: (airing: ScheduleAiring) => void;
}

const PX_PER_MINUTE = 1;

interface Drag {
  id: string;
  mode: 'move' | 'resize';
  startY: number;
  original: ScheduleAiring;
  preview: ScheduleAiring;
}

export function Timeline({ airings, neighbours, conflicts, dayStart, dayEnd, timeZone, onChange, onRemove, onEdit }: TimelineProps) {
  const start = Date.parse(dayStart);
  const end = Date.parse(dayEnd);
  const [drag, setDrag] = useState<Drag | null>(null);
  const dragRef = useRef<Drag | null>(null);
  const label = (airing: ScheduleAiring) => {
    const from = new Date(airing.startsAt);
    const repeated = repeatedLocalTime(from, timeZone);
    return `${airing.programTitle} ${localTimeOf(from, timeZone)}${repeated ? ` (${repeated} of two)` : ''}–${localTimeOf(new Date(airing.endsAt), timeZone)}`;
  };
  const top = (iso: string) => Math.max(0, (Date.parse(iso) - start) / MINUTE_MS) * PX_PER_MINUTE;
  const height = (airing: ScheduleAiring) => Math.max(8, (Math.min(Date.parse(airing.endsAt), end) - Math.max(Date.parse(airing.startsAt), start)) / MINUTE_MS) * PX_PER_MINUTE;

  const hours: { at: number; text: string }[] = [];
  for (let instant = start; instant < end; instant += 60 * MINUTE_MS) hours.push({ at: instant, text: localTimeOf(new Date(instant), timeZone) });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>, airing: ScheduleAiring) {
    const step = event.key === 'ArrowUp' ? -STEP_MINUTES : event.key === 'ArrowDown' ? STEP_MINUTES : 0;
    if (step !== 0) {
      event.preventDefault();
      const next = event.shiftKey ? resizeBy(airing, step) : moveBy(airing, step);
      onChange(airing.id, next, `${event.shiftKey ? 'Resized' : 'Moved'}: ${label(next)}`);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onRemove(airing);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onEdit(airing);
    }
  }

  function pointerDown(event: PointerEvent<HTMLElement>, airing: ScheduleAiring, mode: Drag['mode']) {
    if (event.button !== 0) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    const next = { id: airing.id, mode, startY: event.clientY, original: airing, preview: airing };
    dragRef.current = next;
    setDrag(next);
  }

  function pointerMove(event: PointerEvent<HTMLElement>) {
    const current = dragRef.current;
    if (!current) return;
    const minutes = Math.round((event.clientY - current.startY) / PX_PER_MINUTE / STEP_MINUTES) * STEP_MINUTES;
    const preview = current.mode === 'move' ? moveBy(current.original, minutes) : resizeBy(current.original, minutes);
    dragRef.current = { ...current, preview };
    setDrag(dragRef.current);
  }

  function pointerUp() {
    const current = dragRef.current;
    dragRef.current = null;
    setDrag(null);
    if (current && (current.preview.startsAt !== current.original.startsAt || current.preview.endsAt !== current.original.endsAt)) {
      onChange(current.id, current.preview, `${current.mode === 'move' ? 'Moved' : 'Resized'}: ${label(current.preview)}`);
    }
  }

  return (
    <div className={styles.timeline} style={{ height: ((end - start) / MINUTE_MS) * PX_PER_MINUTE }} aria-label="Timeline" role="group">
      {hours.map((hour) => (
        <div key={hour.at} className={styles.hour} style={{ top: ((hour.at - start) / MINUTE_MS) * PX_PER_MINUTE }} aria-hidden="true">
          <span>{hour.text}</span>
        </div>
      ))}
      {neighbours
        .filter((airing) => Date.parse(airing.startsAt) < end && Date.parse(airing.endsAt) > start)
        .map((airing) => (
          <div
            key={`n-${airing.id}`}
            className={`${styles.block} ${styles.neighbour} ${conflicts.has(airing.id) ? styles.conflict : ''}`}
            style={{ top: top(airing.startsAt), height: height(airing) }}
            title={`From the neighbouring day: ${label(airing)}`}
          >
            {label(airing)} (neighbouring day)
          </div>
        ))}
      {airings.map((shown) => {
        const airing = drag?.id === shown.id ? drag.preview : shown;
        const conflicted = conflicts.has(shown.id);
        return (
          <div
            key={shown.id}
            role="button"
            tabIndex={0}
            aria-label={`${label(airing)}${conflicted ? ', conflict' : ''}`}
            aria-describedby="schedule-block-help"
            className={`${styles.block} ${conflicted ? styles.conflict : ''}`}
            style={{ top: top(airing.startsAt), height: height(airing) }}
            onKeyDown={(event) => onKeyDown(event, shown)}
            onPointerDown={(event) => pointerDown(event, shown, 'move')}
            onPointerMove={pointerMove}
            onPointerUp={pointerUp}
            onPointerCancel={pointerUp}
            onDoubleClick={() => onEdit(shown)}
          >
            {label(airing)}
            {conflicted ? <strong> · conflict</strong> : null}
            <span
              className={styles.resize}
              aria-hidden="true"
              onPointerDown={(event) => pointerDown(event, shown, 'resize')}
              onPointerMove={pointerMove}
              onPointerUp={pointerUp}
            />
          </div>
        );
      })}
      <p id="schedule-block-help" className={styles.srOnly}>
        Arrow keys move by 5 minutes, Shift with arrow keys changes the end, Delete removes, Enter edits.
      </p>
    </div>
  );
}
