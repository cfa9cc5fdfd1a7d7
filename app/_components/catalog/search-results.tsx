import Link from 'next/link';
import { searchResultsPath } from '@/lib/search/links';
import type { SearchResults as Results } from '@/lib/search/types';
import styles from './catalog.module.css';

const KIND_LABEL = { title: 'On demand', program: 'TV programme', channel: 'Channel' } as const;

/** Results as text (React escapes it): nothing a viewer typed is ever interpreted as HTML. */
export function SearchResults({ results }: { results: Results }) {
  if (!results.hits.length) {
    return (
      <p role="status">
        {results.query ? <>No results for “{results.query}”.</> : 'Type a title, programme or channel name.'}
      </p>
    );
  }
  return (
    <>
      <p role="status" className="muted">
        Results for “{results.query}”{results.page > 1 ? `, page ${results.page}` : ''}
      </p>
      <ol className={styles.episodes} aria-label="Search results" start={(results.page - 1) * results.pageSize + 1}>
        {results.hits.map((hit) => (
          <li key={`${hit.kind}:${hit.id}`}>
            <Link href={hit.href} className={styles.episodeTitle}>
              {hit.label}
            </Link>{' '}
            <span className="muted">
              {KIND_LABEL[hit.kind]}
              {hit.detail ? ` · ${hit.detail}` : ''}
            </span>
          </li>
        ))}
      </ol>
      <nav aria-label="Result pages" className={styles.pager}>
        {results.page > 1 ? <Link href={searchResultsPath(results.query, results.page - 1)}>Previous page</Link> : null}
        {results.hasMore ? <Link href={searchResultsPath(results.query, results.page + 1)}>Next page</Link> : null}
      </nav>
    </>
  );
}
