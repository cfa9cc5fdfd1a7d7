'use client';
// Downloads a channel's schedule as XMLTV. A plain GET form to the export route (the
// browser streams the attachment to disk); the shared schema checks the range first so a
// mistake shows here instead of as a JSON error page.
import { useState, type FormEvent } from 'react';
import styles from '@/app/_components/admin/admin.module.css';
import { exportParamsSchema, MAX_EXPORT_DAYS } from '@/lib/xmltv/export-params';

interface Props {
  channels: { slug: string; name: string; number: number }[];
  today: string;
}

export function ExportForm({ channels, today }: Props) {
  const [message, setMessage] = useState<string | null>(null);
  const check = (event: FormEvent<HTMLFormElement>) => {
    const fields = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = exportParamsSchema.safeParse(fields);
    setMessage(parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the fields.'));
    if (!parsed.success) event.preventDefault();
  };
  return (
    <form className={styles.filters} action="/api/admin/xmltv/export" method="get" aria-label="Export XMLTV" onSubmit={check}>
      <label>
        Channel
        <select name="channel" required defaultValue="">
          <option value="" disabled>
            Choose…
          </option>
          {channels.map((channel) => (
            <option key={channel.slug} value={channel.slug}>
              {channel.number} {channel.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        First day
        <input type="date" name="from" required defaultValue={today} />
      </label>
      <label>
        Last day
        <input type="date" name="to" required defaultValue={today} />
      </label>
      <button type="submit">Download XMLTV</button>
      <p className={styles.hint}>Days in the channel&apos;s time zone, at most {MAX_EXPORT_DAYS}.</p>
      {message ? (
        <p role="alert" className={styles.error}>
          {message}
        </p>
      ) : null}
    </form>
  );
}
