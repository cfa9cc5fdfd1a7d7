// The media store: where uploaded originals, their variants and (with `npm run cdn:push`)
// the build's static assets live. Two implementations behind one small interface:
// - a directory (MEDIA_STORE=dir, the default) that the edge serves under /media/;
// - an S3-compatible bucket (MEDIA_STORE=s3) that the CDN serves in production.
// Keys are content-hashed, so an object never changes once written: `put` of an existing
// key is a no-op for the callers that check `exists` first, and both stores mark objects
// immutable (the directory through the edge's headers, S3 through the object's own).
// No `server-only`: scripts/cdn-push.ts and the worker run outside Next.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { env } from '@/lib/env';

/** Content-hashed objects never change: caches may keep them for a year without asking. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

export interface PutOptions {
  contentType: string;
  cacheControl?: string;
}

export interface MediaStore {
  /** Writes an object whole (readers never see half of it). */
  put(key: string, body: Buffer, options: PutOptions): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** The object's bytes (the variants job reads the original back). */
  get(key: string): Promise<Buffer>;
  /** A short description for logs, e.g. `dir:/srv/media` or `s3://bucket`. */
  readonly label: string;
}

/** Keys are relative slash-separated paths of safe characters: nothing can escape the root. */
export function assertSafeKey(key: string): void {
  if (!/^[\w.~@+=[\]-]+(\/[\w.~@+=[\]-]+)*$/.test(key) || key.split('/').some((part) => part === '.' || part === '..')) {
    throw new Error(`media store: unsafe key ${JSON.stringify(key)}`);
  }
}

export class DirectoryMediaStore implements MediaStore {
  readonly label: string;
  constructor(readonly root: string) {
    this.label = `dir:${root}`;
  }

  private file(key: string): string {
    assertSafeKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  /** Content type and cache headers come from the edge (by extension; immutable under /media/). */
  async put(key: string, body: Buffer, _options?: PutOptions): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Temp file + rename in the same directory: the edge serves either nothing or the whole file.
    const temp = `${target}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, body, { mode: 0o644 });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.file(key))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.file(key));
  }
}

export class S3MediaStore implements MediaStore {
  readonly label: string;
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {
    this.label = `s3://${bucket}`;
  }

  /** Credentials come from the SDK's usual chain (env, profile, instance role). */
  static fromSettings(settings: { bucket: string; region: string; endpoint?: string }): S3MediaStore {
    const client = new S3Client({
      region: settings.region,
      // S3-compatible stores (MinIO, R2, Ceph) are addressed by endpoint and path, not by bucket subdomain.
      ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    });
    return new S3MediaStore(client, settings.bucket);
  }

  async put(key: string, body: Buffer, options: PutOptions): Promise<void> {
    assertSafeKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: options.contentType,
        CacheControl: options.cacheControl ?? IMMUTABLE_CACHE_CONTROL,
      }),
    );
  }

  async exists(key: string): Promise<boolean> {
    assertSafeKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || (error as Error).name === 'NotFound') return false;
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    assertSafeKey(key);
    const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!result.Body) throw new Error(`media store: ${key} has no body`);
    return Buffer.from(await result.Body.transformToByteArray());
  }
}

/** Every file under `dir` as a store key (slash-separated, relative); [] when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.tmp'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

let configured: MediaStore | undefined;

/** The store lib/env.ts configures (one per process). */
export function mediaStore(): MediaStore {
  configured ??=
    env.MEDIA_STORE === 's3'
      ? S3MediaStore.fromSettings({ bucket: env.MEDIA_S3_BUCKET!, region: env.MEDIA_S3_REGION, endpoint: env.MEDIA_S3_ENDPOINT })
      : new DirectoryMediaStore(path.resolve(env.MEDIA_DIR));
  return configured;
}

/** Absolute URL of a store key under MEDIA_BASE_URL (the CDN host in production). */
export function mediaKeyUrl(key: string, baseUrl: string = env.MEDIA_BASE_URL): string {
  return `${baseUrl.replace(/\/+$/, '')}/${key}`;
}
