import styles from './admin.module.css';

/** A query-string value as one string ('' when absent or repeated). */
export function searchParam(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value : '';
}

interface Props {
  /** The accessible name of the search landmark, e.g. "Search channels". */
  label: string;
  query: string;
  placeholder?: string;
  /** Shows an "Include archived" checkbox when set. */
  includeArchived?: boolean;
}

/** The search form above every back-office list: a GET form, so results are linkable. */
export function AdminSearchForm({ label, query, placeholder, includeArchived }: Props) {
  return (
    <form className={styles.filters} role="search" aria-label={label}>
      <label>
        Search
        <input name="q" defaultValue={query} placeholder={placeholder} />
      </label>
      {includeArchived !== undefined && (
        <label>
          <span>
            <input type="checkbox" name="archived" value="1" defaultChecked={includeArchived} /> Include archived
          </span>
        </label>
      )}
      <button type="submit">Search</button>
    </form>
  );
}
