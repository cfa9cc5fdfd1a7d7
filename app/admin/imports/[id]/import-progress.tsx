'use client';
// A run's live status: polls GET /api/admin/imports/<id> every second while the run is
// queued or running (react-query), shows how much of the file is read and the counts so
// far, and refreshes the server-rendered report once the run ends.
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import styles from '@/app/_components/admin/admin.module.css';
import type { ImportRunSummary } from '@/lib/xmltv/runs';
import { formatBytes, percentRead, STATUS_LABEL } from '@/lib/format/display';

const isActive = (run: ImportRunSummary) => run.status === 'QUEUED' || run.status === 'RUNNING';

async function fetchRun(id: string): Promise<ImportRunSummary> {
  const response = await fetch(`/api/admin/imports/${id}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as ImportRunSummary;
}

const COUNT_LABELS = [
  ['programmes', 'Programmes read'],
  ['created', 'Created'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
  ['overlaps', 'Overlaps'],
  ['duplicates', 'Duplicates'],
  ['unknownChannels', 'Unknown channels'],
  ['problems', 'Problems'],
  ['rejected', 'Rejected'],
] as const;

export function ImportProgress({ initial }: { initial: ImportRunSummary }) {
  const router = useRouter();
  const { data: run = initial, isError } = useQuery({
    queryKey: ['import-run', initial.id],
    queryFn: () => fetchRun(initial.id),
    initialData: initial,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && !isActive(query.state.data) ? false : 1_000),
  });
  const wasActive = useRef(isActive(initial));
  useEffect(() => {
    // The report's lists are rendered on the server: fetch them once the run has ended.
    if (wasActive.current && !isActive(run)) router.refresh();
    wasActive.current = isActive(run);
  }, [run, router]);

  const percent = percentRead(run.bytesRead, run.byteSize);
  return (
    <section aria-label="Progress">
      <p role="status">
        <strong>{STATUS_LABEL[run.status]}</strong>
        {run.status === 'RUNNING' ? ` – ${percent}% read (${formatBytes(run.bytesRead)} of ${formatBytes(run.byteSize)})` : null}
        {run.status === 'QUEUED' ? ' – waiting for a worker' : null}
      </p>
      <progress max={100} value={run.status === 'SUCCEEDED' ? 100 : percent} aria-label="Import progress" />
      {run.error ? (
        <p role="alert" className={styles.error}>
          {run.error}
        </p>
      ) : null}
      {isError ? <p className={styles.hint}>Could not refresh the progress; retrying.</p> : null}
      {run.counts ? (
        <table className={styles.table} aria-label="Counts">
          <tbody>
            {COUNT_LABELS.map(([key, label]) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td data-count={key}>{run.counts?.[key]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
