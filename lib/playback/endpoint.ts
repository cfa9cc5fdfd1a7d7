// POST /api/playback/{airing|channel|episode|title}/{id}, independent of the server that
// carries it (the Next route handler and the lean per-user service call this one function).
// 200 { url, expiresAt, target } with a signed stream URL, or 403 with machine-readable
// reasons and one human sentence. Unknown kind or id: 404; malformed id: 400.
import 'server-only';
import { z } from 'zod';
import { userIdFromSessionCookies } from '@/lib/auth/session';
import { PLAYABLE_KINDS } from '@/lib/entitlements/rights-query';
import { AppError, errorPayload } from '@/lib/errors';
import { requestContextFrom } from '@/lib/geo/request-context';
import type { JsonAnswer, PerUserRequest } from '@/lib/profile/me-endpoint';
import { authorisePlayback } from './authorise';

const kindSchema = z.enum(PLAYABLE_KINDS);
const idSchema = z.uuid({ message: 'must be a UUID' });

export async function answerPlayback({ rawKind, rawId, readCookie, headers, now }: PerUserRequest & { rawKind: string; rawId: string }): Promise<JsonAnswer> {
  try {
    const kind = kindSchema.safeParse(rawKind);
    if (!kind.success) throw new AppError('not_found', 'Only airings, channels, episodes and titles can be played.');
    const id = idSchema.safeParse(rawId);
    if (!id.success) throw new AppError('bad_request', `The ${kind.data} id is not valid: it must be a UUID.`);
    // The token's user; authorisePlayback checks the account's current state.
    const userId = await userIdFromSessionCookies(readCookie);
    const outcome = await authorisePlayback({ kind: kind.data, id: id.data.toLowerCase(), userId, request: requestContextFrom(headers), now });
    if (!outcome.allowed) {
      return { status: 403, body: { error: { code: 'forbidden', reasons: outcome.reasons, message: outcome.message } } };
    }
    return { status: 200, body: { url: outcome.url, expiresAt: outcome.expiresAt, target: outcome.target } };
  } catch (error) {
    return errorPayload(error);
  }
}
