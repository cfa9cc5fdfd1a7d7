// Prisma CLI configuration. The CLI's schema engine cannot be downloaded on our
// machines, so only `prisma generate` runs here; migrations are applied by
// scripts/db/migrate.ts (see docs/decisions/0001-migration-runner.md), and
// `prisma migrate deploy` agrees with it where the engine is available.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/primetime',
  },
});
