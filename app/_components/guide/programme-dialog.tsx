'use client';
// A programme's details, opened from a guide cell: a modal <dialog> (focus moves in,
// Escape closes, focus returns to the cell). The synopsis and the programme's id are
// fetched on open, by airing (channel + start), rather than shipped for every airing.
import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import { AIRING_FLAGS, instantOf, type CompactGuideDay, type DecodedAiring } from '@/lib/guide/compact';
import type { ProgramSummary } from '@/lib/guide/program-types';
import styles from './guide-grid.module.css';

export interface SelectedAiring {
  channel: string;
  channelSlug: string;
  airing: DecodedAiring;
}

/** What the airing lookup answered, keyed by the airing it was asked about. */
type LoadedProgram = { key: string; program: ProgramSummary | null; failed: boolean };

export function ProgrammeDialog({
  selected,
  day,
  clock,
  onClose,
}: {
  selected: SelectedAiring | null;
  day: CompactGuideDay;
  clock: (minute: number) => string;
  onClose: () => void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [loaded, setLoaded] = useState<LoadedProgram | null>(null);
  const airingUrl = selected
    ? `/api/guide/airings/${selected.channelSlug}/${instantOf(day, selected.airing.startMinute)}`
    : null;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (selected && !dialog.open) dialog.showModal();
    if (!selected && dialog.open) dialog.close();
  }, [selected]);

  useEffect(() => {
    if (!airingUrl) return;
    const controller = new AbortController();
    fetch(airingUrl, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<ProgramSummary>) : Promise.reject(new Error(String(response.status)))))
      .then((program) => setLoaded({ key: airingUrl, program, failed: false }))
      .catch(() => {
        if (!controller.signal.aborted) setLoaded({ key: airingUrl, program: null, failed: true });
      });
    return () => controller.abort();
  }, [airingUrl]);

  const airing = selected?.airing;
  const program = airing?.program;
  const current = loaded && loaded.key === airingUrl ? loaded : null;
  const flags = airing
    ? Object.entries(AIRING_FLAGS)
        .filter(([, bit]) => airing.flags & bit)
        .map(([name]) => name.charAt(0).toUpperCase() + name.slice(1))
    : [];

  return (
    <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={titleId} onClose={onClose}>
      {airing && program && (
        <>
          <h2 id={titleId}>{program[0]}</h2>
          {program[1] && <p className="muted">{program[1]}</p>}
          <dl>
            <dt>Channel</dt>
            <dd>{selected.channel}</dd>
            <dt>Time</dt>
            <dd>
              {clock(airing.startMinute)}–{clock(airing.startMinute + airing.minutes)} ({airing.minutes} min)
            </dd>
            {program[2].length > 0 && (
              <>
                <dt>Genres</dt>
                <dd>{program[2].map((index) => day.genres[index]).join(', ')}</dd>
              </>
            )}
            {program[3] >= 0 && (
              <>
                <dt>Rating</dt>
                <dd>{program[3] === 0 ? 'All ages' : `${program[3]}+`}</dd>
              </>
            )}
            {flags.length > 0 && (
              <>
                <dt>Marked</dt>
                <dd>{flags.join(', ')}</dd>
              </>
            )}
          </dl>
          <p aria-live="polite">
            {current?.program?.synopsis ?? (current?.failed ? 'The synopsis could not be loaded.' : 'Loading the synopsis…')}
          </p>
          <footer>
            {current?.program ? (
              <Link href={`/programs/${current.program.id}`} prefetch={false}>
                More about this programme
              </Link>
            ) : (
              <span />
            )}
            <button type="button" onClick={() => dialogRef.current?.close()}>
              Close
            </button>
          </footer>
        </>
      )}
    </dialog>
  );
}
