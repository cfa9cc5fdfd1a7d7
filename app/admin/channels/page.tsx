import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminListPage, ListFooter } from '@/app/_components/admin/admin-list-page';
import { AdminSearchForm, searchParam } from '@/app/_components/admin/admin-search-form';
import styles from '@/app/_components/admin/admin.module.css';
import { listChannels } from '@/lib/admin/channels';

export const metadata: Metadata = { title: 'Channels' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default function ChannelsPage({ searchParams }: Props) {
  return (
    <AdminListPage title="Channels" role="EDITOR" path="/admin/channels">
      {async () => <ChannelList params={await searchParams} />}
    </AdminListPage>
  );
}

async function ChannelList({ params }: { params: Record<string, string | string[] | undefined> }) {
  const query = searchParam(params.q).slice(0, 100);
  const after = /^\d{1,6}$/.test(searchParam(params.after)) ? Number(searchParam(params.after)) : null;
  const includeArchived = searchParam(params.archived) === '1';
  const page = await listChannels({ query, after, includeArchived });
  const next = new URLSearchParams({ ...(query ? { q: query } : {}), ...(includeArchived ? { archived: '1' } : {}), after: String(page.nextCursor ?? '') });
  return (
    <>
      <p>
        <Link href="/admin/channels/new">New channel</Link>
      </p>
      <AdminSearchForm label="Search channels" query={query} placeholder="Name, slug or number" includeArchived={includeArchived} />
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">Name</th>
            <th scope="col">Slug</th>
            <th scope="col">Time zone</th>
            <th scope="col">Group</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr key={row.id}>
              <td>{row.number}</td>
              <td>
                <Link href={`/admin/channels/${row.id}`}>{row.name}</Link>
              </td>
              <td>{row.slug}</td>
              <td>{row.timeZone}</td>
              <td>{row.groupName ?? '—'}</td>
              <td>{row.archived ? 'Archived' : 'On air'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListFooter count={page.rows.length} empty="No channels match." nextHref={page.nextCursor !== null ? `/admin/channels?${next.toString()}` : null} />
    </>
  );
}
