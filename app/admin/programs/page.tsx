import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminListPage, ListFooter } from '@/app/_components/admin/admin-list-page';
import { AdminSearchForm, searchParam } from '@/app/_components/admin/admin-search-form';
import styles from '@/app/_components/admin/admin.module.css';
import { listPrograms } from '@/lib/admin/programs';

export const metadata: Metadata = { title: 'Programs' };

type Params = Record<string, string | string[] | undefined>;

export default function ProgramsPage({ searchParams }: { searchParams: Promise<Params> }) {
  return (
    <AdminListPage title="Programs" role="EDITOR" path="/admin/programs">
      {async () => <ProgramList params={await searchParams} />}
    </AdminListPage>
  );
}

async function ProgramList({ params }: { params: Params }) {
  const query = searchParam(params.q).slice(0, 100);
  const includeArchived = searchParam(params.archived) === '1';
  const page = await listPrograms({ query, cursor: searchParam(params.cursor).slice(0, 600) || null, includeArchived });
  const next = new URLSearchParams({ ...(query ? { q: query } : {}), ...(includeArchived ? { archived: '1' } : {}), cursor: page.nextCursor ?? '' });
  return (
    <>
      <p>
        <Link href="/admin/programs/new">New program</Link>
      </p>
      <AdminSearchForm label="Search programs" query={query} placeholder="Title" includeArchived={includeArchived} />
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Episode</th>
            <th scope="col">Year</th>
            <th scope="col">Genres</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/admin/programs/${row.id}`}>{row.title}</Link>
              </td>
              <td>{row.subtitle ?? '—'}</td>
              <td>{row.year ?? '—'}</td>
              <td>{row.genres.join(', ')}</td>
              <td>{row.archived ? 'Archived' : 'Active'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListFooter count={page.rows.length} empty="No programs match." nextHref={page.nextCursor ? `/admin/programs?${next.toString()}` : null} />
    </>
  );
}
