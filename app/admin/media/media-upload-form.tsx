'use client';
// Uploads a channel logo or a programme poster to /api/admin/media/upload (the raw file as the
// body, see that route), then polls the asset until the variants job has made its AVIF and
// WebP variants, lists them, and refreshes the page so the new image shows. Every refusal is
// the server's sentence in role="alert"; nothing here decides what is valid.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import styles from '@/app/_components/admin/admin.module.css';
import type { MediaTarget } from '@/lib/media/targets';
import type { MediaAssetStatus, MediaVariantSummary } from '@/lib/media/types';
import { formatBytes } from '@/lib/format/display';

const POLL_MS = 1_000;
const POLL_FOR_MS = 120_000;
const ACCEPT = 'image/jpeg,image/png,image/webp,image/avif';

type Phase = { kind: 'idle' } | { kind: 'busy'; message: string } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

async function messageOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (body?.error?.message) return body.error.message;
  // Not our JSON: a proxy in front refused it (the edge's own body limit, a timeout).
  return response.status === 413 ? 'This file is too large.' : `The upload failed (HTTP ${response.status}); nothing was saved.`;
}

export function MediaUploadForm({ target, entityId, label, maxBytes }: { target: MediaTarget; entityId: string; label: string; maxBytes: number }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [variants, setVariants] = useState<MediaVariantSummary[]>([]);
  const polling = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (polling.current && clearTimeout(polling.current)), []);

  const poll = (assetId: string, until: number) => {
    polling.current = setTimeout(async () => {
      const response = await fetch(`/api/admin/media/assets/${assetId}`, { cache: 'no-store' }).catch(() => null);
      const status = response?.ok ? ((await response.json()) as MediaAssetStatus) : null;
      if (status && status.variants.length > 0) {
        setVariants(status.variants);
        setPhase({ kind: 'done', message: `${status.variants.length} variants ready.` });
        router.refresh();
      } else if (Date.now() < until) poll(assetId, until);
      else setPhase({ kind: 'error', message: 'The variants are taking longer than usual; reload this page in a minute.' });
    }, POLL_MS);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) return setPhase({ kind: 'error', message: 'Choose an image file first.' });
    if (file.size > maxBytes) return setPhase({ kind: 'error', message: `This file is larger than the ${formatBytes(maxBytes)} allowed for images.` });
    if (polling.current) clearTimeout(polling.current);
    setVariants([]);
    setPhase({ kind: 'busy', message: 'Uploading…' });
    const query = new URLSearchParams({ target, id: entityId });
    const response = await fetch(`/api/admin/media/upload?${query}`, {
      method: 'POST',
      body: file,
      headers: { 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    }).catch(() => null);
    if (!response) return setPhase({ kind: 'error', message: 'The upload did not reach the server; nothing was saved.' });
    if (!response.ok) return setPhase({ kind: 'error', message: await messageOf(response) });
    const answer = (await response.json()) as MediaAssetStatus & { message: string };
    if (answer.variants.length > 0) {
      setVariants(answer.variants);
      setPhase({ kind: 'done', message: answer.message });
      router.refresh();
    } else {
      setPhase({ kind: 'busy', message: answer.message });
      poll(answer.assetId, Date.now() + POLL_FOR_MS);
    }
  };

  return (
    <form onSubmit={submit} aria-label={`Upload a ${label}`} className={styles.form}>
      <label className={styles.field}>
        <span>New {label} (JPEG, PNG, WebP or AVIF, up to {Math.round(maxBytes / 1024 / 1024)} MB)</span>
        <input type="file" name="file" accept={ACCEPT} required />
      </label>
      <div className={styles.actions}>
        <button type="submit" disabled={phase.kind === 'busy'}>
          Upload {label}
        </button>
        {phase.kind !== 'idle' && (
          <p role={phase.kind === 'error' ? 'alert' : 'status'} className={phase.kind === 'error' ? styles.error : styles.ok}>
            {phase.message}
          </p>
        )}
      </div>
      {variants.length > 0 && (
        <ul aria-label={`${label} variants`} className={styles.hint}>
          {variants.map((variant) => (
            <li key={variant.url}>
              <a href={variant.url}>
                {variant.format.toUpperCase()} {variant.width}×{variant.height}
              </a>{' '}
              · {Math.max(1, Math.round(variant.byteSize / 1024))} KB
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
