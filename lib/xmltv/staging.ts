// Uploaded XMLTV files wait in IMPORT_DIR for their job, named by the run's id: the name the
// editor's file had is metadata only and never reaches a path. The body streams to disk
// while it is hashed and counted, so a 100 MB upload never sits in memory.
//
// Lifetime: a staged file is deleted once its run has SUCCEEDED (the database then holds
// everything the file said). A FAILED run keeps its file so a retry of the job (or an
// operator) can run it again; a file whose run was never created (the process died between
// the upload and the commit) has no row pointing at it and may be swept by age.
import 'server-only';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { notXmlReason, SNIFF_BYTES } from './sniff';

export interface StagedFile {
  sha256: string;
  byteSize: number;
}

/** The staged file of a run; `runId` is a uuid checked by the caller's schema, never a file name. */
export function stagedFilePath(runId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(runId)) throw new Error(`not a run id: ${runId}`);
  return path.resolve(env.IMPORT_DIR, `${runId}.xml`);
}

/** Checks the first bytes as they pass, counts and hashes everything, stops past `maxBytes`. */
class UploadGuard extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  private head: Buffer[] = [];
  private headLength = 0;
  private sniffed = false;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return done(tooLarge(this.maxBytes));
    this.hash.update(chunk);
    if (!this.sniffed) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= SNIFF_BYTES) {
        const refusal = this.sniff();
        if (refusal) return done(refusal);
      }
    }
    done(null, chunk);
  }

  override _flush(done: (error?: Error | null) => void): void {
    done(this.sniffed ? null : this.sniff());
  }

  private sniff(): AppError | null {
    this.sniffed = true;
    const reason = notXmlReason(Buffer.concat(this.head).subarray(0, SNIFF_BYTES));
    this.head = [];
    return reason === null ? null : new AppError('bad_request', reason);
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('payload_too_large', `The file is larger than the ${Math.floor(maxBytes / (1024 * 1024))} MB an import may be.`);
}

/**
 * Streams `body` to the run's staging file. Refuses (AppError 413 / 400) a body over
 * `maxBytes` or one that does not start like XML, as soon as it shows, and then leaves no
 * file behind. The file appears under its final name only once complete.
 */
export async function stageUpload(runId: string, body: Readable, options: { maxBytes?: number; declaredBytes?: number | null } = {}): Promise<StagedFile> {
  const maxBytes = options.maxBytes ?? env.IMPORT_MAX_BYTES;
  if (options.declaredBytes != null && options.declaredBytes > maxBytes) throw tooLarge(maxBytes);
  const target = stagedFilePath(runId);
  const partial = `${target}.part`;
  await mkdir(path.dirname(target), { recursive: true });
  const guard = new UploadGuard(maxBytes);
  const file = createWriteStream(partial, { flags: 'wx' });
  try {
    await pipeline(body, guard, file);
    await rename(partial, target);
  } catch (error) {
    // pipeline() rejects as soon as the guard refuses, possibly before the write stream has
    // even opened (and so created) the file; removing it before the stream closes could
    // leave a .part behind (seen in CI). Closed means opened and closed, or never opened.
    // (Not events.once: it rejects on the 'error' the stream emits first, with the same error.)
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    await rm(partial, { force: true });
    throw error;
  }
  return { sha256: guard.hash.digest('hex'), byteSize: guard.bytes };
}

/** Removes a run's staged file (after success, or when its run could not be created). */
export async function removeStagedFile(runId: string): Promise<void> {
  await rm(stagedFilePath(runId), { force: true });
}
