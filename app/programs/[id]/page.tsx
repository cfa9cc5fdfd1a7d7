import type { Metadata } from 'next';
import { cacheLife } from 'next/cache';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { WatchlistToggle } from '@/app/_components/entitlements/watchlist-toggle';
import { AiringBadges } from '@/app/_components/guide/airing-badges';
import { MediaPicture } from '@/app/_components/media/media-picture';
import styles from '@/app/_components/guide/schedule.module.css';
import { env } from '@/lib/env';
import { getProgram, getUpcomingAirings, listProgramsAiringToday } from '@/lib/guide/get-program';
import { parseProgramId } from '@/lib/guide/ids';
import { programJsonLd, serialiseJsonLd } from '@/lib/guide/json-ld';
import type { ProgramSummary } from '@/lib/guide/program-types';
import { getProgramPoster } from '@/lib/media/images';

// The whole route is static output: an unlisted id waits for its render instead of
// streaming the fallback shell with a 200, so an unknown or malformed id is a real 404.
export const ensureStatic = 'navigation';

type Params = { params: Promise<{ id: string }> };

/**
 * Programmes on air today are prerendered at build (Cache Components needs at least one
 * param set, so an empty schedule lists a placeholder id, a 404); the rest on first visit.
 */
export async function generateStaticParams() {
  const ids = await listProgramsAiringToday();
  return (ids.length > 0 ? ids : ['00000000-0000-4000-8000-000000000000']).map((id) => ({ id }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = parseProgramId((await params).id);
  const program = id ? await getProgram(id) : null;
  return { title: program?.title ?? 'Programme not found', description: program?.synopsis.slice(0, 160) };
}

const ROLE_NAMES: Record<string, string> = { director: 'Director', actor: 'Cast', presenter: 'Presenter', writer: 'Writer' };

/** A programme: synopsis, credits, genres, rating and every upcoming airing, with JSON-LD. Cached. */
export default async function ProgramPage({ params }: Params) {
  const id = parseProgramId((await params).id);
  const program = id ? await getProgram(id) : null;
  if (!program) notFound();
  return <ProgramDetails program={program} />;
}

async function ProgramDetails({ program }: { program: ProgramSummary }) {
  'use cache';
  cacheLife('guide');
  const [airings, poster] = await Promise.all([getUpcomingAirings(program.id), getProgramPoster(program.id)]);
  // Map.groupBy is not in Node 20.
  const roles = new Map<string, typeof program.credits>();
  for (const credit of program.credits) roles.set(credit.role, [...(roles.get(credit.role) ?? []), credit]);
  const when = (iso: string, zone: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...options }).format(new Date(iso));

  return (
    <main>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serialiseJsonLd(programJsonLd(program, airings, env.APP_URL)) }} />
      <h1>{program.title}</h1>
      {poster && <MediaPicture image={poster} alt="" displayWidth={240} priority />}
      {program.subtitle && <p className="muted">{program.subtitle}</p>}
      <WatchlistToggle kind="program" id={program.id} name={program.title} href={`/programs/${program.id}`} />
      <p className={styles.synopsis}>{program.synopsis || 'No synopsis yet.'}</p>
      <dl className={styles.facts}>
        {program.genres.length > 0 && (
          <>
            <dt>Genres</dt>
            <dd>{program.genres.join(', ')}</dd>
          </>
        )}
        <dt>Rating</dt>
        <dd>{program.ageRating === null ? 'Not rated' : program.ageRating === 0 ? 'All ages' : `${program.ageRating}+`}</dd>
        {program.year !== null && (
          <>
            <dt>Year</dt>
            <dd>{program.year}</dd>
          </>
        )}
        {(program.seasonNumber !== null || program.episodeNumber !== null) && (
          <>
            <dt>Episode</dt>
            <dd>
              {program.seasonNumber !== null && `Season ${program.seasonNumber}`}
              {program.seasonNumber !== null && program.episodeNumber !== null && ', '}
              {program.episodeNumber !== null && `episode ${program.episodeNumber}`}
            </dd>
          </>
        )}
        {[...roles].map(([role, credits]) => (
          <div key={role} style={{ display: 'contents' }}>
            <dt>{ROLE_NAMES[role] ?? role}</dt>
            <dd>{credits.map((credit) => (credit.character ? `${credit.name} (${credit.character})` : credit.name)).join(', ')}</dd>
          </div>
        ))}
      </dl>
      <section className={styles.day} aria-labelledby="upcoming">
        <h2 id="upcoming">Upcoming airings</h2>
        {airings.length === 0 ? (
          <p className="muted">No upcoming airings.</p>
        ) : (
          <ul className={styles.list}>
            {airings.map((airing) => (
              <li key={`${airing.channel.slug}:${airing.startsAt}`}>
                <time dateTime={airing.startsAt}>
                  {when(airing.startsAt, airing.channel.timeZone, { weekday: 'short', day: 'numeric', month: 'short' })}{' '}
                  {when(airing.startsAt, airing.channel.timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}
                </time>
                <span>
                  <Link href={`/channels/${airing.channel.slug}`} prefetch={false}>
                    {airing.channel.number} {airing.channel.name}
                  </Link>
                  <span className="muted"> · {airing.channel.timeZone.replaceAll('_', ' ')}</span>
                  <AiringBadges airing={airing} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
