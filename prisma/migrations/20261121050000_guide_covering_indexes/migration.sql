-- P7 (DESIGN.md): one guide day on the load data set (300 channels, 30 days) is ~10,000
-- airings and ~9,000 distinct programmes, read by lib/guide/guide-day-query.ts in two
-- statements. Measured there with the plain indexes: the airings statement fetched ~20,000
-- heap rows (the 24-hour look-back of the overlap condition) and the programmes statement
-- did ~9,000 primary-key lookups plus a heap visit each (~3 buffers per row).
--
-- Covering indexes answer both from the index alone (index-only scans: no heap visits while
-- the visibility map is set, which autovacuum keeps and the seed's VACUUM sets at once):
--  * airings: every column the guide reads, after starts_at (the range the query prunes
--    partitions and scans by). It replaces airings_starts_at_idx (20261121000100), which it
--    serves in every use. Cascades to every partition, present and future.
--  * programs: the guide's display columns beside the primary key.
-- INCLUDE cannot be declared in schema.prisma: both are listed in SQL_ONLY_INDEXES
-- (tests/setup/schema-compare.ts). On a large production table, build them per partition
-- with CREATE INDEX CONCURRENTLY first (outside a transaction) and drop the old index after.

-- DropIndex
DROP INDEX "airings_starts_at_idx";

-- CreateIndex
CREATE INDEX "airings_guide_day_idx" ON "airings" ("starts_at") INCLUDE ("ends_at", "status", "channel_id", "program_id", "id", "is_new", "is_live", "is_premiere", "is_repeat");

-- CreateIndex
CREATE INDEX "programs_guide_cover_idx" ON "programs" ("id") INCLUDE ("title", "subtitle", "genres", "age_rating");
