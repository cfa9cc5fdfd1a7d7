// The watchlist against real PostgreSQL: each user sees and changes only their own list,
// adding or removing twice is idempotent, unknown or unpublished items are 404s, archived
// items drop out of the list, and deleting a user deletes their list.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { addToWatchlist, listWatchlist, removeFromWatchlist } from '@/lib/watchlist/watchlist';
import { watchlistItemRefSchema } from '@/lib/watchlist/schema';

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
});

async function newUser(): Promise<string> {
  const id = randomUUID();
  await client.query(`INSERT INTO users (id, email, updated_at) VALUES ($1, $2, now())`, [id, `watchlist-${id}@primetime.test`]);
  return id;
}

async function newTitle(name: string, published = true): Promise<string> {
  const id = randomUUID();
  await client.query(`INSERT INTO vod_titles (id, slug, kind, title, published_at, updated_at) VALUES ($1, $2, 'MOVIE', $3, $4, now())`, [
    id, `watchlist-${id}`, name, published ? new Date() : null,
  ]);
  return id;
}

async function newProgram(name: string): Promise<string> {
  const id = randomUUID();
  await client.query(`INSERT INTO programs (id, title, updated_at) VALUES ($1, $2, now())`, [id, name]);
  return id;
}

async function rowsOf(userId: string): Promise<number> {
  const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM watchlist_items WHERE user_id = $1', [userId]);
  return Number(rows[0]!.count);
}

async function expectNotFound(promise: Promise<unknown>): Promise<void> {
  const error: unknown = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(404);
}

describe('watchlist', () => {
  it('keeps each user to their own list', async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const film = await newTitle('Watchlist Film');
    const show = await newProgram('Watchlist Show');
    await addToWatchlist(alice, { kind: 'title', id: film });
    await addToWatchlist(alice, { kind: 'program', id: show });
    await addToWatchlist(bob, { kind: 'program', id: show });
    // Newest first: make the order independent of the clock's resolution.
    await client.query(`UPDATE watchlist_items SET added_at = now() - interval '1 minute' WHERE item_id = $1`, [film]);

    const aliceList = await listWatchlist(alice);
    expect(aliceList.map((entry) => [entry.kind, entry.name])).toEqual([
      ['program', 'Watchlist Show'],
      ['title', 'Watchlist Film'],
    ]);
    expect(aliceList[1]!.href).toBe(`/vod/titles/watchlist-${film}`);
    expect((await listWatchlist(bob)).map((entry) => entry.id)).toEqual([show]);

    // Bob removing the show removes it from his list only.
    expect(await removeFromWatchlist(bob, { kind: 'program', id: show })).toEqual({ removed: true });
    expect(await listWatchlist(bob)).toEqual([]);
    expect((await listWatchlist(alice)).map((entry) => entry.id)).toEqual([show, film]);
  });

  it('adds and removes idempotently, keeping the first addedAt', async () => {
    const user = await newUser();
    const film = await newTitle('Twice');
    expect(await addToWatchlist(user, { kind: 'title', id: film })).toEqual({ added: true });
    const [first] = await listWatchlist(user);
    expect(await addToWatchlist(user, { kind: 'title', id: film })).toEqual({ added: false });
    expect(await rowsOf(user)).toBe(1);
    expect((await listWatchlist(user))[0]!.addedAt).toBe(first!.addedAt);
    expect(await removeFromWatchlist(user, { kind: 'title', id: film })).toEqual({ removed: true });
    expect(await removeFromWatchlist(user, { kind: 'title', id: film })).toEqual({ removed: false });
    expect(await rowsOf(user)).toBe(0);
  });

  it('answers 404 for unknown, unpublished or wrong-kind items and writes nothing', async () => {
    const user = await newUser();
    const draft = await newTitle('Draft', false);
    const program = await newProgram('A programme, not a title');
    await expectNotFound(addToWatchlist(user, { kind: 'title', id: randomUUID() }));
    await expectNotFound(addToWatchlist(user, { kind: 'title', id: draft }));
    await expectNotFound(addToWatchlist(user, { kind: 'title', id: program }));
    await expectNotFound(removeFromWatchlist(user, { kind: 'program', id: randomUUID() }));
    expect(await rowsOf(user)).toBe(0);
  });

  it('drops archived items from the list and deletes the list with the user', async () => {
    const user = await newUser();
    const film = await newTitle('Archived later');
    const show = await newProgram('Stays');
    await addToWatchlist(user, { kind: 'title', id: film });
    await addToWatchlist(user, { kind: 'program', id: show });
    await client.query('UPDATE vod_titles SET archived_at = now() WHERE id = $1', [film]);
    expect((await listWatchlist(user)).map((entry) => entry.id)).toEqual([show]);
    await client.query('DELETE FROM users WHERE id = $1', [user]);
    expect(await rowsOf(user)).toBe(0);
  });

  it('validates input: kind and a UUID, nothing else', () => {
    expect(watchlistItemRefSchema.safeParse({ kind: 'title', id: randomUUID() }).success).toBe(true);
    expect(watchlistItemRefSchema.safeParse({ kind: 'channel', id: randomUUID() }).success).toBe(false);
    expect(watchlistItemRefSchema.safeParse({ kind: 'title', id: 'not-a-uuid' }).success).toBe(false);
    expect(watchlistItemRefSchema.safeParse({ kind: 'title', id: randomUUID(), userId: randomUUID() }).success).toBe(false);
  });
});
