-- Search across VOD titles, programs and channels (lib/search).
--
-- Full-text search: a stored tsvector per searchable table, generated from the text
-- columns (weights: name A, subtitle B, synopsis/description C), with a GIN index.
-- The 'simple' configuration, not 'english': titles and names are proper nouns in several
-- languages (the catalogue serves GB, DE and FR viewers); English stemming would conflate
-- foreign words, and its stop-word list would make titles such as "It" or "The Who"
-- unfindable. 'simple' lower-cases and keeps every word; typos and near-misses are the
-- trigram indexes' job. The generated column is declared in schema.prisma as
-- Unsupported("tsvector")?, so the Prisma client never writes it.
--
-- Fuzzy matching: pg_trgm (created by the init migration) GIN indexes on the displayed
-- names serve `%` (similarity) and `<%` (word_similarity), which find "Brekfast" for
-- "Breakfast". Both index kinds are GIN, which Prisma cannot declare with these operator
-- classes on these columns: tests/setup/schema-compare.ts lists them in SQL_ONLY_INDEXES.

-- AlterTable
ALTER TABLE "vod_titles" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('simple'::regconfig, coalesce("synopsis", '')), 'C')
) STORED;

ALTER TABLE "programs" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, coalesce("title", '')), 'A') ||
    setweight(to_tsvector('simple'::regconfig, coalesce("subtitle", '')), 'B') ||
    setweight(to_tsvector('simple'::regconfig, coalesce("synopsis", '')), 'C')
) STORED;

ALTER TABLE "channels" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, coalesce("name", '')), 'A') ||
    setweight(to_tsvector('simple'::regconfig, coalesce("description", '')), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "vod_titles_search_vector_idx" ON "vod_titles" USING gin ("search_vector");
CREATE INDEX "programs_search_vector_idx" ON "programs" USING gin ("search_vector");
CREATE INDEX "channels_search_vector_idx" ON "channels" USING gin ("search_vector");

CREATE INDEX "vod_titles_title_trgm_idx" ON "vod_titles" USING gin ("title" gin_trgm_ops);
CREATE INDEX "programs_title_trgm_idx" ON "programs" USING gin ("title" gin_trgm_ops);
CREATE INDEX "channels_name_trgm_idx" ON "channels" USING gin ("name" gin_trgm_ops);
