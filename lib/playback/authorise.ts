// Playback authorisation: the authoritative decision. Rights are re-read from PostgreSQL
// (at most once per second per item and process: rights-cache.ts), the profile comes from
// the profile cache, the decision is the same pure function the
// browser runs, every decision is recorded (a row in playback_decisions, a log line and the metrics),
// and an allowed one gets a short-lived signed stream URL for the edge.
import 'server-only';
import { loadUserState } from '@/lib/auth/user-state';
import { decide } from '@/lib/entitlements/decide';
import { explainDecision } from '@/lib/entitlements/explain';
import { queryRights, type PlayableKind } from '@/lib/entitlements/rights-query';
import type { Reason } from '@/lib/entitlements/types';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { ResolvedRequest } from '@/lib/geo/request-context';
import { hotPathLog, log } from '@/lib/observability/log';
import { getProfile } from '@/lib/profile';
import { countDecision } from './decision-metrics';
import { DecisionLog } from './decision-log';
import { DECISION_WRITERS, writeDecisions } from './decision-store';
import { RightsCache } from './rights-cache';
import { signStreamUrl } from './signed-url';

export interface PlaybackRequest {
  kind: PlayableKind;
  id: string;
  /** The session token's user; their account's current state is checked here. */
  userId: string | null;
  request: ResolvedRequest;
  now: number;
}

export type PlaybackOutcome =
  | { allowed: true; url: string; expiresAt: string; target: { kind: PlayableKind; id: string; name: string } }
  | { allowed: false; reasons: Reason[]; message: string };

// One per process (kept on globalThis so dev-mode reloads do not multiply them).
const globalForPlayback = globalThis as unknown as {
  primetimeRights?: RightsCache<Awaited<ReturnType<typeof queryRights>>>;
  primetimeDecisions?: DecisionLog;
};

function rightsCache() {
  globalForPlayback.primetimeRights ??= new RightsCache({ load: (kind, id, asOf) => queryRights(kind as PlayableKind, id, asOf) });
  return globalForPlayback.primetimeRights;
}

function decisionLog(): DecisionLog {
  globalForPlayback.primetimeDecisions ??= new DecisionLog({
    maxInFlight: DECISION_WRITERS,
    write: writeDecisions,
    onDropped: (rows, why) =>
      log.warn({ count: rows.length, why }, 'playback decisions not stored in PostgreSQL (their log lines have them)'),
  });
  return globalForPlayback.primetimeDecisions;
}

/** Waits until every decision made so far is in playback_decisions (shutdown, tests). */
export function flushPlaybackDecisions(): Promise<void> {
  return globalForPlayback.primetimeDecisions?.flush() ?? Promise.resolve();
}

/**
 * The profile of an enabled account, or null (disabled, deleted). Authoritative: the account's
 * current state, not only the token, so a disabled account cannot start a stream with a
 * session it still holds. Both reads start in the same tick, so ioredis's auto-pipelining
 * sends them as one round trip to Redis (they were two in a row before).
 */
async function activeProfile(userId: string) {
  const [state, profile] = await Promise.all([loadUserState(userId), getProfile(userId)]);
  return state && !state.disabled ? profile : null;
}

export async function authorisePlayback({ kind, id, userId, request, now }: PlaybackRequest): Promise<PlaybackOutcome> {
  const [target, profile] = await Promise.all([rightsCache().get(kind, id, now), userId ? activeProfile(userId) : null]);
  if (!target) throw new AppError('not_found', `There is no ${kind} with id ${id}.`);
  const decision = decide(profile, request, target.rights, now);
  const reasons = decision.allowed ? [] : decision.reasons;

  decisionLog().record({ userId: profile?.userId ?? null, targetType: kind, targetId: id, allowed: decision.allowed, reasons: reasons.map((r) => r.code), country: request.country, asn: request.asn });
  countDecision(decision.allowed, reasons);
  hotPathLog.info({ kind, id, userId: profile?.userId ?? null, allowed: decision.allowed, reasons: reasons.map((r) => r.code), country: request.country, asn: request.asn }, 'playback decision');

  if (!decision.allowed) {
    const { message } = explainDecision(decision, { timeZone: profile?.timeZone ?? env.DEFAULT_TIME_ZONE, now });
    return { allowed: false, reasons, message };
  }
  const signed = signStreamUrl(target.streamPath, {
    secret: env.PLAYBACK_SIGNING_SECRET,
    baseUrl: env.STREAM_BASE_URL,
    ttlSeconds: env.PLAYBACK_URL_TTL_SECONDS,
    clientAddress: env.PLAYBACK_BIND_CLIENT_ADDRESS ? request.address : null,
    now,
  });
  return { allowed: true, url: signed.url, expiresAt: new Date(signed.expiresAt).toISOString(), target: { kind, id, name: target.name } };
}
