import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminListPage, ListFooter } from '@/app/_components/admin/admin-list-page';
import styles from '@/app/_components/admin/admin.module.css';
import { diffFields } from '@/lib/audit/diff';
import { auditFilterSchema, listAudit } from '@/lib/audit/query';

export const metadata: Metadata = { title: 'Audit log' };

type Params = Record<string, string | string[] | undefined>;

const FILTERS = [
  { name: 'actor', label: 'Actor (email)' },
  { name: 'entityType', label: 'Entity type' },
  { name: 'entityId', label: 'Entity id' },
  { name: 'action', label: 'Action' },
] as const;

export default function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  return (
    <AdminListPage title="Audit log" role="EDITOR" path="/admin/audit">
      {async () => <AuditList params={await searchParams} />}
    </AdminListPage>
  );
}

async function AuditList({ params }: { params: Params }) {
  const parsed = auditFilterSchema.safeParse(params);
  if (!parsed.success) {
    return (
      <p role="alert">
        {parsed.error.issues[0]?.message ?? 'The filter is not valid.'} <Link href="/admin/audit">Clear filters</Link>
      </p>
    );
  }
  const filter = parsed.data;
  const page = await listAudit(filter);
  const { cursor: _cursor, ...kept } = filter;
  const next = new URLSearchParams({ ...Object.fromEntries(Object.entries(kept).filter((entry): entry is [string, string] => typeof entry[1] === 'string')), cursor: page.nextCursor ?? '' });
  return (
    <>
      <form className={styles.filters} role="search" aria-label="Filter the audit log">
        {FILTERS.map((field) => (
          <label key={field.name}>
            {field.label}
            <input name={field.name} defaultValue={filter[field.name] ?? ''} />
          </label>
        ))}
        <label>
          From
          <input type="date" name="from" defaultValue={filter.from ?? ''} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={filter.to ?? ''} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <table className={styles.table} aria-label="Audit entries">
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr key={row.id}>
              <td>{row.createdAt.replace('T', ' ').slice(0, 19)}</td>
              <td>{row.actorEmail ?? 'system'}</td>
              <td>{row.action}</td>
              <td>
                <Link href={`/admin/audit?entityType=${encodeURIComponent(row.entityType)}&entityId=${encodeURIComponent(row.entityId)}`}>
                  {row.entityType} {row.entityId.slice(0, 8)}
                </Link>
              </td>
              <td>
                <dl className={styles.diff}>
                  {diffFields(row.before, row.after).map((change) => (
                    <div key={change.field}>
                      <dt>{change.field}</dt>
                      <dd>
                        <del>{change.before}</del> → <ins>{change.after}</ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListFooter count={page.rows.length} empty="No entries match." nextHref={page.nextCursor ? `/admin/audit?${next.toString()}` : null} label="Older entries" />
    </>
  );
}
