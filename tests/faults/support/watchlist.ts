// The viewer's watchlist: the simplest write a signed-in viewer makes, used by the
// PostgreSQL faults to see how writes fail and recover.
import { call, jsonWrite, sql, type Answer } from './stack';

export async function someTitleIds(count: number): Promise<string[]> {
  const rows = await sql<{ id: string }>('SELECT id FROM vod_titles ORDER BY id LIMIT $1', [count]);
  if (rows.length < count) throw new Error(`the seed has fewer than ${count} titles`);
  return rows.map((row) => row.id);
}

export const addToWatchlist = (titleId: string, cookie: string): Promise<Answer> => call('/api/me/watchlist', jsonWrite('POST', { kind: 'title', id: titleId }, cookie));
export const removeFromWatchlist = (titleId: string, cookie: string): Promise<Answer> => call('/api/me/watchlist', jsonWrite('DELETE', { kind: 'title', id: titleId }, cookie));

/** The error code and message of a JSON error answer (or the status and text, when it is not one). */
export function errorOf(answer: Answer): { code: string; message: string } {
  let body: { error?: { code?: string; message?: string } } = {};
  try {
    body = answer.json() as typeof body;
  } catch {
    // not JSON: reported through the fallback below
  }
  return { code: body.error?.code ?? `(status ${answer.status}: ${answer.text.slice(0, 200)})`, message: body.error?.message ?? '' };
}
