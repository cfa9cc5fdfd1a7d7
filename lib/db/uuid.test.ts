import { describe, expect, it } from 'vitest';
import { uuidv7 } from './uuid';

describe('uuidv7', () => {
  it('makes distinct, well-formed version 7 ids that sort by creation time across pool refills', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 600; i += 1) {
      ids.push(uuidv7()); // 600 ids: more than two refills of the 256-id pool
      if (i % 200 === 199) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // The first 48 bits are the millisecond: ids made milliseconds apart are in order.
    const stamp = (id: string) => id.replace(/-/g, '').slice(0, 12);
    expect(stamp(ids[0]!) < stamp(ids[599]!)).toBe(true);
    expect(ids.map(stamp)).toEqual([...ids.map(stamp)].sort());
  });
});
