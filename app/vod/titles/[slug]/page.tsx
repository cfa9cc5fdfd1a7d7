import type { Metadata } from 'next';
import { cacheLife } from 'next/cache';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import styles from '@/app/_components/catalog/catalog.module.css';
import { Poster } from '@/app/_components/catalog/poster';
import { EntitlementsOverlay } from '@/app/_components/entitlements/overlay';
import { RightsBadge } from '@/app/_components/entitlements/rights-badge';
import { WatchlistToggle } from '@/app/_components/entitlements/watchlist-toggle';
import { availabilityNotice } from '@/lib/catalog/availability';
import { CATALOG_CACHE_LIFE } from '@/lib/catalog/cache-life';
import { getFeaturedTitleSlugs, getTitle } from '@/lib/catalog/get-title';
import { categoryPagePath } from '@/lib/catalog/query-keys';
import { getTitleItemRights } from '@/lib/entitlements/item-rights';
import { env } from '@/lib/env';

/**
 * The whole route is static output: an unlisted slug waits for its render (no fallback
 * shell streamed with a 200), so a missing one is a real 404, a bad cursor a real
 * redirect, and even the first response carries an edge-cacheable Cache-Control.
 */
export const ensureStatic = 'navigation';

interface Props {
  params: Promise<{ slug: string }>;
}

/** The newest titles are prerendered at build; the rest render on first visit and are kept. */
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  const slugs = await getFeaturedTitleSlugs(12);
  return slugs.length ? slugs.map((slug) => ({ slug })) : [{ slug: 'none' }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const title = await getTitle(slug);
  return title ? { title: title.title, description: title.synopsis.slice(0, 160) } : { title: 'Title not found' };
}

function minutes(value: number): string {
  return value >= 60 ? `${Math.floor(value / 60)} h ${value % 60} min` : `${value} min`;
}

/** A title with its seasons and episodes and its availability window. Shared and cached. */
export default async function TitlePage({ params }: Props) {
  'use cache';
  cacheLife(CATALOG_CACHE_LIFE);
  const { slug } = await params;
  const title = await getTitle(slug);
  if (!title) notFound();
  // "Now" is the render time: with CATALOG_CACHE_LIFE a "Coming"/"Leaves" line is at most
  // a few minutes late at the window's edge; the playback decision is made on the server.
  // Shipped in compact form; the lock badge is decided in the browser, per viewer.
  const itemRights = await getTitleItemRights(title.id);
  const notice = availabilityNotice(title.availability, new Date(), env.DEFAULT_TIME_ZONE);

  return (
    <main>
      <p>
        <Link href="/vod">On demand</Link>
      </p>
      <div className={styles.titleLayout}>
        <Poster id={title.id} title={title.title} posterUrl={title.posterUrl} sizes="(max-width: 40rem) 90vw, 16rem" priority />
        <div>
          <h1>{title.title}</h1>
          {itemRights ? (
            <EntitlementsOverlay>
              <RightsBadge rights={itemRights} reserveLine />
            </EntitlementsOverlay>
          ) : null}
          <WatchlistToggle kind="title" id={title.id} name={title.title} href={`/vod/titles/${title.slug}`} />
          {notice ? (
            <p className={styles.notice}>
              <time dateTime={notice.at}>{notice.text}</time>
            </p>
          ) : null}
          <ul className={styles.facts} aria-label="Details">
            <li>{title.kind === 'MOVIE' ? 'Film' : 'Series'}</li>
            {title.year ? <li>{title.year}</li> : null}
            {title.runtimeMinutes ? <li>{minutes(title.runtimeMinutes)}</li> : null}
            {title.ageRating !== null ? <li>Age {title.ageRating}+</li> : null}
            {title.genres.length ? <li>{title.genres.join(', ')}</li> : null}
          </ul>
          <p>{title.synopsis}</p>
          {title.categories.length ? (
            <ul className={styles.chips} aria-label="Categories">
              {title.categories.map((category) => (
                <li key={category.slug}>
                  <Link href={categoryPagePath(category.slug)}>{category.name}</Link>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      {title.seasons.map((season) => (
        <section key={season.id} aria-labelledby={`season-${season.number}`}>
          <h2 id={`season-${season.number}`}>{season.name ?? `Season ${season.number}`}</h2>
          <ol className={styles.episodes}>
            {season.episodes.map((episode) => (
              <li key={episode.id}>
                <span className={styles.episodeTitle}>
                  {episode.number}. {episode.title}
                </span>{' '}
                <span className="muted">{minutes(episode.runtimeMinutes)}</span>
                <br />
                <span className="muted">{episode.synopsis}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </main>
  );
}
