// Test databases live on the server of $DATABASE_URL (or the local default), never in it.
const LOCAL_DEFAULT = 'postgresql://postgres@127.0.0.1:5432/primetime';

/** The URL of database `name` on the configured server. */
export function databaseUrlFor(name: string, base: string = process.env.DATABASE_URL ?? LOCAL_DEFAULT): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
