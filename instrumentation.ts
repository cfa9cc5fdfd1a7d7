// Runs once when a Next.js server process starts (before it serves requests).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Every log line of this process says it came from Next (lib/observability/log.ts).
  const { setLogService } = await import('./lib/observability/log');
  setLogService('next');
  // Redis time in the Server-Timing header of instrumented route handlers.
  const { timeRedisCommandsPerRequest } = await import('./lib/observability/redis-timing');
  timeRedisCommandsPerRequest();
  // The socket peer address, stamped on every request so route handlers can trust it
  // (lib/geo/client-address.ts explains why X-Forwarded-For alone cannot be).
  const { installPeerAddressHook } = await import('./lib/geo/peer-address-hook');
  installPeerAddressHook();
  // Open the GeoIP databases now, so a missing file is one warning at boot.
  const { geoDatabases } = await import('./lib/geo/lookup');
  geoDatabases();
  // Connect to Redis before the first request: without an offline queue, commands sent
  // while the first connection is still being made fail instead of waiting.
  const { getRedis } = await import('./lib/redis/client');
  getRedis();
}
