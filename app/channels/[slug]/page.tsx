import type { Metadata } from 'next';
import { cacheLife } from 'next/cache';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AiringBadges } from '@/app/_components/guide/airing-badges';
import { MediaPicture } from '@/app/_components/media/media-picture';
import styles from '@/app/_components/guide/schedule.module.css';
import { getChannelWeek, listChannelSlugs } from '@/lib/guide/get-channel-week';
import { parseChannelSlug } from '@/lib/guide/ids';
import type { ChannelWeek } from '@/lib/guide/program-types';
import { getChannelLogo } from '@/lib/media/images';

// The whole route is static output: an unlisted slug waits for its render instead of
// streaming the fallback shell with a 200, so an unknown or malformed slug is a real 404.
export const ensureStatic = 'navigation';

type Params = { params: Promise<{ slug: string }> };

/**
 * Every live channel is prerendered at build; channels added later on first visit.
 * `ensureStatic` needs at least one param set, so an empty database lists a placeholder.
 */
export async function generateStaticParams() {
  const slugs = await listChannelSlugs();
  return (slugs.length > 0 ? slugs : ['none']).map((slug) => ({ slug }));
}

async function channelWeekFor(params: Params['params']) {
  const slug = parseChannelSlug((await params).slug);
  return slug ? getChannelWeek(slug) : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const week = await channelWeekFor(params);
  return { title: week ? `${week.channel.name} schedule` : 'Channel not found' };
}

/** A channel's week, day by day in the channel's own zone. Cached; reads nothing from the request. */
export default async function ChannelPage({ params }: Params) {
  const week = await channelWeekFor(params);
  if (!week) notFound();
  return <ChannelSchedule week={week} />;
}

async function ChannelSchedule({ week }: { week: ChannelWeek }) {
  'use cache';
  cacheLife('guide');
  const { channel } = week;
  const logo = await getChannelLogo(channel.id);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: channel.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const dayName = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'full' });

  return (
    <main>
      {logo && <MediaPicture image={logo} alt={`${channel.name} logo`} displayWidth={96} priority />}
      <h1>
        {channel.number} {channel.name}
      </h1>
      {channel.description && <p className={styles.synopsis}>{channel.description}</p>}
      <p className="muted">Times in {channel.timeZone.replaceAll('_', ' ')}, the channel’s own zone.</p>
      {week.days.map((day) => (
        <section key={day.date} className={styles.day} aria-labelledby={`day-${day.date}`}>
          <h2 id={`day-${day.date}`}>{dayName.format(new Date(`${day.date}T12:00:00Z`))}</h2>
          {day.slots.length === 0 ? (
            <p className="muted">No programmes scheduled.</p>
          ) : (
            <ul className={styles.list}>
              {day.slots.map((slot) => (
                <li key={slot.startsAt}>
                  <time dateTime={slot.startsAt}>
                    {time.format(new Date(slot.startsAt))}–{time.format(new Date(slot.endsAt))}
                  </time>
                  <span>
                    <Link href={`/programs/${slot.programId}`} prefetch={false}>
                      {slot.title}
                    </Link>
                    {slot.subtitle && <span className="muted"> · {slot.subtitle}</span>}
                    <AiringBadges airing={slot} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </main>
  );
}
