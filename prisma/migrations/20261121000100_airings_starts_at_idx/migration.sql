-- The guide-day query reads every channel's airings overlapping one day:
--     WHERE starts_at < $day_end AND starts_at > $day_start - interval '24 hours' AND ends_at > $day_start
-- Partition pruning leaves one or two monthly partitions, but (channel_id, starts_at) cannot
-- serve a range on starts_at across all channels, so each partition was read in full.
-- Measured on 300 channels x 30 days (216,000 airings): 28-38 ms with a sequential scan of
-- the month, 4-7 ms with this index (target P7: <= 20 ms). Declared as @@index([startsAt])
-- on Airing in schema.prisma.
--
-- Created on the partitioned parent, it cascades to every partition, present and future.
-- On a large production table, build it per partition with CREATE INDEX CONCURRENTLY and
-- ATTACH each to an index created ON ONLY "airings" instead (outside a transaction).

-- CreateIndex
CREATE INDEX "airings_starts_at_idx" ON "airings"("starts_at");
