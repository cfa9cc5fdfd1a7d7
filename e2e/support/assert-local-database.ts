// The browser tests read (and later seed and clean up) the database they run against.
// Refuse anything but a database on this machine, so a stray DATABASE_URL pointing at a
// shared or production server can never be touched by a test run.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** The database URL the tests use: lib/env.ts's default when DATABASE_URL is unset. */
export function testDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/primetime';
}

/** Throws unless `url` names a PostgreSQL server on localhost; returns the URL. */
export function assertLocalDatabase(url: string = testDatabaseUrl()): string {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error('DATABASE_URL is not a valid URL; the browser tests refuse to run.');
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(
      `DATABASE_URL points at "${host}", not at this machine; the browser tests only run against a local database ` +
        '(localhost, 127.0.0.1 or ::1). Unset DATABASE_URL or point it at a local server.',
    );
  }
  return url;
}
