// What an export asks for: a channel (by slug) and a range of its local calendar days, the
// way editors see its schedule. Refusals are AppErrors with a sentence for the editor.
import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { dayBoundsInZone } from '@/lib/time/zoned';
import type { XmltvExportQuery } from './export';
import { exportParamsSchema } from './export-params';

export interface ResolvedExport {
  query: XmltvExportQuery;
  /** For Content-Disposition: slug and dates only, so always a safe file name. */
  fileName: string;
}

/** The airings starting on the channel's local days [from, to]; 404 for an unknown channel. */
export async function resolveExport(params: Record<string, string | undefined>): Promise<ResolvedExport> {
  const { channel: slug, from, to } = exportParamsSchema.parse(params);
  const channel = await db.channel.findUnique({ where: { slug }, select: { id: true, slug: true, timeZone: true } });
  if (!channel) throw new AppError('not_found', `There is no channel "${slug}".`);
  const start = dayBoundsInZone(from, channel.timeZone).start;
  const end = dayBoundsInZone(to, channel.timeZone).end;
  return { query: { channelIds: [channel.id], from: start, to: end }, fileName: `${channel.slug}_${from}_${to}.xml` };
}

export interface ExportChannelOption {
  slug: string;
  name: string;
  number: number;
}

/** Every live channel, for the export form's select (a few hundred at most). */
export async function listExportChannels(): Promise<ExportChannelOption[]> {
  return db.channel.findMany({ where: { archivedAt: null }, select: { slug: true, name: true, number: true }, orderBy: { number: 'asc' } });
}
