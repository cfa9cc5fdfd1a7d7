'use client';
// One channel's day: the timeline, the add/edit form, bulk tools, and the draft's
// lifecycle (save, publish, discard). The working copy lives here until saved; the overlap
// check runs on every change, so conflicts show before anything is sent.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { discardScheduleDraft, publishScheduleDay, saveScheduleDraft } from '@/app/admin/schedule/actions';
import type { ActionState } from '@/lib/admin/action-state';
import { IDLE_ACTION_STATE } from '@/lib/admin/action-state';
import { localTimeOf } from '@/lib/schedule/local-time';
import type { ScheduleAiring, ScheduleDayView } from '@/lib/schedule/types';
import { addDays } from '@/lib/time/zoned';
import { AiringForm } from './airing-form';
import { BulkTools } from './bulk-tools';
import { Timeline } from './timeline';
import styles from './schedule.module.css';
import { useDayDraft } from './use-day-draft';

const CHANGE_TEXT = { PUBLISHED: 'published', DRAFT_SAVED: 'saved a draft', DRAFT_DISCARDED: 'discarded the draft' } as const;

export function ScheduleEditor({ view }: { view: ScheduleDayView }) {
  const router = useRouter();
  const zone = view.channel.timeZone;
  const { airings, dirty, problems, conflicts, update } = useDayDraft(view);
  const [editing, setEditing] = useState<ScheduleAiring | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [result, setResult] = useState<ActionState | null>(null);
  const [pending, startTransition] = useTransition();
  const describe = (airing: ScheduleAiring) => `${airing.programTitle} ${localTimeOf(new Date(airing.startsAt), zone)}–${localTimeOf(new Date(airing.endsAt), zone)}`;

  const dayRef = { channelId: view.channel.id, date: view.date, expectedVersion: view.version };
  const payload = () => airings.map(({ id, programId, startsAt, endsAt, isNew, isLive, isPremiere, isRepeat }) => ({ id, programId, startsAt, endsAt, isNew, isLive, isPremiere, isRepeat }));

  function run(action: () => Promise<ActionState>) {
    startTransition(async () => {
      const state = await action();
      setResult(state);
      if (state.ok) router.refresh();
    });
  }

  const base = `/admin/schedule/${encodeURIComponent(view.channel.slug)}`;
  const blocked = problems.length > 0;
  return (
    <>
      <div className={styles.header}>
        <h1>
          {view.channel.name}: {view.date}
        </h1>
        <nav aria-label="Days">
          <Link href={`${base}/${addDays(view.date, -1)}`}>Previous day</Link> · <Link href={`${base}/${addDays(view.date, 1)}`}>Next day</Link> ·{' '}
          <Link href="/admin/schedule">All channels</Link>
        </nav>
      </div>
      <p className={styles.status}>
        Times in {zone}. {view.hasDraft ? 'This day has an unpublished draft.' : 'Showing the published schedule.'}{' '}
        {dirty ? 'You have unsaved changes.' : ''}{' '}
        {view.lastChange ? `${view.lastChange.by} ${CHANGE_TEXT[view.lastChange.kind]} at ${localTimeOf(new Date(view.lastChange.at), zone)}.` : ''}
      </p>
      <div className={styles.toolbar}>
        <button type="button" disabled={pending || blocked || !dirty} onClick={() => run(() => saveScheduleDraft(IDLE_ACTION_STATE, { ...dayRef, airings: payload() }))}>
          Save draft
        </button>
        <button
          type="button"
          disabled={pending || blocked || (!dirty && !view.hasDraft)}
          onClick={() => run(() => publishScheduleDay(IDLE_ACTION_STATE, { ...dayRef, airings: payload() }))}
        >
          Publish
        </button>
        {view.hasDraft ? (
          <button type="button" disabled={pending} onClick={() => run(() => discardScheduleDraft(IDLE_ACTION_STATE, dayRef))}>
            Discard draft
          </button>
        ) : null}
      </div>
      {result ? (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? styles.ok : styles.error}>
          {result.message}
        </p>
      ) : null}
      {blocked ? (
        <section className={styles.panel} aria-labelledby="conflicts-heading">
          <h2 id="conflicts-heading">Conflicts (fix them to save)</h2>
          <ul className={styles.problems}>
            {problems.map((problem) => (
              <li key={`${problem.kind}-${problem.airingId}-${problem.otherId ?? ''}`}>{problem.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <div aria-live="polite" className={styles.srOnly}>
        {announcement}
      </div>
      <div className={styles.layout}>
        <div>
          <section className={styles.panel} aria-labelledby="airing-form-heading">
            <h2 id="airing-form-heading">{editing ? `Edit ${editing.programTitle}` : 'Add an airing'}</h2>
            <AiringForm
              key={editing?.id ?? 'new'}
              date={view.date}
              timeZone={zone}
              editing={editing}
              onCancel={() => setEditing(null)}
              onSubmit={(submitted) => {
                const airing: ScheduleAiring = { ...submitted, id: submitted.id ?? uuidv7() };
                update((current) => [...current.filter((item) => item.id !== airing.id), airing]);
                setAnnouncement(`${editing ? 'Changed' : 'Added'}: ${describe(airing)}`);
                setEditing(null);
              }}
            />
          </section>
          <BulkTools view={view} airings={airings} dirty={dirty} update={update} announce={setAnnouncement} onResult={setResult} />
        </div>
        <Timeline
          airings={airings}
          neighbours={view.neighbours}
          conflicts={conflicts}
          dayStart={view.dayStart}
          dayEnd={view.dayEnd}
          timeZone={zone}
          onChange={(id, next, text) => {
            update((current) => current.map((item) => (item.id === id ? next : item)));
            setAnnouncement(text);
          }}
          onRemove={(airing) => {
            update((current) => current.filter((item) => item.id !== airing.id));
            setAnnouncement(`Removed: ${describe(airing)}`);
          }}
          onEdit={setEditing}
        />
      </div>
    </>
  );
}
