// What the seed did is recorded in the database itself, as the comment on the channels table:
//   primetime-seed {"size":"demo","version":1,"today":"2026-11-21"}
// No extra table (the schema is fixed), transactional (COMMENT is part of the seed's
// transaction, so a failed seed leaves no marker), and readable with one catalog lookup.
import type { ClientBase } from 'pg';
import { isSeedSize, type SeedSize } from './sizes';

const PREFIX = 'primetime-seed ';

export interface SeedMarker {
  size: SeedSize;
  version: number;
  /** The UTC day the schedule was generated around (YYYY-MM-DD). */
  today: string;
}

export function formatMarker(marker: SeedMarker): string {
  return PREFIX + JSON.stringify({ size: marker.size, version: marker.version, today: marker.today });
}

export function parseMarker(comment: string | null): SeedMarker | null {
  if (!comment?.startsWith(PREFIX)) return null;
  try {
    const value = JSON.parse(comment.slice(PREFIX.length)) as Partial<SeedMarker>;
    if (typeof value.size === 'string' && isSeedSize(value.size) && typeof value.version === 'number' && typeof value.today === 'string') {
      return { size: value.size, version: value.version, today: value.today };
    }
  } catch {
    // Not ours: treated like no marker.
  }
  return null;
}

export async function readMarker(client: ClientBase): Promise<SeedMarker | null> {
  const { rows } = await client.query<{ comment: string | null }>(`SELECT obj_description('public.channels'::regclass, 'pg_class') AS comment`);
  return parseMarker(rows[0]?.comment ?? null);
}

export async function writeMarker(client: ClientBase, marker: SeedMarker): Promise<void> {
  // COMMENT takes no bind parameters; the literal is escaped by doubling quotes.
  await client.query(`COMMENT ON TABLE public.channels IS '${formatMarker(marker).replace(/'/g, "''")}'`);
}

export async function clearMarker(client: ClientBase): Promise<void> {
  await client.query('COMMENT ON TABLE public.channels IS NULL');
}
