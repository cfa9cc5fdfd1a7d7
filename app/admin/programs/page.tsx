import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminListPage, AdminTable, ListFooter, type AdminColumn } from '@/app/_components/admin/admin-list-page';
import { AdminSearchForm, searchParam } from '@/app/_components/admin/admin-search-form';
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
      <AdminTable rows={page.rows} columns={PROGRAM_COLUMNS} />
      <ListFooter count={page.rows.length} empty="No programs match." nextHref={page.nextCursor ? `/admin/programs?${next.toString()}` : null} />
    </>
  );
}

const PROGRAM_COLUMNS: AdminColumn<Awaited<ReturnType<typeof listPrograms>>['rows'][number]>[] = [
  { header: 'Title', cell: (row) => <Link href={`/admin/programs/${row.id}`}>{row.title}</Link> },
  { header: 'Episode', cell: (row) => row.subtitle ?? '—' },
  { header: 'Year', cell: (row) => row.year ?? '—' },
  { header: 'Genres', cell: (row) => row.genres.join(', ') },
  { header: 'Status', cell: (row) => (row.archived ? 'Archived' : 'Active') },
];
