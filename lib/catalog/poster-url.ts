import 'server-only';
import { env } from '@/lib/env';

/** Absolute URL of a media original under MEDIA_BASE_URL (the CDN host in production). */
export function mediaUrl(storageKey: string | null | undefined): string | null {
  if (!storageKey) return null;
  const base = env.MEDIA_BASE_URL.endsWith('/') ? env.MEDIA_BASE_URL : `${env.MEDIA_BASE_URL}/`;
  return new URL(storageKey.replace(/^\/+/, ''), base).toString();
}
