// Synopsis templates. `{...}` slots are filled by prisma/seed/text.ts from the vocabularies.

export const FILM_SYNOPSES = [
  'When {person} returns to {place} after twenty years, an old promise threatens to unravel everything {pronoun} has built.',
  'A disgraced {job} takes one last job in {place}, only to find the target is someone from {possessive} past.',
  '{person}, a {job} with nothing left to lose, crosses {place} in a race against time.',
  'Two strangers meet on a night train to {place} and discover they are running from the same secret.',
  'In a small town outside {place}, a {job} uncovers a conspiracy that reaches the highest office.',
  'A family reunion in {place} turns into a weekend of revelations, rivalries and unexpected love.',
  'Based on true events: how a {job} from {place} changed the course of history.',
  'Stranded on a remote island, {person} must decide who to trust before the storm arrives.',
] as const;

export const SERIES_SYNOPSES = [
  '{person} faces a difficult choice when an unexpected visitor arrives in {place}.',
  'A body on the beach at {place} leads the team to a case closer to home than anyone expected.',
  'Tensions rise when {person} learns the truth about the {noun}.',
  'An anniversary party goes badly wrong, and {person} is left to pick up the pieces.',
  'The {job} is put to the test when a storm cuts {place} off from the world.',
  '{person} and the {job} clash over the future of the {noun}.',
] as const;

export const SITCOM_SYNOPSES = [
  '{person} tries to impress the new neighbours and ends up locked out in a dressing gown.',
  'A mix-up at the {noun} leaves {person} planning two birthday parties on the same night.',
  'The office goes to war over a parking space.',
  '{person} takes up running to impress a date, with predictable results.',
] as const;

export const NEWS_SYNOPSES = [
  'The latest national and international news, with reports on {topic} and {topic2}.',
  'Live coverage of the day’s events, including {topic}. Plus business, sport and the weather.',
  'Analysis and interviews: tonight, {topic} and what it means for you.',
  'Headlines, live reports and the full forecast. Leading tonight: {topic}.',
] as const;

export const SPORT_SYNOPSES = [
  'Live coverage of {home} against {away} in the {competition}, with build-up and reaction.',
  '{home} host {away} in a crucial {competition} fixture. Live.',
  'All the action from the {competition}: {home} v {away}, with expert analysis.',
] as const;

export const SPORT_MAGAZINE_SYNOPSES = [
  'Goals, results and talking points from a busy week, with guests from the dressing room.',
  'The latest news from around the grounds and a look ahead to the weekend’s fixtures.',
  'Reaction, analysis and interviews after a dramatic round of the {competition}.',
] as const;

export const KIDS_SYNOPSES = [
  'The friends set off to find the {toy}, but a surprise waits around the corner.',
  'It’s a rainy day, so everyone builds a {toy} indoors. What could go wrong?',
  'A lost {animal} needs help getting home before bedtime.',
  'Today is the big race, and nobody wants to come last!',
  'Everyone learns that sharing the {toy} makes it twice as fun.',
] as const;

export const TOYS = ['treasure map', 'kite', 'robot', 'sandcastle', 'den', 'rocket', 'tree house', 'go-kart', 'puppet theatre'] as const;
export const ANIMALS = ['duckling', 'puppy', 'hedgehog', 'penguin', 'baby owl', 'kitten', 'little fox'] as const;

export const DOC_SYNOPSES = [
  'An intimate portrait of {subject}, filmed over three years.',
  'How {subject} shaped the world we live in today, told through new discoveries.',
  'With rare footage and expert voices, this film follows {subject} as never before.',
  'Scientists race to understand {subject} before it is too late.',
] as const;

export const MUSIC_SYNOPSES = [
  'Non-stop videos from the biggest names, including {artist}.',
  '{artist} perform their greatest hits in front of a sold-out crowd.',
  'This week’s chart, from twenty to one, with a new entry from {artist}.',
  'The story behind the songs of {artist}, told by the band and the people around them.',
] as const;

export const REGIONAL_SYNOPSES = [
  'News, weather and stories from across the region, including {topic}.',
  'Our presenters explore the hidden corners of {place}.',
  'Meet the people keeping traditions alive in {place}.',
] as const;

export const JOBS = [
  'detective', 'surgeon', 'journalist', 'lawyer', 'pilot', 'teacher', 'smuggler', 'diplomat', 'chef', 'fisherman',
  'architect', 'nurse', 'engineer', 'boxer', 'violinist', 'forger', 'police officer', 'priest',
] as const;

export const THINGS = [
  'lighthouse', 'bakery', 'garden', 'treasure map', 'kite', 'clock tower', 'boat', 'letter', 'robot', 'sandcastle',
  'farm', 'wedding', 'museum', 'ferry', 'shop',
] as const;
