// Playback authorisation: the authoritative decision. Rights are re-read from PostgreSQL,
// the profile comes from the profile cache, the decision is the same pure function the
// browser runs, every decision is recorded (a row in playback_decisions and a log line),
// and an allowed one gets a short-lived signed stream URL for the edge.
import 'server-only';
import { db } from '@/lib/db/client';
import { decide } from '@/lib/entitlements/decide';
import { explainDecision } from '@/lib/entitlements/explain';
import { queryRights, type PlayableKind } from '@/lib/entitlements/rights-query';
import type { Reason } from '@/lib/entitlements/types';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { ResolvedRequest } from '@/lib/geo/request-context';
import { getProfile } from '@/lib/profile';
import { signStreamUrl } from './signed-url';

export interface PlaybackRequest {
  kind: PlayableKind;
  id: string;
  userId: string | null;
  request: ResolvedRequest;
  now: number;
}

export type PlaybackOutcome =
  | { allowed: true; url: string; expiresAt: string; target: { kind: PlayableKind; id: string; name: string } }
  | { allowed: false; reasons: Reason[]; message: string };

export async function authorisePlayback({ kind, id, userId, request, now }: PlaybackRequest): Promise<PlaybackOutcome> {
  const [target, profile] = await Promise.all([queryRights(kind, id, new Date(now)), userId ? getProfile(userId) : null]);
  if (!target) throw new AppError('not_found', `There is no ${kind} with id ${id}.`);
  const decision = decide(profile, request, target.rights, now);
  const reasons = decision.allowed ? [] : decision.reasons;

  await db.playbackDecision.create({
    data: { userId: profile?.userId ?? null, targetType: kind, targetId: id, allowed: decision.allowed, reasons: reasons.map((r) => r.code), country: request.country, asn: request.asn },
    select: { id: true },
  });
  console.info(JSON.stringify({ msg: 'playback decision', kind, id, userId: profile?.userId ?? null, allowed: decision.allowed, reasons: reasons.map((r) => r.code), country: request.country, asn: request.asn }));

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
