-- Schedule drafts (lib/schedule): an editor's changes to one channel's local day are a
-- draft until published.
--
-- Why a separate table and not airings.status = 'DRAFT': the airings exclusion constraint
-- (and the cross-partition trigger) cover DRAFT and PUBLISHED rows alike, so a draft that
-- moves or replaces a published airing could not coexist with it. Draft airings therefore
-- live in "draft_airings", without the constraint; lib/schedule checks them for overlaps
-- before saving, and publishing applies them to "airings" in one transaction, where the
-- constraint and trigger have the last word (23P01, naming the conflicting airing).
--
-- "schedule_days" holds one row per (channel, local date in the channel's zone) that an
-- editor has touched: the version number that gives two editors optimistic concurrency
-- (every save, publish and discard bumps it; a write carrying an older version is refused
-- with who changed the day and when), and whether a draft exists (draft_saved_at).
-- A draft airing's id is the id of the published airing it edits, or a fresh UUIDv7 for a
-- new one, so publishing can tell added, changed and removed airings apart.

-- CreateEnum
CREATE TYPE "schedule_change" AS ENUM ('DRAFT_SAVED', 'PUBLISHED', 'DRAFT_DISCARDED');

-- CreateTable
CREATE TABLE "schedule_days" (
    "id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "local_date" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "draft_saved_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "last_change" "schedule_change",
    "last_changed_at" TIMESTAMPTZ(3),
    "last_changed_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "schedule_days_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "draft_airings" (
    "schedule_day_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "program_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "is_new" BOOLEAN NOT NULL DEFAULT false,
    "is_live" BOOLEAN NOT NULL DEFAULT false,
    "is_premiere" BOOLEAN NOT NULL DEFAULT false,
    "is_repeat" BOOLEAN NOT NULL DEFAULT false,
    "external_id" TEXT,
    "rights_rule_id" UUID,

    CONSTRAINT "draft_airings_pkey" PRIMARY KEY ("schedule_day_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "schedule_days_channel_id_local_date_key" ON "schedule_days"("channel_id", "local_date");

-- CreateIndex
CREATE INDEX "schedule_days_last_changed_by_id_idx" ON "schedule_days"("last_changed_by_id");

-- CreateIndex
CREATE INDEX "draft_airings_schedule_day_id_starts_at_idx" ON "draft_airings"("schedule_day_id", "starts_at");

-- CreateIndex
CREATE INDEX "draft_airings_program_id_idx" ON "draft_airings"("program_id");

-- AddForeignKey
ALTER TABLE "schedule_days" ADD CONSTRAINT "schedule_days_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule_days" ADD CONSTRAINT "schedule_days_last_changed_by_id_fkey" FOREIGN KEY ("last_changed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_airings" ADD CONSTRAINT "draft_airings_schedule_day_id_fkey" FOREIGN KEY ("schedule_day_id") REFERENCES "schedule_days"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_airings" ADD CONSTRAINT "draft_airings_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "draft_airings" ADD CONSTRAINT "draft_airings_rights_rule_id_fkey" FOREIGN KEY ("rights_rule_id") REFERENCES "rights_rules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What Prisma cannot express --------------------------------------------------------
-- Same duration rule as airings (airings_duration_check): a draft that breaks it could
-- never be published.
ALTER TABLE "draft_airings" ADD CONSTRAINT "draft_airings_duration_check"
    CHECK ("ends_at" > "starts_at" AND "ends_at" <= "starts_at" + interval '24 hours');
