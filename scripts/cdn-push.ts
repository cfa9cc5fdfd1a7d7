// npm run cdn:push [-- --dist=.next] [--media-from=<dir>]
//
// Uploads the build's static assets (<distDir>/static -> `_next/static/...`) and the uploaded
// media (MEDIA_DIR -> its own keys) to the media store that lib/env.ts configures (MEDIA_STORE,
// MEDIA_S3_*), skipping keys that are already there. With CDN_ASSET_PREFIX pointing the build
// at the CDN host, that host then serves /_next/static from the bucket. Run after `next build`,
// before switching traffic to the new build (old pages keep finding their old assets: nothing
// is deleted).
import path from 'node:path';
import { env } from '@/lib/env';
import { pushDirectory, type PushSummary } from '@/lib/media/push';
import { DirectoryMediaStore, mediaStore } from '@/lib/media/store';

const USAGE = 'usage: npm run cdn:push [-- --dist=<next distDir, default NEXT_DIST_DIR or .next>] [--media-from=<dir, default MEDIA_DIR>]';

function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.slice(2).find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<void> {
  const unknown = process.argv.slice(2).filter((arg) => !/^--(dist|media-from)=./.test(arg));
  if (unknown.length > 0) {
    console.error(`cdn:push: unknown argument ${unknown.join(' ')}\n${USAGE}`);
    process.exit(64);
  }
  const store = mediaStore();
  const dist = path.resolve(flag('dist') ?? process.env.NEXT_DIST_DIR ?? '.next');
  const mediaFrom = path.resolve(flag('media-from') ?? env.MEDIA_DIR);
  console.log(`cdn:push to ${store.label}`);

  const totals: Record<string, PushSummary> = {};
  console.log(`build assets: ${path.join(dist, 'static')} -> _next/static/`);
  totals['build assets'] = await pushDirectory(path.join(dist, 'static'), '_next/static/', store, console.log);
  if (totals['build assets'].uploaded + totals['build assets'].skipped === 0) {
    console.error(`cdn:push: no files under ${path.join(dist, 'static')}; run \`next build\` first (or pass --dist=<distDir>)`);
    process.exit(1);
  }
  // A directory store that is the media directory itself already holds every upload.
  if (store instanceof DirectoryMediaStore && path.resolve(store.root) === mediaFrom) {
    console.log(`media: ${mediaFrom} is the store itself; nothing to push`);
  } else {
    console.log(`media: ${mediaFrom} -> /`);
    totals.media = await pushDirectory(mediaFrom, '', store, console.log);
  }

  for (const [what, summary] of Object.entries(totals)) {
    console.log(`${what}: ${summary.uploaded} uploaded (${(summary.bytes / 1024 / 1024).toFixed(1)} MB), ${summary.skipped} already there`);
  }
}

main().catch((error: unknown) => {
  console.error(`cdn:push failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
