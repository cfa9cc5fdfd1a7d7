import Link from 'next/link';
import { RightsBadge } from '@/app/_components/entitlements/rights-badge';
import type { CompactItemRights } from '@/lib/entitlements/browser';
import type { TitleCard as TitleCardData } from '@/lib/catalog/types';
import styles from './catalog.module.css';
import { Poster } from './poster';

const POSTER_SIZES = '(max-width: 40rem) 45vw, 12rem';

/**
 * `rights`: the title's compact rights when the list shipped them; its lock badge is decided
 * in the browser under the link, once the page's overlay has the viewer's summary.
 */
export function TitleCard({ title, rights = null, priority = false }: { title: TitleCardData; rights?: CompactItemRights | null; priority?: boolean }) {
  return (
    <li className={styles.card}>
      <Link href={`/vod/titles/${encodeURIComponent(title.slug)}`}>
        <Poster id={title.id} title={title.title} posterUrl={title.posterUrl} sizes={POSTER_SIZES} priority={priority} />
        <span className={styles.cardTitle}>{title.title}</span>
        <span className={styles.cardMeta}>
          {title.kind === 'MOVIE' ? 'Film' : 'Series'}
          {title.year ? ` · ${title.year}` : ''}
        </span>
      </Link>
      {rights ? <RightsBadge rights={rights} reserveLine /> : null}
    </li>
  );
}
