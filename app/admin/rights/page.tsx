import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminListPage, ListFooter } from '@/app/_components/admin/admin-list-page';
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
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Packages</th>
            <th scope="col">Allowed</th>
            <th scope="col">Denied</th>
            <th scope="col">Used by</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/admin/rights/${row.id}`}>{row.name}</Link>
              </td>
              <td>{row.packageNames.join(', ') || '—'}</td>
              <td>{row.allowedCountries.join(', ') || 'Everywhere'}</td>
              <td>{row.deniedCountries.join(', ') || '—'}</td>
              <td>
                {row.channelCount} channels, {row.titleCount} titles
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
