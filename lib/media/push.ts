// Copies a directory into the media store under a key prefix, skipping keys already there:
// `npm run cdn:push` uses it for the build's static assets and the uploaded media. Every
// file pushed is content-hashed (Next's /_next/static names, lib/media's keys), so an
// existing key already holds the same bytes and is never rewritten.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { IMMUTABLE_CACHE_CONTROL, listFiles, type MediaStore } from './store';

const TYPES: Record<string, string> = {
  '.js': 'application/javascript',
  '.mjs': 'application/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain',
  '.html': 'text/html',
};

export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface PushSummary {
  uploaded: number;
  skipped: number;
  bytes: number;
}

/** Pushes every file under `dir` to `<prefix><relative path>`; `log` gets one line per upload. */
export async function pushDirectory(dir: string, prefix: string, store: MediaStore, log: (line: string) => void): Promise<PushSummary> {
  const files = await listFiles(dir);
  const summary: PushSummary = { uploaded: 0, skipped: 0, bytes: 0 };
  for (const [index, file] of files.entries()) {
    const key = `${prefix}${file}`;
    if (await store.exists(key)) {
      summary.skipped++;
      continue;
    }
    const body = await readFile(path.join(dir, ...file.split('/')));
    await store.put(key, body, { contentType: contentTypeOf(file), cacheControl: IMMUTABLE_CACHE_CONTROL });
    summary.uploaded++;
    summary.bytes += body.byteLength;
    log(`  [${index + 1}/${files.length}] ${key} (${body.byteLength} bytes)`);
  }
  return summary;
}
