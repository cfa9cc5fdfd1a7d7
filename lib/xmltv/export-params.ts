// The export's query parameters, shared by the form (checked before the download starts,
// so a mistake shows next to the fields) and the route handler (checked again there).
import { z } from 'zod';
import { addDays, parseIsoDate } from '@/lib/time/zoned';

/** A month and a bit: a longer export is a job for a script, not a browser download. */
export const MAX_EXPORT_DAYS = 62;

const isoDate = (label: string) =>
  z
    .string({ message: `Give the ${label} date as YYYY-MM-DD.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Give the ${label} date as YYYY-MM-DD.`)
    .refine((value) => parseIsoDate(value) !== null, `The ${label} date is not a calendar date.`);

export const exportParamsSchema = z
  .object({
    channel: z.string({ message: 'Choose a channel.' }).min(1, 'Choose a channel.').max(100),
    from: isoDate('first'),
    to: isoDate('last'),
  })
  .refine((params) => params.from <= params.to, { message: 'The last date is before the first.', path: ['to'] })
  .refine((params) => params.to <= addDays(params.from, MAX_EXPORT_DAYS - 1), {
    message: `An export covers at most ${MAX_EXPORT_DAYS} days.`,
    path: ['to'],
  });
