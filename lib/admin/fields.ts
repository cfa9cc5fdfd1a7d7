// zod building blocks for admin forms, shared by the form (client) and the action (server).
// Form fields arrive as strings: these turn "" into null, "a, b" into ['a', 'b'], "12" into 12.
import { z } from 'zod';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** Required text, trimmed. */
export const requiredText = (label: string, max = 200) =>
  z.string({ error: `Enter ${label}.` }).trim().min(1, `Enter ${label}.`).max(max, `Use at most ${max} characters.`);

/** Optional text: blank or missing is null. */
export const optionalText = (max = 2000) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `Use at most ${max} characters.`).optional()).transform((value) => value ?? null);

/** Text that may be empty (stored as ""). */
export const freeText = (max = 5000) =>
  z.preprocess((value) => value ?? '', z.string().trim().max(max, `Use at most ${max} characters.`));

/** Optional whole number within bounds: blank or missing is null. */
export const optionalInt = (label: string, min: number, max: number) =>
  z
    .preprocess(blankToUndefined, z.coerce.number({ error: `${label} must be a number.` }).int(`${label} must be a whole number.`).min(min, `${label} must be at least ${min}.`).max(max, `${label} must be at most ${max}.`).optional())
    .transform((value) => value ?? null);

/** Required whole number within bounds. */
export const requiredInt = (label: string, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: `Enter ${label.charAt(0).toLowerCase()}${label.slice(1)}.` }).int(`${label} must be a whole number.`).min(min, `${label} must be at least ${min}.`).max(max, `${label} must be at most ${max}.`),
  );

/** A list from repeated fields or one comma/newline-separated field; blanks dropped, duplicates removed. */
export const textList = (maxItems = 50, maxLength = 100) =>
  z.preprocess(
    (value) => {
      const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\n]/) : [];
      return [...new Set(items.map((item) => (typeof item === 'string' ? item.trim() : item)).filter((item) => item !== ''))];
    },
    z.array(z.string().max(maxLength, `Keep each entry under ${maxLength} characters.`)).max(maxItems, `At most ${maxItems} entries.`),
  );

/** A checkbox: present ("on", "true", true) or absent. */
export const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

/** A UUID from a hidden field or a select. */
export const uuidField = (label = 'the item') => z.uuid({ error: `Choose ${label}.` });

/** An optional UUID (blank: none). */
export const optionalUuid = (label = 'the item') =>
  z.preprocess(blankToUndefined, z.uuid({ error: `Choose ${label}.` }).optional()).transform((value) => value ?? null);
