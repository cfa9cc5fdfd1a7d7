import Link from 'next/link';
import type { TitleCard as TitleCardData } from '@/lib/catalog/types';
import styles from './catalog.module.css';
import { Poster } from './poster';

const POSTER_SIZES = '(max-width: 40rem) 45vw, 12rem';

export function TitleCard({ title, priority = false }: { title: TitleCardData; priority?: boolean }) {
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
    </li>
  );
}
