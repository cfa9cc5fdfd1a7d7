// The server's "now" for what the guide can reach: which day is today, which days the
// guide offers, the channel week. Always the system clock, except in test runs that pin it
// with PRIMETIME_TEST_NOW (refused in production by lib/env.ts): a browser test can then
// walk a clock-change weekend months away, with the browser's clock pinned to the same
// instant (Playwright's page.clock). Only the guide's reach uses it: sessions, rate limits,
// playback and availability keep the real clock.
import { env } from '@/lib/env';

const pinned = env.PRIMETIME_TEST_NOW === undefined ? null : Date.parse(env.PRIMETIME_TEST_NOW);

/** Now, as the guide's reach sees it. */
export function guideNow(): Date {
  return pinned === null ? new Date() : new Date(pinned);
}
