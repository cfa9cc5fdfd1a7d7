// Media to the CDN against real PostgreSQL, real sharp and the directory store in a temp dir:
// an editor's upload (real Request objects through lib/media/upload.ts) becomes one asset
// linked to its channel or programme with an audit row and a variants job in the outbox;
// the job makes content-hashed AVIF/WebP variants at the kind's widths (never upscaled),
// and running it again changes nothing. Bad uploads are 4xx answers that write nothing.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertRole } from '@/lib/auth/guards';
import { sessionUserFrom } from '@/lib/auth/session';
import { userStateKey } from '@/lib/auth/user-state';
import { TAGS } from '@/lib/cache/tags';
import { db } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { env } from '@/lib/env';
import { DirectoryMediaStore, listFiles } from '@/lib/media/store';
import { handleMediaUpload, type UploadDeps } from '@/lib/media/upload';
import { makeVariants } from '@/lib/media/variants';
import { getRedis } from '@/lib/redis/client';
import { testChannelNumber } from '../support/channel-number';

const COOKIE = 'authjs.session-token';
const ORIGIN = 'http://127.0.0.1:3400';
const BASE_URL = 'https://cdn.example/media';

let dir: string;
let store: DirectoryMediaStore;
let editor: string;
let viewer: string;
let channelId: string;
let programId: string;
const users: string[] = [];
const revalidated: string[] = [];

async function createUser(role: Role): Promise<string> {
  const user = await db.user.create({ data: { email: `media-${randomUUID()}@example.com`, role }, select: { id: true } });
  users.push(user.id);
  return user.id;
}

async function depsFor(userId: string | null, maxBytes = 1024 * 1024): Promise<UploadDeps> {
  const token = userId ? await encode({ token: { sub: userId }, secret: env.AUTH_SECRET, salt: COOKIE }) : undefined;
  return {
    db,
    store,
    authorize: async () => assertRole(await sessionUserFrom((name) => (name === COOKIE ? token : undefined)), 'EDITOR'),
    clientIp: async () => '203.0.113.7',
    revalidate: (tags) => void revalidated.push(...tags),
    maxBytes,
  };
}

function uploadRequest(target: string, id: string, body: Buffer | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  // `duplex` is needed by undici for a stream body; TypeScript's RequestInit does not know it yet.
  const init: RequestInit & { duplex: 'half' } = {
    method: 'POST',
    headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'x-file-name': encodeURIComponent('Affiche d’été.png'), ...headers },
    body: Buffer.isBuffer(body) ? new Uint8Array(body) : body,
    duplex: 'half',
  };
  return new Request(`${ORIGIN}/api/admin/media/upload?target=${target}&id=${id}`, init);
}

async function upload(target: string, id: string, bytes: Buffer, userId: string | null = editor, maxBytes?: number) {
  const response = await handleMediaUpload(uploadRequest(target, id, bytes), await depsFor(userId, maxBytes));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { assetId?: string; error?: { message: string } } };
}

/** A noisy gradient, so the encoders cannot collapse it to a few bytes. */
async function testImage(width: number, height: number, format: 'png' | 'jpeg'): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7 + Math.floor(i / (width * 3)) * 13 + (i % 251)) & 0xff;
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 85 }).toBuffer();
}

const log = () => undefined;

/** Every file in the store with its size and modification time: what "changes nothing" compares. */
async function snapshotStore() {
  const files = await listFiles(dir);
  return files.map((key) => {
    const stats = statSync(path.join(dir, key));
    return `${key} ${stats.size} ${stats.mtimeMs}`;
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'primetime-media-'));
  store = new DirectoryMediaStore(dir);
  editor = await createUser('EDITOR');
  viewer = await createUser('VIEWER');
  const suffix = randomUUID().slice(0, 8);
  channelId = (await db.channel.create({ data: { slug: `media-${suffix}`, number: testChannelNumber(), name: `Media ${suffix}`, timeZone: 'UTC' }, select: { id: true } })).id;
  programId = (await db.program.create({ data: { title: `Media poster ${suffix}`, genres: [] }, select: { id: true } })).id;
});

afterAll(async () => {
  const assets = await db.mediaAsset.findMany({ where: { uploadedById: { in: users } }, select: { id: true } });
  const assetIds = assets.map((asset) => asset.id);
  await db.auditLog.deleteMany({ where: { entityId: { in: [channelId, programId] } } });
  await db.channel.deleteMany({ where: { id: channelId } });
  await db.program.deleteMany({ where: { id: programId } });
  await db.outboxEvent.deleteMany({ where: { OR: [{ dedupeKey: { in: assetIds.map((id) => `media.variants:${id}`) } }, { topic: 'revalidate', payload: { path: ['tags'], array_contains: [TAGS.program(programId)] } }] } });
  await db.mediaAsset.deleteMany({ where: { id: { in: assetIds } } });
  await getRedis().del(...users.map(userStateKey));
  await db.user.deleteMany({ where: { id: { in: users } } });
  getRedis().disconnect();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe('media upload and variants', () => {
  let posterAsset: string;
  let poster: Buffer;

  it('stores a poster once, links it, audits it and queues its variants job in one go', async () => {
    poster = await testImage(900, 1350, 'png');
    revalidated.length = 0;
    const { status, body } = await upload('program-poster', programId, poster);
    expect(status).toBe(201);
    expect(body).toMatchObject({ created: true, width: 900, height: 1350, contentType: 'image/png', variants: [] });
    posterAsset = body.assetId!;

    const asset = await db.mediaAsset.findUniqueOrThrow({ where: { id: posterAsset }, select: { kind: true, sha256: true, storageKey: true, byteSize: true, originalName: true } });
    expect(asset).toMatchObject({ kind: 'POSTER', byteSize: poster.byteLength, originalName: 'Affiche d’été.png' });
    expect(asset.storageKey).toBe(`originals/${asset.sha256}.png`);
    expect(await store.exists(asset.storageKey)).toBe(true);
    expect((await db.program.findUniqueOrThrow({ where: { id: programId }, select: { posterAssetId: true } })).posterAssetId).toBe(posterAsset);
    const audit = await db.auditLog.findMany({ where: { entityId: programId }, select: { action: true, actorId: true, ip: true, before: true, after: true } });
    expect(audit).toEqual([{ action: 'program.poster', actorId: editor, ip: '203.0.113.7', before: { assetId: null }, after: expect.objectContaining({ assetId: posterAsset, sha256: asset.sha256 }) }]);
    expect(await db.outboxEvent.count({ where: { topic: 'media.variants', dedupeKey: `media.variants:${posterAsset}` } })).toBe(1);
    expect(revalidated).toEqual([TAGS.program(programId)]);
  });

  it('makes AVIF and WebP variants at the poster widths up to the original, named by their content hash', async () => {
    const outcome = await makeVariants(posterAsset, { db, store, baseUrl: BASE_URL, log });
    expect(outcome).toEqual({ changed: 6, unchanged: 0, written: 6 });
    const variants = await db.mediaVariant.findMany({ where: { assetId: posterAsset }, orderBy: [{ format: 'asc' }, { width: 'asc' }], select: { format: true, width: true, height: true, byteSize: true, storageKey: true, url: true } });
    // 900 px wide: 160, 320 and 640, not 1280 (no upscaling).
    expect(variants.map((variant) => `${variant.format}:${variant.width}x${variant.height}`)).toEqual([
      'avif:160x240', 'avif:320x480', 'avif:640x960',
      'webp:160x240', 'webp:320x480', 'webp:640x960',
    ]);
    for (const variant of variants) {
      expect(variant.storageKey).toMatch(new RegExp(`^poster/${posterAsset}/${variant.width}w-[0-9a-f]{20}\\.${variant.format}$`));
      expect(variant.url).toBe(`${BASE_URL}/${variant.storageKey}`);
      const bytes = await store.get(variant.storageKey);
      expect(bytes.byteLength).toBe(variant.byteSize);
      const metadata = await sharp(bytes).metadata();
      expect({ format: metadata.format === 'heif' ? 'avif' : metadata.format, width: metadata.width }).toEqual({ format: variant.format, width: variant.width });
    }
    const revalidate = await db.outboxEvent.findMany({ where: { topic: 'revalidate', payload: { path: ['tags'], array_contains: [TAGS.program(programId)] } }, select: { payload: true } });
    expect(revalidate).toEqual([{ payload: { tags: [TAGS.program(programId)] } }]);
  });

  it('changes nothing when the job runs again (rows, files, queued revalidations)', async () => {
    const rowsBefore = await db.mediaVariant.findMany({ where: { assetId: posterAsset }, orderBy: { storageKey: 'asc' } });
    const filesBefore = await snapshotStore();
    const outboxBefore = await db.outboxEvent.count();
    expect(await makeVariants(posterAsset, { db, store, baseUrl: BASE_URL, log })).toEqual({ changed: 0, unchanged: 6, written: 0 });
    expect(await db.mediaVariant.findMany({ where: { assetId: posterAsset }, orderBy: { storageKey: 'asc' } })).toEqual(rowsBefore);
    expect(await snapshotStore()).toEqual(filesBefore);
    expect(await db.outboxEvent.count()).toBe(outboxBefore);
  });

  it('re-encodes a variant whose file went missing, to the same content-hashed key', async () => {
    const row = await db.mediaVariant.findFirstOrThrow({ where: { assetId: posterAsset, format: 'webp', width: 320 }, select: { storageKey: true } });
    rmSync(path.join(dir, row.storageKey));
    const outcome = await makeVariants(posterAsset, { db, store, baseUrl: BASE_URL, log });
    expect(outcome).toEqual({ changed: 0, unchanged: 6, written: 1 });
    expect(await store.exists(row.storageKey)).toBe(true);
  });

  it('treats the same file uploaded twice as one asset', async () => {
    const { status, body } = await upload('program-poster', programId, poster);
    expect(status).toBe(200);
    expect(body).toMatchObject({ assetId: posterAsset, created: false });
    expect((body.variants as unknown[]).length).toBe(6);
    expect(await db.mediaAsset.count({ where: { sha256: (await db.mediaAsset.findUniqueOrThrow({ where: { id: posterAsset } })).sha256 } })).toBe(1);
    expect(await db.outboxEvent.count({ where: { dedupeKey: `media.variants:${posterAsset}` } })).toBe(1);
    // Its variants exist: no second variants job.
    expect(await db.outboxEvent.count({ where: { dedupeKey: { startsWith: `media.variants:${posterAsset}` } } })).toBe(1);
  });

  it('queues the variants again when an image without variants is uploaded again (its job failed for good)', async () => {
    const image = await testImage(400, 600, 'png');
    const first = await upload('program-poster', programId, image);
    expect(first.status).toBe(201);
    const assetId = first.body.assetId as string;
    // No worker ran here: the asset has no variants, as after a job that gave up.
    const again = await upload('program-poster', programId, image);
    expect(again.body).toMatchObject({ assetId, created: false });
    const jobs = await db.outboxEvent.findMany({ where: { dedupeKey: { startsWith: `media.variants:${assetId}` } }, select: { dedupeKey: true } });
    expect(jobs.map((job) => job.dedupeKey)).toEqual(expect.arrayContaining([`media.variants:${assetId}`, expect.stringMatching(new RegExp(`^media\\.variants:${assetId}:again:`))]));
    expect(jobs).toHaveLength(2);
  });

  it('makes small logo variants from a JPEG and revalidates the channel pages', async () => {
    revalidated.length = 0;
    const { status, body } = await upload('channel-logo', channelId, await testImage(200, 100, 'jpeg'));
    expect(status).toBe(201);
    expect(revalidated).toEqual([TAGS.channels, TAGS.channel(channelId)]);
    await makeVariants(body.assetId!, { db, store, baseUrl: BASE_URL, log });
    const variants = await db.mediaVariant.findMany({ where: { assetId: body.assetId! }, orderBy: [{ format: 'asc' }, { width: 'asc' }], select: { format: true, width: true, height: true } });
    expect(variants).toEqual([
      { format: 'avif', width: 64, height: 32 }, { format: 'avif', width: 128, height: 64 },
      { format: 'webp', width: 64, height: 32 }, { format: 'webp', width: 128, height: 64 },
    ]);
  });

  it('gives an original smaller than every planned width one variant at its own width', async () => {
    const { body } = await upload('channel-logo', channelId, await testImage(40, 40, 'png'));
    await makeVariants(body.assetId!, { db, store, baseUrl: BASE_URL, log });
    const widths = await db.mediaVariant.findMany({ where: { assetId: body.assetId! }, select: { format: true, width: true }, orderBy: { format: 'asc' } });
    expect(widths).toEqual([{ format: 'avif', width: 40 }, { format: 'webp', width: 40 }]);
  });

  describe('refusals write nothing', () => {
    async function expectNothingWritten(work: () => Promise<{ status: number; body: { error?: { message: string } } }>, status: number, message: RegExp) {
      const assets = await db.mediaAsset.count();
      const files = await snapshotStore();
      const result = await work();
      expect(result.status).toBe(status);
      expect(result.body.error?.message).toMatch(message);
      expect(await db.mediaAsset.count()).toBe(assets);
      expect(await snapshotStore()).toEqual(files);
    }

    it('413 for a file over the limit, declared or streamed', async () => {
      const big = await testImage(200, 200, 'png');
      await expectNothingWritten(() => upload('channel-logo', channelId, big, editor, 2048), 413, /larger than the 2 KB allowed/);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(1024));
          controller.close();
        },
      });
      await expectNothingWritten(async () => {
        const response = await handleMediaUpload(uploadRequest('channel-logo', channelId, stream), await depsFor(editor, 2048));
        return { status: response.status, body: await response.json() };
      }, 413, /larger than/);
    });

    it('415 for a text file named .png and for an SVG', async () => {
      await expectNothingWritten(() => upload('channel-logo', channelId, Buffer.from('just some text, honestly a PNG\n'.repeat(20))), 415, /not an image we can read/);
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><rect width="100" height="100"/></svg>');
      await expectNothingWritten(() => upload('channel-logo', channelId, svg), 415, /SVG files are not accepted/);
    });

    it('400 for an image too small, an empty body or an unknown target', async () => {
      await expectNothingWritten(async () => upload('channel-logo', channelId, await testImage(8, 8, 'png')), 400, /at least 16 pixels/);
      await expectNothingWritten(() => upload('channel-logo', channelId, Buffer.alloc(0)), 400, /empty/);
      await expectNothingWritten(async () => upload('title-backdrop', channelId, await testImage(64, 64, 'png')), 400, /channel-logo or program-poster/);
    });

    it('404 for a channel that does not exist, leaving no asset behind', async () => {
      await expectNothingWritten(async () => upload('channel-logo', randomUUID(), await testImage(300, 300, 'png')), 404, /no longer exists/);
    });

    it('401 for anonymous callers, 403 for viewers and for another site', async () => {
      const png = await testImage(64, 64, 'png');
      await expectNothingWritten(() => upload('channel-logo', channelId, png, null), 401, /Sign in/);
      await expectNothingWritten(() => upload('channel-logo', channelId, png, viewer), 403, /Only editors/);
      await expectNothingWritten(async () => {
        const response = await handleMediaUpload(uploadRequest('channel-logo', channelId, png, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }), await depsFor(editor));
        return { status: response.status, body: await response.json() };
      }, 403, /own pages/);
    });
  });
});
