// Fictional channel brands per group. Sizes larger than the list reuse a brand with a
// number ("Northline Sport 4") or a regional edition, as real line-ups do.

export type Genre = 'entertainment' | 'news' | 'sport' | 'movies' | 'kids' | 'documentary' | 'music' | 'regional';

export interface GroupSpec {
  readonly genre: Genre;
  readonly slug: string;
  readonly name: string;
  /** Share of the line-up. */
  readonly weight: number;
  readonly brands: readonly string[];
  readonly description: string;
}

export const GROUPS: readonly GroupSpec[] = [
  {
    genre: 'entertainment', slug: 'entertainment', name: 'Entertainment', weight: 10,
    brands: ['Primetime One', 'Lumen', 'Brightside', 'Channel Harbour', 'Velvet', 'Copperfield TV', 'Nova Plus', 'Parlour', 'Skylark', 'Tandem'],
    description: 'Drama, comedy, game shows and the big Saturday night entertainment.',
  },
  {
    genre: 'news', slug: 'news', name: 'News', weight: 8,
    brands: ['Meridian News', 'Northline News', 'Continental 24', 'Atlas Business', 'Capital Report', 'Eurodesk', 'Global Wire', 'Parliament Live'],
    description: 'Rolling news, business and politics, live around the clock.',
  },
  {
    genre: 'sport', slug: 'sport', name: 'Sport', weight: 10,
    brands: ['Northline Sport', 'Arena Sport', 'Stadium', 'Sprint', 'Fairway Golf', 'Racecourse TV', 'Velodrome', 'Touchline'],
    description: 'Live football, motorsport, tennis and the stories around them.',
  },
  {
    genre: 'movies', slug: 'movies', name: 'Movies', weight: 9,
    brands: ['Kinoteka', 'Cinéma Lumière', 'Reel Classics', 'Marquee', 'Silver Screen', 'Nightfall Thrillers', 'Cinemax Europa', 'Matinee'],
    description: 'Premieres, classics and themed film seasons.',
  },
  {
    genre: 'kids', slug: 'kids', name: 'Kids', weight: 7,
    brands: ['Harbour Kids', 'Tumble', 'Pipsqueak', 'Kite', 'Little Lantern', 'Jamboree', 'Doodle'],
    description: 'Cartoons, adventures and learning for younger viewers.',
  },
  {
    genre: 'documentary', slug: 'documentary', name: 'Documentary', weight: 7,
    brands: ['Horizon Docs', 'Wildscape', 'Chronicle History', 'Frontier Science', 'Odyssey', 'Terra', 'Deep Blue'],
    description: 'Nature, history, science and investigations.',
  },
  {
    genre: 'music', slug: 'music', name: 'Music', weight: 4,
    brands: ['Amplify', 'Encore', 'Vinyl Hits', 'Backstage'],
    description: 'Chart hits, live concerts and music stories.',
  },
  {
    genre: 'regional', slug: 'regional', name: 'Regional', weight: 5,
    brands: ['Westcountry', 'Rheinland TV', 'Provence Azur', 'Costa Levante', 'Alpenblick', 'Noordzee TV', 'Hudson Valley 9', 'Highlands & Islands'],
    description: 'Local news, weather and life in the regions.',
  },
];

/** Time zones for channels, weighted: a European service with a US edition. */
export const CHANNEL_ZONES: readonly (readonly [string, number])[] = [
  ['Europe/London', 30],
  ['Europe/Berlin', 22],
  ['Europe/Paris', 14],
  ['Europe/Madrid', 10],
  ['Europe/Amsterdam', 6],
  ['Europe/Vienna', 4],
  ['Europe/Zurich', 4],
  ['America/New_York', 6],
  ['America/Los_Angeles', 2],
  ['Asia/Tokyo', 1],
  ['Australia/Sydney', 1],
];

/** Regional brands have a home zone of their own. */
export const REGIONAL_ZONES: Record<string, string> = {
  Westcountry: 'Europe/London',
  'Rheinland TV': 'Europe/Berlin',
  'Provence Azur': 'Europe/Paris',
  'Costa Levante': 'Europe/Madrid',
  Alpenblick: 'Europe/Vienna',
  'Noordzee TV': 'Europe/Amsterdam',
  'Hudson Valley 9': 'America/New_York',
  'Highlands & Islands': 'Europe/London',
};

export const EDITIONS = ['North', 'South', 'East', 'West', 'Central', 'Coast', 'City', 'Valley'] as const;
