import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('works with no variables at all (local defaults)', () => {
    const parsed = parseEnv({});
    expect(parsed.DATABASE_URL).toMatch(/^postgresql:\/\//);
    expect(parsed.REDIS_URL).toMatch(/^redis:\/\//);
    expect(parsed.DEFAULT_TIME_ZONE).toBe('Europe/London');
  });

  it('names each malformed variable', () => {
    try {
      parseEnv({ DATABASE_URL: 'mysql://nope', DEFAULT_TIME_ZONE: 'Europe/Atlantis', DATABASE_POOL_MAX: '0' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const problems = (error as EnvError).problems.join('\n');
      expect(problems).toMatch(/^DATABASE_URL: must be a postgresql:\/\/ URL$/m);
      expect(problems).toMatch(/^DEFAULT_TIME_ZONE: must be an IANA time zone/m);
      expect(problems).toMatch(/^DATABASE_POOL_MAX: /m);
    }
  });

  it('reads DATABASE_REPLICA_URLS as a list (empty when unset: everything on the primary) and names a bad entry', () => {
    expect(parseEnv({}).DATABASE_REPLICA_URLS).toEqual([]);
    expect(parseEnv({ DATABASE_REPLICA_URLS: 'postgresql://r1:5432/p, postgres://r2/p' }).DATABASE_REPLICA_URLS).toEqual([
      'postgresql://r1:5432/p',
      'postgres://r2/p',
    ]);
    expect(() => parseEnv({ DATABASE_REPLICA_URLS: 'postgresql://r1/p,mysql://r2/p' })).toThrow(
      /DATABASE_REPLICA_URLS: must be a comma-separated list of postgresql:\/\/ URLs/,
    );
  });

  it('coerces numbers from strings', () => {
    expect(parseEnv({ DATABASE_POOL_MAX: '25' }).DATABASE_POOL_MAX).toBe(25);
  });

  it('wants the edge purge secret with the edge purge URL, and one nginx can hold', () => {
    const url = 'http://127.0.0.1:8080/__edge/purge';
    const problems = (source: Record<string, string>) => {
      try {
        parseEnv(source);
        return '';
      } catch (error) {
        return (error as EnvError).problems.join('\n');
      }
    };
    expect(problems({ EDGE_PURGE_URL: url })).toMatch(/^EDGE_PURGE_SECRET: is required when EDGE_PURGE_URL is set$/m);
    expect(problems({ EDGE_PURGE_URL: url, EDGE_PURGE_SECRET: 'short' })).toMatch(/^EDGE_PURGE_SECRET: must be at least 32 characters/m);
    expect(problems({ EDGE_PURGE_URL: url, EDGE_PURGE_SECRET: `${'a'.repeat(32)}"; deny all;` })).toMatch(/^EDGE_PURGE_SECRET: may hold letters/m);
    expect(parseEnv({ EDGE_PURGE_URL: url, EDGE_PURGE_SECRET: 'x'.repeat(40) }).EDGE_PURGE_URL).toBe(url);
  });
});

describe('boot with a malformed environment', () => {
  it('prints one clear line naming the variable and exits non-zero', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', "await import('./lib/env.ts')"], {
      env: { ...process.env, DATABASE_URL: 'not a url' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(78);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^primetime: invalid environment variable DATABASE_URL: /),
    ]);
  }, 15_000);

  it('in production refuses to start without its secrets, or with a test-only clock', () => {
    const boot = (extra: Record<string, string>) => {
      const base: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production' };
      for (const name of ['PRIMETIME_LOCAL', 'AUTH_SECRET', 'REVALIDATE_SECRET', 'PLAYBACK_SIGNING_SECRET', 'PRIMETIME_TEST_NOW']) delete base[name];
      return spawnSync(process.execPath, ['--import', 'tsx', '-e', "await import('./lib/env.ts')"], { env: { ...base, ...extra } as NodeJS.ProcessEnv, encoding: 'utf8' });
    };
    const missing = boot({});
    expect(missing.status).toBe(78);
    expect(missing.stderr).toMatch(/invalid environment variable AUTH_SECRET/);
    expect(missing.stderr).toMatch(/invalid environment variable PLAYBACK_SIGNING_SECRET/);

    const secrets = { AUTH_SECRET: 'a'.repeat(40), REVALIDATE_SECRET: 'b'.repeat(40), PLAYBACK_SIGNING_SECRET: 'c'.repeat(40) };
    const pinned = boot({ ...secrets, PRIMETIME_TEST_NOW: '2027-03-27T12:00:00Z' });
    expect(pinned.status).toBe(78);
    expect(pinned.stderr, pinned.stderr).toMatch(/invalid environment variable PRIMETIME_TEST_NOW: pins the clock for tests and is refused in production/);

    expect(boot(secrets).status).toBe(0);
    // Three tsx boots in a row: past Vitest's 5 s default on a loaded two-core machine.
  }, 30_000);
});
