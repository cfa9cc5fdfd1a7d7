// `npm run db:migrate`: applies prisma/migrations to $DATABASE_URL (creating the database
// when missing). Exit codes: 0 up to date, 1 a migration or history problem (the message
// says what to do), 2 PostgreSQL unreachable.
import { env } from '@/lib/env';
import { MigrationError, migrate, redact } from '@/lib/db/migrate';

async function main(): Promise<number> {
  console.log(`migrating ${redact(env.DATABASE_URL)}`);
  try {
    await migrate(env.DATABASE_URL);
    return 0;
  } catch (error) {
    if (error instanceof MigrationError) {
      console.error(`db:migrate failed: ${error.message}`);
      return 1;
    }
    const code = (error as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '28000') {
      console.error(
        `db:migrate could not connect to ${redact(env.DATABASE_URL)}: ${(error as Error).message}\n` +
          'Is PostgreSQL running? Locally: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
      );
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main();
