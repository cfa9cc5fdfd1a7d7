import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminListPage, AdminTable, ListFooter, type AdminColumn } from '@/app/_components/admin/admin-list-page';
import { AdminSearchForm, searchParam } from '@/app/_components/admin/admin-search-form';
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
      <AdminTable rows={page.rows} columns={CHANNEL_COLUMNS} />
      <ListFooter count={page.rows.length} empty="No channels match." nextHref={page.nextCursor !== null ? `/admin/channels?${next.toString()}` : null} />
    </>
  );
}

const CHANNEL_COLUMNS: AdminColumn<Awaited<ReturnType<typeof listChannels>>['rows'][number]>[] = [
  { header: 'No.', cell: (row) => row.number },
  { header: 'Name', cell: (row) => <Link href={`/admin/channels/${row.id}`}>{row.name}</Link> },
  { header: 'Slug', cell: (row) => row.slug },
  { header: 'Time zone', cell: (row) => row.timeZone },
  { header: 'Group', cell: (row) => row.groupName ?? '—' },
  { header: 'Status', cell: (row) => (row.archived ? 'Archived' : 'On air') },
];
