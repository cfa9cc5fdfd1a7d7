'use client';
// Bulk tools: shift everything after a time (in the working copy), copy the saved day to
// another day or week, and weekly repeat rules (both written to the target days' drafts).
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { applyScheduleRepeatRule, copyScheduleDay } from '@/app/admin/schedule/actions';
import { IDLE_ACTION_STATE, type ActionState } from '@/lib/admin/action-state';
import { shiftFrom } from '@/lib/schedule/edit';
import { isLocalTime, resolveLocalTime } from '@/lib/schedule/local-time';
import type { ScheduleAiring, ScheduleDayView } from '@/lib/schedule/types';
import { addDays } from '@/lib/time/zoned';
import { ProgramPicker } from './program-picker';
import styles from './schedule.module.css';

interface BulkToolsProps {
  view: ScheduleDayView;
  airings: ScheduleAiring[];
  dirty: boolean;
  update: (next: (current: ScheduleAiring[]) => ScheduleAiring[]) => void;
  announce: (text: string) => void;
  onResult: (state: ActionState) => void;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export function BulkTools({ view, airings, dirty, update, announce, onResult }: BulkToolsProps) {
  const router = useRouter();
  const zone = view.channel.timeZone;
  const [pending, startTransition] = useTransition();
  const [shiftAt, setShiftAt] = useState('');
  const [shiftMinutes, setShiftMinutes] = useState('15');
  const [copyTo, setCopyTo] = useState(addDays(view.date, 1));
  const [copyDays, setCopyDays] = useState<1 | 7>(1);
  const [programId, setProgramId] = useState('');
  const [weekdays, setWeekdays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [repeatTime, setRepeatTime] = useState('18:00');
  const [repeatDuration, setRepeatDuration] = useState('30');
  const [repeatWeeks, setRepeatWeeks] = useState('4');
  const [repeatFrom, setRepeatFrom] = useState(view.date);

  function run(action: () => Promise<ActionState>) {
    startTransition(async () => {
      const state = await action();
      onResult(state);
      if (state.ok) router.refresh();
    });
  }

  function shift(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minutes = Number(shiftMinutes);
    if (!isLocalTime(shiftAt) || !Number.isInteger(minutes) || minutes === 0) {
      onResult({ ok: false, message: 'Enter a time like 20:00 and a whole number of minutes (negative shifts earlier).' });
      return;
    }
    const resolution = resolveLocalTime(view.date, shiftAt, zone);
    if (resolution.kind === 'gap') {
      onResult({ ok: false, message: `${shiftAt} does not exist on ${view.date} in ${zone} (clocks go forward).` });
      return;
    }
    const from = resolution.kind === 'exact' ? resolution.instant : resolution.earlier;
    const moved = airings.filter((airing) => Date.parse(airing.startsAt) >= from.getTime()).length;
    update((current) => shiftFrom(current, from, minutes));
    announce(`Shifted ${moved} airing${moved === 1 ? '' : 's'} from ${shiftAt} by ${minutes} minutes.`);
  }

  return (
    <>
      <section className={styles.panel} aria-labelledby="shift-heading">
        <h2 id="shift-heading">Bulk shift</h2>
        <form onSubmit={shift} className={styles.inline} aria-label="Bulk shift">
          <div className={styles.field}>
            <label htmlFor="shift-from">Airings from (HH:MM)</label>
            <input id="shift-from" value={shiftAt} placeholder="20:00" onChange={(event) => setShiftAt(event.target.value.trim())} />
          </div>
          <div className={styles.field}>
            <label htmlFor="shift-minutes">By minutes</label>
            <input id="shift-minutes" type="number" step={5} value={shiftMinutes} onChange={(event) => setShiftMinutes(event.target.value)} />
          </div>
          <button type="submit">Shift</button>
        </form>
      </section>
      <section className={styles.panel} aria-labelledby="copy-heading">
        <h2 id="copy-heading">Copy this day</h2>
        {dirty ? <p>Save or publish your changes first: copying uses the saved day.</p> : null}
        <form
          className={styles.inline}
          aria-label="Copy this day"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => copyScheduleDay(IDLE_ACTION_STATE, { channelId: view.channel.id, fromDate: view.date, toDate: copyTo, days: copyDays }));
          }}
        >
          <div className={styles.field}>
            <label htmlFor="copy-to">To date</label>
            <input id="copy-to" type="date" value={copyTo} onChange={(event) => setCopyTo(event.target.value)} />
          </div>
          <div className={styles.field}>
            <label htmlFor="copy-days">Span</label>
            <select id="copy-days" value={copyDays} onChange={(event) => setCopyDays(event.target.value === '7' ? 7 : 1)}>
              <option value={1}>That day</option>
              <option value={7}>A week from that day</option>
            </select>
          </div>
          <button type="submit" disabled={pending || dirty}>
            Copy
          </button>
        </form>
      </section>
      <section className={styles.panel} aria-labelledby="repeat-heading">
        <h2 id="repeat-heading">Weekly repeat</h2>
        <form
          aria-label="Weekly repeat"
          onSubmit={(event) => {
            event.preventDefault();
            run(() =>
              applyScheduleRepeatRule(IDLE_ACTION_STATE, {
                channelId: view.channel.id,
                programId,
                weekdays,
                time: repeatTime,
                durationMinutes: Number(repeatDuration),
                fromDate: repeatFrom,
                weeks: Number(repeatWeeks),
              }),
            );
          }}
        >
          <ProgramPicker name="repeatProgramId" value={programId} onChange={(id) => setProgramId(id)} />
          <fieldset>
            <legend>Weekdays</legend>
            {WEEKDAYS.map((day, index) => (
              <label key={day}>
                <input
                  type="checkbox"
                  checked={weekdays.includes(index + 1)}
                  onChange={(event) => setWeekdays((current) => (event.target.checked ? [...current, index + 1] : current.filter((value) => value !== index + 1)))}
                />{' '}
                {day}{' '}
              </label>
            ))}
          </fieldset>
          <div className={styles.inline}>
            <div className={styles.field}>
              <label htmlFor="repeat-time">At (HH:MM)</label>
              <input id="repeat-time" value={repeatTime} onChange={(event) => setRepeatTime(event.target.value.trim())} />
            </div>
            <div className={styles.field}>
              <label htmlFor="repeat-duration">Minutes</label>
              <input id="repeat-duration" type="number" min={5} step={5} value={repeatDuration} onChange={(event) => setRepeatDuration(event.target.value)} />
            </div>
            <div className={styles.field}>
              <label htmlFor="repeat-from">From</label>
              <input id="repeat-from" type="date" value={repeatFrom} onChange={(event) => setRepeatFrom(event.target.value)} />
            </div>
            <div className={styles.field}>
              <label htmlFor="repeat-weeks">Weeks</label>
              <input id="repeat-weeks" type="number" min={1} max={12} value={repeatWeeks} onChange={(event) => setRepeatWeeks(event.target.value)} />
            </div>
          </div>
          {dirty ? <p>Save or publish your changes first: the rule adds to the saved drafts.</p> : null}
          <button type="submit" disabled={pending || dirty}>
            Add to drafts
          </button>
        </form>
      </section>
    </>
  );
}
