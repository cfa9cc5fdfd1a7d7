import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminListPage, ListFooter } from '@/app/_components/admin/admin-list-page';
import { AdminSearchForm, searchParam } from '@/app/_components/admin/admin-search-form';
import styles from '@/app/_components/admin/admin.module.css';
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
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Country</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/admin/users/${row.id}`}>{row.email}</Link>
              </td>
              <td>{row.role.toLowerCase()}</td>
              <td>{row.homeCountry ?? '—'}</td>
              <td>{row.disabled ? 'Disabled' : 'Active'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListFooter count={page.rows.length} empty="No users match." nextHref={page.nextCursor ? `/admin/users?${next.toString()}` : null} />
    </>
  );
}
