'use client';
// Uploads an XMLTV file as the raw body of a PUT (it streams to disk on the server; no
// multipart parsing), with XMLHttpRequest because fetch reports no upload progress. On 201
// it opens the run's page, which follows the import itself.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import styles from '@/app/_components/admin/admin.module.css';
import { notXmlReason, SNIFF_BYTES } from '@/lib/xmltv/sniff';
import { formatBytes } from '@/lib/format/display';

type UploadState = { phase: 'idle' } | { phase: 'sending'; sent: number; total: number } | { phase: 'failed'; message: string };

function errorMessage(xhr: XMLHttpRequest): string {
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // not JSON (an edge error page): fall through
  }
  return xhr.status === 413 ? 'The file is too large.' : `The upload failed (HTTP ${xhr.status}).`;
}

export function UploadForm({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) return setState({ phase: 'failed', message: 'Choose a non-empty XMLTV file.' });
    if (file.size > maxBytes) return setState({ phase: 'failed', message: `The file is larger than the ${formatBytes(maxBytes)} an import may be.` });
    // The server decides, but a wrong file is better refused before megabytes are sent.
    const refusal = notXmlReason(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
    if (refusal) return setState({ phase: 'failed', message: refusal });
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api/admin/imports?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', 'application/xml');
    xhr.upload.onprogress = (progress) => setState({ phase: 'sending', sent: progress.loaded, total: progress.total || file.size });
    xhr.onerror = () => setState({ phase: 'failed', message: 'The upload was interrupted; nothing was imported. Try again.' });
    xhr.onload = () => {
      if (xhr.status !== 201) return setState({ phase: 'failed', message: errorMessage(xhr) });
      const { id } = JSON.parse(xhr.responseText) as { id: string };
      router.push(`/admin/imports/${id}`);
    };
    setState({ phase: 'sending', sent: 0, total: file.size });
    xhr.send(file);
  };

  return (
    <form className={styles.form} aria-label="Upload an XMLTV file" onSubmit={(event) => void submit(event)}>
      <label className={styles.field}>
        XMLTV file
        <input type="file" name="file" accept=".xml,application/xml,text/xml" required />
      </label>
      <p className={styles.hint}>Up to {formatBytes(maxBytes)}. Channels are matched by their XMLTV id; times without a zone are UTC.</p>
      <div className={styles.actions}>
        <button type="submit" disabled={state.phase === 'sending'}>
          Upload and import
        </button>
        {state.phase === 'sending' ? (
          <label>
            Uploading {formatBytes(state.sent)} of {formatBytes(state.total)}
            <progress max={state.total} value={state.sent} />
          </label>
        ) : null}
        {state.phase === 'failed' ? (
          <p role="alert" className={styles.error}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
