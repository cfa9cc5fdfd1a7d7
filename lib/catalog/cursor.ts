// Keyset cursors for category pages: the (added_at, title_id) of the last title shown.
// Opaque to clients (base64url) and validated strictly on the way back in, so a tampered
// or truncated cursor is "invalid" (a 400 or a redirect to the first page), never a 500.
// Nothing is secret in it (it only positions within public data), so it is not signed.
import { z } from 'zod';

export interface CategoryCursor {
  /** added_at of the last title shown, in epoch milliseconds (the column has ms precision). */
  addedAtMs: number;
  titleId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_CURSOR_LENGTH = 96;

const payloadSchema = z.tuple([
  z.number().int().min(0).max(8_640_000_000_000_000),
  z.string().regex(UUID),
]);

export function encodeCursor(cursor: CategoryCursor): string {
  return Buffer.from(JSON.stringify([cursor.addedAtMs, cursor.titleId]), 'utf8').toString('base64url');
}

/** The cursor, or null when `raw` is not one this app produced. */
export function decodeCursor(raw: string): CategoryCursor | null {
  if (raw.length === 0 || raw.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return null;
  // Re-encoding must give the same text: rejects padding tricks and non-canonical forms.
  const cursor = { addedAtMs: parsed.data[0], titleId: parsed.data[1] };
  return encodeCursor(cursor) === raw ? cursor : null;
}
