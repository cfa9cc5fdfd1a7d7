// URL identifiers validated before they reach a query: anything else is a 404, never a 500.
import { z } from 'zod';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100);

/** A lower-case UUID (the form links use), or null. */
export function parseProgramId(value: string): string | null {
  const parsed = uuid.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function parseChannelSlug(value: string): string | null {
  const parsed = slug.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** An airing's start as epoch milliseconds in a URL (2001 to 2286), or null. */
export function parseAiringStart(value: string): Date | null {
  if (!/^\d{12,13}$/.test(value)) return null;
  const instant = new Date(Number(value));
  return Number.isNaN(instant.getTime()) ? null : instant;
}
