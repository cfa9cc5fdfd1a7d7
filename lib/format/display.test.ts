import { describe, expect, it } from 'vitest';
import { formatBytes, percentRead } from './display';

describe('formatBytes', () => {
  it('says sizes the way people read them', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3 GB');
  });
});

describe('percentRead', () => {
  it('is whole percent, capped, and 100 for an empty file', () => {
    expect(percentRead(50, 200)).toBe(25);
    expect(percentRead(300, 200)).toBe(100);
    expect(percentRead(0, 0)).toBe(100);
  });
});
