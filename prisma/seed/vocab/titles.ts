// Words that titles, episode names and synopses are composed from. Combinations, not
// numbers: a guide full of "Program 17" hides layout bugs that real titles expose.

export const FILM_ADJECTIVES = [
  'Silent', 'Crimson', 'Last', 'Hidden', 'Broken', 'Golden', 'Distant', 'Burning', 'Quiet', 'Lost',
  'Midnight', 'Winter', 'Savage', 'Electric', 'Forgotten', 'Iron', 'Velvet', 'Hollow', 'Northern', 'Wild',
  'Bitter', 'Endless', 'Paper', 'Glass', 'Scarlet', 'Sleeping', 'Restless', 'Secret', 'Salt', 'Borrowed',
] as const;

export const FILM_NOUNS = [
  'Harbour', 'Witness', 'Frontier', 'Orchard', 'Empire', 'Signal', 'Crossing', 'Garden', 'Tide', 'Kingdom',
  'Stranger', 'Summer', 'Promise', 'Station', 'Lighthouse', 'Verdict', 'Horizon', 'Machine', 'River', 'Season',
  'Letter', 'Road', 'Shadow', 'Border', 'Island', 'Heist', 'Orbit', 'Protocol', 'Fortune', 'Meridian',
] as const;

export const FILM_PATTERNS = [
  'The {adj} {noun}', '{adj} {noun}', 'The {noun}', 'A {adj} {noun}', 'The {noun} of {place}',
  '{place}', 'Return to {place}', 'The Last {noun}', 'Beyond the {noun}', '{noun} in {place}',
  'The {noun}’s Daughter', 'Operation {noun}', 'Night Train to {place}', 'Under a {adj} Sky', 'The {adj} Hours',
] as const;

export const PLACES = [
  'Lisbon', 'Tallinn', 'Marseille', 'Vienna', 'Valparaíso', 'Antwerp', 'Galway', 'Trieste', 'Bergen', 'Seville',
  'Kraków', 'Naples', 'Porto', 'Dundee', 'Rotterdam', 'Zagreb', 'Ghent', 'Salzburg', 'Bilbao', 'Lyon',
  'the Valley', 'the North', 'Paradise Street', 'the Coast', 'Copper Hill', 'Ravenmoor', 'Saltmarsh', 'Eastbrook',
] as const;

export const FILM_GENRES = [
  ['Drama'], ['Thriller'], ['Comedy'], ['Crime', 'Thriller'], ['Romance', 'Drama'], ['Science Fiction'],
  ['Action', 'Adventure'], ['Horror'], ['Comedy', 'Romance'], ['War', 'Drama'], ['Western'], ['Mystery'],
  ['Fantasy', 'Adventure'], ['Biography', 'Drama'], ['Family', 'Comedy'],
] as const;

export const SERIES_PATTERNS = [
  'The {noun}', '{place} Nights', '{adj} Lies', 'Inspector {family}', 'The {family}s', '{place} General',
  'Call the {noun}', '{adj} Street', 'House of {family}', 'The {place} Files', '{noun} & Sons', 'Dr. {family}',
] as const;

export const ENTERTAINMENT_FORMATS = [
  { kind: 'drama', genres: ['Drama'], minutes: 60, titles: [] as string[] },
  { kind: 'sitcom', genres: ['Comedy', 'Sitcom'], minutes: 30, titles: [] as string[] },
  { kind: 'quiz', genres: ['Game Show'], minutes: 30, titles: ['Pointless Pursuit', 'The Million Question', 'Brainbox', 'Five in a Row', 'Beat the Clock', 'Take the Money'] },
  { kind: 'reality', genres: ['Reality'], minutes: 60, titles: ['The Great Allotment', 'Renovation Rescue', 'Love on the Farm', 'Island Escape', 'Masterbake', 'Dance Floor Dreams'] },
  { kind: 'lifestyle', genres: ['Lifestyle', 'Food'], minutes: 30, titles: ['Kitchen Table', 'Weekend Gardener', 'A Place by the Sea', 'Cheap Eats', 'Car Clinic', 'Home Front'] },
  { kind: 'talk', genres: ['Talk Show'], minutes: 45, titles: ['Late with Lena', 'The Sunday Sofa', 'After Hours', 'The Breakfast Table'] },
] as const;

export const EPISODE_TITLES = [
  'The Reckoning', 'Homecoming', 'A Fresh Start', 'Old Debts', 'Crossroads', 'The Visitor', 'Low Tide',
  'First Light', 'Secrets and Lies', 'The Long Night', 'Fault Lines', 'Blood Ties', 'Open Water', 'The Offer',
  'Second Chances', 'Point of No Return', 'Smoke and Mirrors', 'Family Business', 'Snowbound', 'The Wedding',
  'Lost and Found', 'Ghosts', 'The Inheritance', 'Undertow', 'Breaking Point', 'Moving Day', 'The Audition',
  'Cold Case', 'Truth or Dare', 'The Storm', 'Reunion', 'Leap of Faith', 'Quiet Please', 'The Rival',
  'Full Circle', 'The Deal', 'Night Shift', 'Runaway', 'The Key', 'Endgame',
] as const;

export const NEWS_SHOWS = [
  { title: '{brand}', minutes: 30 },
  { title: '{brand} Headlines', minutes: 30 },
  { title: 'World Briefing', minutes: 30 },
  { title: 'Business Today', minutes: 30 },
  { title: 'The Debate', minutes: 60 },
  { title: 'Newsnight Review', minutes: 45 },
  { title: 'Weather Watch', minutes: 15 },
  { title: 'Hard Questions', minutes: 30 },
  { title: 'Dateline Europe', minutes: 30 },
] as const;

export const NEWS_TOPICS = [
  'the budget vote', 'flooding in the north', 'a breakthrough in battery research', 'the energy summit',
  'rail strikes', 'the housing market', 'a landmark court ruling', 'elections across the continent',
  'rising food prices', 'the space launch', 'a heatwave warning', 'talks on fishing rights',
  'the central bank’s decision', 'new hospital waiting figures', 'a record harvest', 'the transfer window',
] as const;

export const SPORTS = [
  { sport: 'Football', competitions: ['Northern Premier Cup', 'Continental League', 'Super Cup', 'Women’s Championship'], minutes: 120 },
  { sport: 'Rugby', competitions: ['European Rugby Trophy', 'Six Cities Cup'], minutes: 120 },
  { sport: 'Tennis', competitions: ['Riverside Open', 'Indoor Masters'], minutes: 180 },
  { sport: 'Motorsport', competitions: ['Grand Prix Series', 'Touring Car Championship'], minutes: 150 },
  { sport: 'Basketball', competitions: ['EuroHoops League'], minutes: 120 },
  { sport: 'Cycling', competitions: ['Tour of the Alps', 'Classic Spring Race'], minutes: 180 },
  { sport: 'Golf', competitions: ['Links Championship', 'Coastal Open'], minutes: 240 },
] as const;

export const TEAM_PLACES = [
  'Ashbury', 'Kingsmere', 'Northbridge', 'Castleford', 'Redhaven', 'Westmoor', 'Eastport', 'Linfield',
  'Marlow', 'Brockley', 'Stanmore', 'Harwick', 'Duncombe', 'Fenwick', 'Greyhollow', 'Oakridge',
] as const;
export const TEAM_SUFFIXES = ['United', 'City', 'Rovers', 'Athletic', 'Wanderers', 'Town', 'Albion', 'Rangers'] as const;

export const SPORT_MAGAZINES = [
  { title: 'Sports Tonight', minutes: 30 },
  { title: 'Goal Rush', minutes: 60 },
  { title: 'The Paddock', minutes: 30 },
  { title: 'Matchday Preview', minutes: 60 },
  { title: 'Extra Time', minutes: 45 },
  { title: 'Classic Matches', minutes: 90 },
] as const;

export const KIDS_SHOWS = [
  'Pip and the Puddle Pirates', 'Captain Moonbeam', 'The Busy Bakers of Bumble Lane', 'Robo Rascals', 'Tilly’s Treehouse',
  'Dino Detectives', 'Super Sprouts', 'The Wobbly Wagon', 'Ollie Otter', 'Space Scouts', 'Marble Mountain',
  'Penny and the Paper Planes', 'Mighty Mice', 'The Sock Puppet Show', 'Fizz & Pop', 'Lighthouse Lenny',
  'The Secret Garden Club', 'Zoom Zoom Garage', 'Nature Nuts', 'Bedtime Stories',
] as const;

export const DOC_SERIES = [
  { title: 'Planet Wild', genres: ['Nature'], minutes: 60 },
  { title: 'Secrets of the Deep', genres: ['Nature'], minutes: 60 },
  { title: 'Empires of Stone', genres: ['History'], minutes: 60 },
  { title: 'The Mighty Machines', genres: ['Science', 'Engineering'], minutes: 60 },
  { title: 'Cold Case Files', genres: ['True Crime'], minutes: 45 },
  { title: 'The Human Body', genres: ['Science'], minutes: 60 },
  { title: 'Great Railway Journeys', genres: ['Travel'], minutes: 60 },
  { title: 'Wonders of the Cosmos', genres: ['Science', 'Space'], minutes: 60 },
  { title: 'Forgotten Wars', genres: ['History', 'War'], minutes: 90 },
  { title: 'Inside the Factory', genres: ['Engineering'], minutes: 60 },
  { title: 'Kingdoms of Ice', genres: ['Nature'], minutes: 60 },
  { title: 'Lost Cities', genres: ['History', 'Archaeology'], minutes: 60 },
] as const;

export const DOC_SUBJECTS = [
  'the snow leopard', 'the Roman frontier', 'a coral reef', 'the first computers', 'the Hanseatic merchants',
  'a volcanic island', 'deep-sea vents', 'the Silk Road', 'the building of a bridge', 'migrating cranes',
  'the plague years', 'an Arctic winter', 'the human brain', 'a container port', 'the lost fleet',
] as const;

export const MUSIC_SHOWS = [
  { title: 'Non-Stop Hits', genres: ['Music', 'Pop'], minutes: 60 },
  { title: 'Top 20 Countdown', genres: ['Music', 'Chart'], minutes: 120 },
  { title: 'Live at the Foundry', genres: ['Music', 'Concert'], minutes: 90 },
  { title: 'Classic Rock Hour', genres: ['Music', 'Rock'], minutes: 60 },
  { title: 'Dancefloor Anthems', genres: ['Music', 'Dance'], minutes: 60 },
  { title: 'Unplugged Sessions', genres: ['Music', 'Acoustic'], minutes: 30 },
  { title: 'Story of the Song', genres: ['Music', 'Documentary'], minutes: 30 },
] as const;

export const ARTISTS = [
  'The Night Owls', 'Marina Cole', 'Glasshouse', 'Paper Lanterns', 'DJ Solstice', 'The Hollow Pines',
  'Lia Moreau', 'Northern Static', 'Velvet Engine', 'Anouk & the Tides', 'Kite Club', 'Ruben Alvarez Trio',
] as const;

export const REGIONAL_SHOWS = [
  { title: '{brand} Tonight', genres: ['News', 'Regional'], minutes: 30, live: true },
  { title: 'Out and About', genres: ['Lifestyle', 'Regional'], minutes: 30, live: false },
  { title: 'Farming Week', genres: ['Factual', 'Regional'], minutes: 30, live: false },
  { title: 'Local Heroes', genres: ['Factual'], minutes: 60, live: false },
  { title: 'Weekend Walks', genres: ['Travel', 'Regional'], minutes: 30, live: false },
  { title: 'The Regional Debate', genres: ['Current Affairs'], minutes: 60, live: true },
] as const;

/** Filler formats that close a gap up to a fixed anchor (prime time, breakfast). */
export const FILLERS: Record<string, readonly string[]> = {
  entertainment: ['Coming Up on {brand}', 'Short Stories', 'Trailer Park'],
  news: ['Weather Watch', 'News in Brief', 'Market Update'],
  sport: ['Sports News', 'Results Round-up', 'Highlights'],
  movies: ['Coming Soon', 'Behind the Scenes', 'Short Film Showcase'],
  kids: ['Sing-Along', 'Little Shorts', 'Story Time'],
  documentary: ['Nature Minute', 'Quick Facts', 'Wild Moments'],
  music: ['Music Break', 'Video Vault', 'New This Week'],
  regional: ['Weather for the Region', 'Local Notices', 'Travel News'],
};
