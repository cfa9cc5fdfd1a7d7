import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import styles from '@/app/_components/admin/admin.module.css';
import { listScheduleChannels } from '@/lib/schedule/get-day-view';
import { dateInZone } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'Schedule' };

/** Every channel, linking to today's schedule in the channel's own time zone. */
export default function SchedulePage() {
  return (
    <main>
      <h1>Schedule</h1>
      <Suspense fallback={<p>Loading channels…</p>}>
        <AdminGate role="EDITOR" returnTo="/admin/schedule">
          {() => <ChannelDays />}
        </AdminGate>
      </Suspense>
    </main>
  );
}

async function ChannelDays() {
  const channels = await listScheduleChannels();
  const now = new Date();
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th scope="col">No.</th>
          <th scope="col">Channel</th>
          <th scope="col">Time zone</th>
          <th scope="col">Today</th>
        </tr>
      </thead>
      <tbody>
        {channels.map((channel) => {
          const today = dateInZone(now, channel.timeZone);
          return (
            <tr key={channel.slug}>
              <td>{channel.number}</td>
              <td>{channel.name}</td>
              <td>{channel.timeZone}</td>
              <td>
                <Link href={`/admin/schedule/${encodeURIComponent(channel.slug)}/${today}`} aria-label={`Schedule of ${channel.name} for ${today}`}>
                  {today}
                </Link>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
