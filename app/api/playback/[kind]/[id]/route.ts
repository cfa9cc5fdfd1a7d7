// POST /api/playback/{airing|channel|episode|title}/{id}: may the viewer play it now?
// 200 { url, expiresAt, target } with a signed stream URL, or 403 with machine-readable
// reasons and one human sentence. Unknown kind or id: 404; malformed id: 400.
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { getSessionUserId } from '@/lib/auth/session';
import { PLAYABLE_KINDS } from '@/lib/entitlements/rights-query';
import { AppError, errorResponse } from '@/lib/errors';
import { requestContextFrom } from '@/lib/geo/request-context';
import { authorisePlayback } from '@/lib/playback/authorise';

const NO_STORE = { 'Cache-Control': 'private, no-store' };
const kindSchema = z.enum(PLAYABLE_KINDS);
const idSchema = z.uuid({ message: 'must be a UUID' });

export async function POST(request: NextRequest, { params }: { params: Promise<{ kind: string; id: string }> }) {
  try {
    const { kind: rawKind, id: rawId } = await params;
    const kind = kindSchema.safeParse(rawKind);
    if (!kind.success) throw new AppError('not_found', 'Only airings, channels, episodes and titles can be played.');
    const id = idSchema.safeParse(rawId);
    if (!id.success) throw new AppError('bad_request', `The ${kind.data} id is not valid: it must be a UUID.`);

    const outcome = await authorisePlayback({
      kind: kind.data,
      id: id.data.toLowerCase(),
      userId: await getSessionUserId(),
      request: requestContextFrom(request.headers),
      now: Date.now(),
    });
    if (!outcome.allowed) {
      return NextResponse.json(
        { error: { code: 'forbidden', reasons: outcome.reasons, message: outcome.message } },
        { status: 403, headers: NO_STORE },
      );
    }
    return NextResponse.json({ url: outcome.url, expiresAt: outcome.expiresAt, target: outcome.target }, { headers: NO_STORE });
  } catch (error) {
    const response = errorResponse(error);
    response.headers.set('Cache-Control', 'private, no-store');
    return response;
  }
}
