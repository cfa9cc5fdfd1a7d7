// Runs in every integration worker before a test file's imports: points lib/env.ts (which
// reads process.env once, at import) at the run's database, Redis and queue Redis.
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.REDIS_URL = inject('redisUrl');
process.env.QUEUE_REDIS_URL = inject('queueRedisUrl');
