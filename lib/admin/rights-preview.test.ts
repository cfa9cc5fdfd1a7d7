import { describe, expect, it } from 'vitest';
import { OPEN_RIGHTS } from '@/lib/entitlements/decide';
import type { Rights } from '@/lib/entitlements/types';
import { previewCountries, whoCanWatch } from './rights-preview';

const SPORTS = { id: 'pkg-sports', name: 'Sports' };
const NOW = Date.UTC(2026, 10, 21, 12);

describe('previewCountries', () => {
  it('lists the rule countries first, then two others not in the rule', () => {
    expect(previewCountries({ allowedCountries: ['DE'], deniedCountries: ['AT'] })).toEqual(['DE', 'AT', 'GB', 'US']);
  });
});

describe('whoCanWatch', () => {
  const rights: Rights = { ...OPEN_RIGHTS, packages: [SPORTS], allowedCountries: ['DE'], deniedCountries: ['AT'] };

  it('says yes only for the allowed country with the package', () => {
    const sentences = whoCanWatch(rights, NOW).map((line) => line.sentence);
    expect(sentences).toContain('Viewers in DE with Sports: yes');
    expect(sentences).toContain('Viewers in DE: included in Sports');
    expect(sentences).toContain('Viewers in AT with Sports: not available in your country');
    expect(sentences).toContain('Viewers in GB with Sports: not available in your country');
    expect(sentences.at(-1)).toBe('Anonymous visitors in DE: sign in to watch: included in sports');
  });

  it('lets deny win over allow', () => {
    const both: Rights = { ...OPEN_RIGHTS, allowedCountries: ['DE'], deniedCountries: ['DE'] };
    const de = whoCanWatch(both, NOW).find((line) => line.country === 'DE' && line.signedIn);
    expect(de?.allowed).toBe(false);
  });

  it('explains a window that has not opened yet', () => {
    const later: Rights = { ...OPEN_RIGHTS, availableFrom: NOW + 3_600_000 };
    const [first] = whoCanWatch(later, NOW);
    expect(first?.sentence).toBe('Viewers in GB: available from 13:00');
  });

  it('allows everyone signed in when the rule is open', () => {
    const lines = whoCanWatch(OPEN_RIGHTS, NOW);
    expect(lines.filter((line) => line.signedIn).every((line) => line.allowed)).toBe(true);
    expect(lines.at(-1)?.allowed).toBe(false);
  });
});
