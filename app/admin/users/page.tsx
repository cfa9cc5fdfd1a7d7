import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminListPage, AdminTable, ListFooter, type AdminColumn } from '@/app/_components/admin/admin-list-page';
import { AdminSearchForm, searchParam } from '@/app/_components/admin/admin-search-form';
import { listUsers } from '@/lib/admin/users';

export const metadata: Metadata = { title: 'Users' };

type Params = Record<string, string | string[] | undefined>;

export default function UsersPage({ searchParams }: { searchParams: Promise<Params> }) {
  return (
    <AdminListPage title="Users" role="ADMIN" path="/admin/users">
      {async () => <UserList params={await searchParams} />}
    </AdminListPage>
  );
}

async function UserList({ params }: { params: Params }) {
  const query = searchParam(params.q).slice(0, 254);
  const page = await listUsers({ query, after: searchParam(params.after).slice(0, 254) || null });
  const next = new URLSearchParams({ ...(query ? { q: query } : {}), after: page.nextCursor ?? '' });
  return (
    <>
      <AdminSearchForm label="Search users" query={query} />
      <AdminTable rows={page.rows} columns={USER_COLUMNS} />
      <ListFooter count={page.rows.length} empty="No users match." nextHref={page.nextCursor ? `/admin/users?${next.toString()}` : null} />
    </>
  );
}

const USER_COLUMNS: AdminColumn<Awaited<ReturnType<typeof listUsers>>['rows'][number]>[] = [
  { header: 'Email', cell: (row) => <Link href={`/admin/users/${row.id}`}>{row.email}</Link> },
  { header: 'Role', cell: (row) => row.role.toLowerCase() },
  { header: 'Country', cell: (row) => row.homeCountry ?? '—' },
  { header: 'State', cell: (row) => (row.disabled ? 'Disabled' : 'Active') },
];
