import { describe, expect, it } from 'vitest';
import { diffFields } from './diff';

describe('diffFields', () => {
  it('lists only the fields that changed, creates and deletes included', () => {
    expect(diffFields({ name: 'One', number: 1, slug: 'one' }, { name: 'Uno', number: 1, slug: 'one' })).toEqual([{ field: 'name', before: 'One', after: 'Uno' }]);
    expect(diffFields(null, { name: 'New', genres: ['News'] })).toEqual([
      { field: 'name', before: '—', after: 'New' },
      { field: 'genres', before: '—', after: '["News"]' },
    ]);
    expect(diffFields({ id: 'x' }, null)).toEqual([{ field: 'id', before: 'x', after: '—' }]);
  });
});
