// FormData as the plain object the zod schemas parse: a field sent once is a string, a
// field sent several times (checkbox groups, multi-selects) an array. Next's own
// `$ACTION_*` fields and file uploads are left out (uploads have their own route).
// The result has no prototype: a field named `__proto__` is a field like any other (on a
// plain object, sending it twice would replace the object's prototype with the array).
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = formData.getAll(key).filter((value): value is string => typeof value === 'string');
    if (values.length === 0) continue;
    result[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return result;
}
