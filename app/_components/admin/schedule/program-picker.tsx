'use client';
// Search-then-choose for programs: the catalogue is too big for one <select>, so the
// search box asks the server for up to 20 matches and the select offers them.
import { useEffect, useId, useState } from 'react';
import { searchSchedulePrograms } from '@/app/admin/schedule/actions';
import type { ProgramChoice } from '@/lib/schedule/get-day-view';
import styles from './schedule.module.css';

interface ProgramPickerProps {
  name: string;
  value: string;
  onChange: (programId: string, title: string) => void;
  /** Always offered, so an edited airing keeps its program even if the search does not find it. */
  current?: ProgramChoice | null;
}

export function ProgramPicker({ name, value, onChange, current }: ProgramPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [choices, setChoices] = useState<ProgramChoice[]>([]);

  useEffect(() => {
    let live = true;
    searchSchedulePrograms(query).then(
      (found) => {
        if (live) setChoices(found);
      },
      () => {
        if (live) setChoices([]);
      },
    );
    return () => {
      live = false;
    };
  }, [query]);

  const options = current && !choices.some((choice) => choice.id === current.id) ? [current, ...choices] : choices;
  return (
    <>
      <div className={styles.field}>
        <label htmlFor={`${id}-search`}>Find program</label>
        <input id={`${id}-search`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-select`}>Program</label>
        <select
          id={`${id}-select`}
          name={name}
          value={value}
          onChange={(event) => onChange(event.target.value, event.target.selectedOptions[0]?.text ?? '')}
        >
          <option value="">Choose a program…</option>
          {options.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.subtitle ? `${choice.title}: ${choice.subtitle}` : choice.title}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
