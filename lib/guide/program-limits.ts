// How much text a program row may hold, whoever writes it: the back office's form
// (lib/admin/programs.ts) refuses more, and an XMLTV import (lib/xmltv/program-fields.ts)
// shortens a feed's text to fit, so every imported program can still be saved from the form
// and no value outgrows an index (PostgreSQL's btree entries stop at 2,704 bytes, a tsvector
// at 1 MB).
export const PROGRAM_LIMITS = {
  title: 300,
  subtitle: 300,
  synopsis: 5_000,
  genres: 20,
  genre: 60,
  credits: 200,
  creditRole: 40,
  creditName: 120,
  yearMin: 1880,
  yearMax: 2100,
  season: 9_999,
  episode: 99_999,
} as const;
