import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminListPage, AdminTable, ListFooter, type AdminColumn } from '@/app/_components/admin/admin-list-page';
import { AdminSearchForm, searchParam } from '@/app/_components/admin/admin-search-form';
import styles from '@/app/_components/admin/admin.module.css';
import { listBlackouts, listRuleChoices, listRules } from '@/lib/admin/rights';
import { BlackoutForm, DeleteBlackoutForm } from './blackout-forms';

export const metadata: Metadata = { title: 'Rights' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default function RightsPage({ searchParams }: Props) {
  return (
    <AdminListPage title="Rights" role="EDITOR" path="/admin/rights">
      {async () => <RightsOverview params={await searchParams} />}
    </AdminListPage>
  );
}

const UTC = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' });

async function RightsOverview({ params }: { params: Record<string, string | string[] | undefined> }) {
  const query = searchParam(params.q).slice(0, 100);
  const [page, blackouts, choices] = await Promise.all([listRules({ query, after: searchParam(params.after) || null }), listBlackouts(), listRuleChoices()]);
  const next = new URLSearchParams({ ...(query ? { q: query } : {}), after: page.nextCursor ?? '' });
  return (
    <>
      <p>
        <Link href="/admin/rights/new">New rule</Link>
      </p>
      <AdminSearchForm label="Search rules" query={query} placeholder="Rule name" />
      <AdminTable rows={page.rows} columns={RULE_COLUMNS} />
      <ListFooter count={page.rows.length} empty="No rules match." nextHref={page.nextCursor ? `/admin/rights?${next.toString()}` : null} />
      <h2>Blackouts</h2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">From (UTC)</th>
            <th scope="col">Until (UTC)</th>
            <th scope="col">Countries</th>
            <th scope="col">Reason</th>
            <th scope="col">Substitute</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {blackouts.map((blackout) => (
            <tr key={blackout.id}>
              <td>{blackout.channelName}</td>
              <td>{UTC.format(blackout.startsAt)}</td>
              <td>{UTC.format(blackout.endsAt)}</td>
              <td>{blackout.countries.join(', ') || 'Everywhere'}</td>
              <td>{blackout.reason}</td>
              <td>{blackout.substituteName ?? '—'}</td>
              <td>
                <DeleteBlackoutForm id={blackout.id} label={`${blackout.channelName} ${UTC.format(blackout.startsAt)}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {blackouts.length === 0 ? <p>No current or upcoming blackouts.</p> : null}
      <BlackoutForm channels={choices.channels} />
    </>
  );
}

const RULE_COLUMNS: AdminColumn<Awaited<ReturnType<typeof listRules>>['rows'][number]>[] = [
  { header: 'Rule', cell: (row) => <Link href={`/admin/rights/${row.id}`}>{row.name}</Link> },
  { header: 'Packages', cell: (row) => row.packageNames.join(', ') || '—' },
  { header: 'Allowed', cell: (row) => row.allowedCountries.join(', ') || 'Everywhere' },
  { header: 'Denied', cell: (row) => row.deniedCountries.join(', ') || '—' },
  { header: 'Used by', cell: (row) => `${row.channelCount} channels, ${row.titleCount} titles` },
];
