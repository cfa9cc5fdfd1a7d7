// Both ways PostgreSQL refuses an overlapping airing (SQLSTATE 23P01) turned into one shape,
// so the API can answer one 409 that names the conflict:
// - the per-partition exclusion constraint `airings_yYYYYmMM_no_overlap`, whose DETAIL is
//   `Key (channel_id, during)=(…) conflicts with existing key (channel_id, during)=(<uuid>, ["<start>","<end>"))`
//   (it names the channel and range, not the id: look the airing up by them);
// - the cross-partition trigger `airings_no_cross_partition_overlap`, whose DETAIL is
//   `conflicting airing <uuid> [<start ISO>, <end ISO>)`.

export interface AiringConflict {
  /** Known when the trigger raised it; otherwise find it by channelId + range. */
  airingId: string | null;
  channelId: string | null;
  startsAt: Date;
  endsAt: Date;
  constraint: string | null;
}

interface PgErrorLike {
  code?: unknown;
  detail?: unknown;
  constraint?: unknown;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TRIGGER_DETAIL = new RegExp(`^conflicting airing (${UUID}) \\[([^,]+), ([^)]+)\\)$`, 'i');
const EXCLUSION_DETAIL = new RegExp(`conflicts with existing key \\(channel_id, during\\)=\\((${UUID}), \\["([^"]+)","([^"]+)"\\)\\)`, 'i');

/** PostgreSQL's text timestamps ("2023-11-10 10:00:00+00", "…:00.5+05:30") as Dates. */
function parseTimestamp(text: string): Date {
  const iso = text.trim().replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`unparsable timestamp in overlap detail: ${text}`);
  return date;
}

/** The conflict named by a 23P01 error on airings, or null for any other error. */
export function airingConflictFrom(error: unknown): AiringConflict | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, detail, constraint } = error as PgErrorLike;
  if (code !== '23P01' || typeof detail !== 'string') return null;
  const constraintName = typeof constraint === 'string' ? constraint : null;
  const fromTrigger = TRIGGER_DETAIL.exec(detail);
  if (fromTrigger) {
    return {
      airingId: fromTrigger[1] ?? null,
      channelId: null,
      startsAt: parseTimestamp(fromTrigger[2] ?? ''),
      endsAt: parseTimestamp(fromTrigger[3] ?? ''),
      constraint: constraintName,
    };
  }
  const fromConstraint = EXCLUSION_DETAIL.exec(detail);
  if (fromConstraint) {
    return {
      airingId: null,
      channelId: fromConstraint[1] ?? null,
      startsAt: parseTimestamp(fromConstraint[2] ?? ''),
      endsAt: parseTimestamp(fromConstraint[3] ?? ''),
      constraint: constraintName,
    };
  }
  return null;
}
