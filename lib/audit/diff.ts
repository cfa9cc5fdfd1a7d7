// A readable before/after diff of one audit entry: the top-level fields that changed.
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The top-level fields that differ between before and after, as text (for a readable diff). */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const asObject = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const left = asObject(before);
  const right = asObject(after);
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return fields
    .filter((field) => JSON.stringify(left[field]) !== JSON.stringify(right[field]))
    .map((field) => ({ field, before: show(left[field]), after: show(right[field]) }));
}
