import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formDataToObject } from './form-data';

describe('formDataToObject', () => {
  it('keeps repeated fields as arrays and leaves out Next’s own fields and files', () => {
    const form = new FormData();
    form.append('name', 'News');
    form.append('packageIds', 'a');
    form.append('packageIds', 'b');
    form.append('$ACTION_ID_123', '');
    form.append('logo', new Blob(['x']), 'logo.png');
    expect({ ...formDataToObject(form) }).toEqual({ name: 'News', packageIds: ['a', 'b'] });
  });

  it('treats prototype keys as plain fields: a repeated __proto__ cannot replace the prototype', () => {
    const form = new FormData();
    form.append('__proto__', 'polluted');
    form.append('__proto__', 'twice');
    form.append('constructor', 'x');
    form.append('name', 'News');
    const result = formDataToObject(form);
    expect(Object.getPrototypeOf(result)).toBeNull();
    expect(Object.keys(result).sort()).toEqual(['__proto__', 'constructor', 'name']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // zod reads it like any object: only the schema's own fields come out.
    expect(z.object({ name: z.string() }).strict().safeParse(result).success).toBe(false);
    expect(z.object({ name: z.string() }).parse(result)).toEqual({ name: 'News' });
  });
});
