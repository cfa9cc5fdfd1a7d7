// npm run db:seed -- --size=test|demo|load [--force]
//
// Seeds $DATABASE_URL deterministically. Idempotent: the seed records its size in a comment on
// the channels table (see prisma/seed/marker.ts), so a second run at the same size is a fast
// no-op, another size is refused without --force, and --force truncates the seeded tables
// (never _prisma_migrations) and seeds again. SEED_TODAY=YYYY-MM-DD fixes the schedule's day.
import { redact } from '@/lib/db/migrate';
import { env } from '@/lib/env';
import { isSeedSize, SEED_SIZES } from '../../prisma/seed/sizes';
import { seedToday } from '../../prisma/seed/time';
import { seed, SeedRefused } from '../../prisma/seed/run';

const USAGE = `usage: npm run db:seed -- --size=${SEED_SIZES.join('|')} [--force]
  SEED_TODAY=YYYY-MM-DD  generate the schedule around this UTC day instead of today`;

function parseArgs(argv: string[]): { size: string; force: boolean } {
  let size = '';
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--force') force = true;
    else if (arg.startsWith('--size=')) size = arg.slice('--size='.length);
    else if (arg === '--size') size = argv[++i] ?? '';
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`db:seed: unknown argument "${arg}"\n${USAGE}`);
      process.exit(64);
    }
  }
  return { size, force };
}

async function main(): Promise<number> {
  const { size, force } = parseArgs(process.argv.slice(2));
  if (!isSeedSize(size)) {
    console.error(`db:seed: --size must be one of ${SEED_SIZES.join(', ')}${size ? ` (got "${size}")` : ''}\n${USAGE}`);
    return 64;
  }
  const databaseUrl = env.DATABASE_URL;
  const today = seedToday(process.env.SEED_TODAY);
  const where = redact(databaseUrl);
  const log = (message: string) => console.log(message);
  try {
    const outcome = await seed({ databaseUrl, size, force, today, log });
    if (outcome.status === 'already-seeded') {
      const { marker } = outcome;
      const stale = marker.today !== today.toISOString().slice(0, 10);
      console.log(
        `db:seed: already seeded (${marker.size}) at ${where}, nothing to do` +
          (stale ? ` (its schedule is around ${marker.today}; use --force to regenerate it around today)` : ''),
      );
      return 0;
    }
    const rows = outcome.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`db:seed: seeded "${size}" into ${where}: ${rows.toLocaleString('en')} rows in ${(outcome.ms / 1000).toFixed(1)} s`);
    return 0;
  } catch (error) {
    if (error instanceof SeedRefused) {
      console.error(`db:seed: refused: ${error.message}`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (/ECONNREFUSED|does not exist/.test(message)) {
      console.error(`db:seed: cannot use ${where}: ${message}. Is PostgreSQL running, and did \`npm run db:migrate\` create the database?`);
    } else {
      console.error('db:seed: failed, nothing was written (the seed runs in one transaction):', error);
    }
    return 1;
  }
}

process.exitCode = await main();
