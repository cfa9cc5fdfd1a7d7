'use client';
// The banner of an editor's "view as" (lib/view-as/): shown on every page with lock badges
// whenever the summary says the simulation is on. Its own chunk, imported by the summary
// fetcher only when the summary carries `viewAs`: viewers never download it (DESIGN P8).
import { useState } from 'react';
import { stopViewAs } from '@/app/admin/view-as/actions';
import { IDLE_ACTION_STATE } from '@/lib/admin/action-state';
import type { ViewAsMarker } from '@/lib/view-as/types';
import styles from './view-as-banner.module.css';

export function ViewAsBanner({ marker }: { marker: ViewAsMarker }) {
  const [state, setState] = useState<'idle' | 'stopping' | string>('idle');
  const stop = async () => {
    setState('stopping');
    const result = await stopViewAs(IDLE_ACTION_STATE, {});
    // A fresh load (and a fresh react-query cache): every badge is decided again from the editor's own summary.
    if (result.ok) window.location.reload();
    else setState(result.message ?? 'Could not stop viewing as; try again.');
  };
  return (
    <aside className={styles.banner} aria-label="View as">
      <span>
        <strong>Viewing as:</strong> {marker.label}
      </span>
      <button type="button" onClick={() => void stop()} disabled={state === 'stopping'}>
        {state === 'stopping' ? 'Stopping…' : 'Stop viewing as'}
      </button>
      {state !== 'idle' && state !== 'stopping' ? <span role="alert">{state}</span> : null}
      <span className={styles.note}>Lock badges follow this simulation; playing anything still uses your own rights.</span>
    </aside>
  );
}
