// The frame every back-office list page shares: heading, the page's own role check around
// its data (AdminGate inside Suspense: the gate reads the session per request), the table,
// and the empty state and "Next page" link under it.
import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { AdminGate } from './admin-gate';
import styles from './admin.module.css';

interface AdminListPageProps {
  title: string;
  role: 'EDITOR' | 'ADMIN';
  /** Where sign-in returns to. */
  path: string;
  /** Renders the list once access is granted. */
  children: () => Promise<ReactNode>;
}

export function AdminListPage({ title, role, path, children }: AdminListPageProps) {
  return (
    <main>
      <h1>{title}</h1>
      <Suspense fallback={<p>Loading {title.toLowerCase()}…</p>}>
        <AdminGate role={role} returnTo={path}>
          {children}
        </AdminGate>
      </Suspense>
    </main>
  );
}

interface ListFooterProps {
  /** Rows on this page. */
  count: number;
  /** "No channels match." */
  empty: string;
  /** The next page's URL, or null on the last page. */
  nextHref: string | null;
  label?: string;
}

/** The empty state and the keyset "Next page" link under a list. */
export function ListFooter({ count, empty, nextHref, label = 'Next page' }: ListFooterProps) {
  return (
    <>
      {count === 0 ? <p>{empty}</p> : null}
      {nextHref ? (
        <p className={styles.pager}>
          <Link href={nextHref}>{label}</Link>
        </p>
      ) : null}
    </>
  );
}

export interface AdminColumn<Row> {
  /** The column header, also the cell's key: unique within a table. */
  header: string;
  cell: (row: Row) => ReactNode;
}

/** A list's table: one header row, one row per item, a cell per column. */
export function AdminTable<Row extends { id: string }>({ columns, rows }: { columns: readonly AdminColumn<Row>[]; rows: readonly Row[] }) {
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col" key={column.header}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            {columns.map((column) => (
              <td key={column.header}>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
