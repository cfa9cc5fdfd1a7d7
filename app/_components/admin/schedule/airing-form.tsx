'use client';
// Add or edit one airing by typing: program, local start time, duration. A start time
// that does not exist on the day (clocks go forward) is refused; one that happens twice
// (clocks go back) must be chosen explicitly. Nothing is moved silently.
import { useState, type FormEvent } from 'react';
import { resolveLocalTime, isLocalTime, localTimeOf } from '@/lib/schedule/local-time';
import { MINUTE_MS } from '@/lib/schedule/edit';
import type { ScheduleAiring } from '@/lib/schedule/types';
import { ProgramPicker } from './program-picker';
import styles from './schedule.module.css';

interface AiringFormProps {
  date: string;
  timeZone: string;
  editing: ScheduleAiring | null;
  onSubmit: (airing: Omit<ScheduleAiring, 'id'> & { id?: string }) => void;
  onCancel: () => void;
}

export function AiringForm({ date, timeZone, editing, onSubmit, onCancel }: AiringFormProps) {
  const [programId, setProgramId] = useState(editing?.programId ?? '');
  const [programTitle, setProgramTitle] = useState(editing?.programTitle ?? '');
  const [time, setTime] = useState(editing ? localTimeOf(new Date(editing.startsAt), timeZone) : '');
  const [duration, setDuration] = useState(editing ? String(Math.round((Date.parse(editing.endsAt) - Date.parse(editing.startsAt)) / MINUTE_MS)) : '60');
  const [occurrence, setOccurrence] = useState<'' | 'first' | 'second'>('');
  const [error, setError] = useState<string | null>(null);

  const resolution = isLocalTime(time) ? resolveLocalTime(date, time, timeZone) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minutes = Number(duration);
    if (!programId) return setError('Choose a program.');
    if (!resolution) return setError('Enter the start as HH:MM, for example 18:00.');
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 24 * 60) return setError('The duration must be between 5 and 1440 minutes.');
    if (resolution.kind === 'gap') return setError(`${time} does not exist on ${date} in ${timeZone}: the clocks go forward. Choose another time.`);
    if (resolution.kind === 'ambiguous' && !occurrence) return setError(`${time} happens twice on ${date} in ${timeZone}: choose the first or the second.`);
    const start = resolution.kind === 'exact' ? resolution.instant : occurrence === 'second' ? resolution.later : resolution.earlier;
    setError(null);
    onSubmit({
      id: editing?.id,
      programId,
      programTitle,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + minutes * MINUTE_MS).toISOString(),
      isNew: editing?.isNew ?? false,
      isLive: editing?.isLive ?? false,
      isPremiere: editing?.isPremiere ?? false,
      isRepeat: editing?.isRepeat ?? false,
    });
    if (!editing) setTime('');
  }

  return (
    <form onSubmit={submit} aria-label={editing ? 'Edit airing' : 'Add airing'} noValidate>
      <ProgramPicker
        name="programId"
        value={programId}
        current={editing ? { id: editing.programId, title: editing.programTitle, subtitle: null } : null}
        onChange={(id, title) => {
          setProgramId(id);
          setProgramTitle(title);
        }}
      />
      <div className={styles.inline}>
        <div className={styles.field}>
          <label htmlFor="airing-start">Start (HH:MM, {timeZone})</label>
          <input id="airing-start" inputMode="numeric" placeholder="18:00" value={time} onChange={(event) => setTime(event.target.value.trim())} />
        </div>
        <div className={styles.field}>
          <label htmlFor="airing-duration">Duration (minutes)</label>
          <input id="airing-duration" type="number" min={5} max={1440} step={5} value={duration} onChange={(event) => setDuration(event.target.value)} />
        </div>
      </div>
      {resolution?.kind === 'gap' ? <p className={styles.flag}>{time} does not exist on this day (clocks go forward).</p> : null}
      {resolution?.kind === 'ambiguous' ? (
        <fieldset>
          <legend className={styles.flag}>{time} happens twice on this day (clocks go back). Which one?</legend>
          <label>
            <input type="radio" name="occurrence" checked={occurrence === 'first'} onChange={() => setOccurrence('first')} /> First ({localTimeOf(resolution.earlier, 'UTC')} UTC)
          </label>{' '}
          <label>
            <input type="radio" name="occurrence" checked={occurrence === 'second'} onChange={() => setOccurrence('second')} /> Second ({localTimeOf(resolution.later, 'UTC')} UTC)
          </label>
        </fieldset>
      ) : null}
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
      <div className={styles.toolbar}>
        <button type="submit">{editing ? 'Apply changes' : 'Add airing'}</button>
        {editing ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
