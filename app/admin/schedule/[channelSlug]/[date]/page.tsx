import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AdminGate } from '@/app/_components/admin/admin-gate';
import { ScheduleEditor } from '@/app/_components/admin/schedule/schedule-editor';
import { getScheduleDayView } from '@/lib/schedule/get-day-view';

export const metadata: Metadata = { title: 'Schedule day' };

interface Props {
  params: Promise<{ channelSlug: string; date: string }>;
}

/** One channel's local day on a timeline: edit as a draft, publish when ready. */
export default function ScheduleDayPage({ params }: Props) {
  return (
    <main>
      <AdminGate role="EDITOR" returnTo="/admin/schedule">
        {async () => {
          const { channelSlug, date } = await params;
          const view = await getScheduleDayView(decodeURIComponent(channelSlug), date);
          if (!view) notFound();
          return <ScheduleEditor key={`${view.channel.id}:${view.date}`} view={view} />;
        }}
      </AdminGate>
    </main>
  );
}
