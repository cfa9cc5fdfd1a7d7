// Fills `{slot}` templates from the vocabularies. Unknown slots are a bug in a template,
// so they throw instead of leaking "{slot}" into the guide.
import type { Rng } from './prng';
import { CHARACTER_NAMES, FAMILY_NAMES, GIVEN_NAMES } from './vocab/people';
import { FILM_ADJECTIVES, FILM_NOUNS, PLACES, NEWS_TOPICS, DOC_SUBJECTS, ARTISTS } from './vocab/titles';
import { ANIMALS, JOBS, THINGS, TOYS } from './vocab/synopses';

export type Slots = Record<string, string>;

export function personName(rng: Rng): string {
  return `${rng.pick(GIVEN_NAMES)} ${rng.pick(FAMILY_NAMES)}`;
}

const GENERATED: Record<string, (rng: Rng) => string> = {
  adj: (rng) => rng.pick(FILM_ADJECTIVES),
  noun: (rng) => rng.pick(FILM_NOUNS),
  place: (rng) => rng.pick(PLACES),
  family: (rng) => rng.pick(FAMILY_NAMES),
  person: (rng) => rng.pick(GIVEN_NAMES),
  character: (rng) => rng.pick(CHARACTER_NAMES),
  job: (rng) => rng.pick(JOBS),
  thing: (rng) => rng.pick(THINGS),
  toy: (rng) => rng.pick(TOYS),
  animal: (rng) => rng.pick(ANIMALS),
  topic: (rng) => rng.pick(NEWS_TOPICS),
  topic2: (rng) => rng.pick(NEWS_TOPICS),
  subject: (rng) => rng.pick(DOC_SUBJECTS),
  artist: (rng) => rng.pick(ARTISTS),
  pronoun: () => 'they',
  possessive: () => 'their',
};

export function fill(template: string, rng: Rng, slots: Slots = {}): string {
  const text = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const given = slots[key];
    if (given !== undefined) return given;
    const make = GENERATED[key];
    if (!make) throw new Error(`seed template slot {${key}} has no value: ${template}`);
    // THINGS read better than film nouns in synopses ("the lighthouse", not "the Protocol").
    return key === 'noun' && slots.__synopsis === '1' ? rng.pick(THINGS) : make(rng);
  });
  // Capitalise the first letter: templates may start with a lower-case slot.
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function synopsis(templates: readonly string[], rng: Rng, slots: Slots = {}): string {
  return fill(rng.pick(templates), rng, { ...slots, __synopsis: '1' });
}

/** URL slug: lower case ASCII, accents folded, words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
