-- Primetime: initial schema.
--
-- Part 1 is what `prisma migrate diff --from-empty --to-schema prisma/schema.prisma` emits
-- (same types, defaults, constraint and index names), except that "airings" is declared
-- PARTITION BY RANGE and its "during" column is GENERATED. Part 2 holds what Prisma cannot
-- express (see the comments in schema.prisma). tests/integration/schema-drift.test.ts
-- compares the migrated database with schema.prisma.
--
-- Every statement must be able to run inside one transaction: the runner
-- (lib/db/migrate.ts) applies each migration atomically.

-- CreateExtension
-- btree_gist: "channel_id WITH =" (uuid) inside the airings exclusion constraints.
CREATE EXTENSION IF NOT EXISTS btree_gist;
-- pg_trgm: trigram indexes for the search work that follows.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "role" AS ENUM ('VIEWER', 'EDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "subscription_status" AS ENUM ('ACTIVE', 'PAST_DUE', 'CANCELED');

-- CreateEnum
CREATE TYPE "airing_status" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "title_kind" AS ENUM ('MOVIE', 'SERIES');

-- CreateEnum
CREATE TYPE "media_kind" AS ENUM ('LOGO', 'POSTER', 'BACKDROP');

-- CreateEnum
CREATE TYPE "import_status" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" TIMESTAMPTZ(3),
    "name" TEXT,
    "image" TEXT,
    "password_hash" TEXT,
    "role" "role" NOT NULL DEFAULT 'VIEWER',
    "disabled_at" TIMESTAMPTZ(3),
    "home_country" CHAR(2),
    "parental_limit" SMALLINT,
    "time_zone" TEXT,
    "profile_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "user_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("provider","provider_account_id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "session_token" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL
);

-- CreateTable
CREATE TABLE "verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "verification_tokens_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateTable
CREATE TABLE "packages" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "price_cents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "isp_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "packages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscriptions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "package_id" UUID NOT NULL,
    "status" "subscription_status" NOT NULL DEFAULT 'ACTIVE',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "isps" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "asns" INTEGER[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "isps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "isp_bindings" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "isp_id" UUID NOT NULL,
    "customer_ref" TEXT,
    "verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "isp_bindings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rights_rules" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "allowed_countries" TEXT[],
    "denied_countries" TEXT[],
    "available_from" TIMESTAMPTZ(3),
    "available_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rights_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rights_rule_packages" (
    "rule_id" UUID NOT NULL,
    "package_id" UUID NOT NULL,

    CONSTRAINT "rights_rule_packages_pkey" PRIMARY KEY ("rule_id","package_id")
);

-- CreateTable
CREATE TABLE "rights_rule_isps" (
    "rule_id" UUID NOT NULL,
    "isp_id" UUID NOT NULL,

    CONSTRAINT "rights_rule_isps_pkey" PRIMARY KEY ("rule_id","isp_id")
);

-- CreateTable
CREATE TABLE "blackouts" (
    "id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "countries" TEXT[],
    "substitute_channel_id" UUID,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "blackouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_groups" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "channel_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channels" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "time_zone" TEXT NOT NULL,
    "group_id" UUID,
    "logo_asset_id" UUID,
    "rights_rule_id" UUID,
    "xmltv_id" TEXT,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "programs" (
    "id" UUID NOT NULL,
    "external_id" TEXT,
    "title" TEXT NOT NULL,
    "subtitle" TEXT,
    "synopsis" TEXT NOT NULL DEFAULT '',
    "genres" TEXT[],
    "age_rating" SMALLINT,
    "year" SMALLINT,
    "season_number" INTEGER,
    "episode_number" INTEGER,
    "credits" JSONB NOT NULL DEFAULT '[]',
    "poster_asset_id" UUID,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "programs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
-- Prisma would emit a plain table with `"during" tstzrange`; here it is range-partitioned
-- by month (partitions: ensure_airing_partitions() below) and "during" is derived from
-- [starts_at, ends_at) so it can never disagree with them.
CREATE TABLE "airings" (
    "id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "program_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "during" tstzrange GENERATED ALWAYS AS (tstzrange("starts_at", "ends_at", '[)')) STORED,
    "status" "airing_status" NOT NULL DEFAULT 'PUBLISHED',
    "is_new" BOOLEAN NOT NULL DEFAULT false,
    "is_live" BOOLEAN NOT NULL DEFAULT false,
    "is_premiere" BOOLEAN NOT NULL DEFAULT false,
    "is_repeat" BOOLEAN NOT NULL DEFAULT false,
    "external_id" TEXT,
    "rights_rule_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "airings_pkey" PRIMARY KEY ("id","starts_at"),
    -- The 24 h cap is load-bearing: it lets the guide query and the cross-partition trigger
    -- bound starts_at from below (starts_at > day_start - 24 h), which is what prunes partitions.
    CONSTRAINT "airings_duration_check" CHECK ("ends_at" > "starts_at" AND "ends_at" <= "starts_at" + interval '24 hours')
) PARTITION BY RANGE ("starts_at");

-- CreateTable
CREATE TABLE "categories" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vod_titles" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" "title_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "synopsis" TEXT NOT NULL DEFAULT '',
    "year" SMALLINT,
    "genres" TEXT[],
    "age_rating" SMALLINT,
    "runtime_minutes" SMALLINT,
    "poster_asset_id" UUID,
    "rights_rule_id" UUID,
    "published_at" TIMESTAMPTZ(3),
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "vod_titles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "title_categories" (
    "title_id" UUID NOT NULL,
    "category_id" UUID NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "title_categories_pkey" PRIMARY KEY ("title_id","category_id")
);

-- CreateTable
CREATE TABLE "seasons" (
    "id" UUID NOT NULL,
    "title_id" UUID NOT NULL,
    "number" SMALLINT NOT NULL,
    "name" TEXT,

    CONSTRAINT "seasons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "episodes" (
    "id" UUID NOT NULL,
    "season_id" UUID NOT NULL,
    "number" SMALLINT NOT NULL,
    "title" TEXT NOT NULL,
    "synopsis" TEXT NOT NULL DEFAULT '',
    "runtime_minutes" SMALLINT NOT NULL,

    CONSTRAINT "episodes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "media_assets" (
    "id" UUID NOT NULL,
    "kind" "media_kind" NOT NULL,
    "original_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_assets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "media_variants" (
    "id" UUID NOT NULL,
    "asset_id" UUID NOT NULL,
    "format" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "url" TEXT NOT NULL,

    CONSTRAINT "media_variants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_runs" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "import_status" NOT NULL DEFAULT 'QUEUED',
    "file_name" TEXT NOT NULL,
    "file_sha256" CHAR(64) NOT NULL,
    "byte_size" BIGINT NOT NULL,
    "bytes_read" BIGINT NOT NULL DEFAULT 0,
    "report" JSONB,
    "error" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupe_key" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "playback_decisions" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "reasons" TEXT[],
    "country" CHAR(2),
    "asn" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "playback_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_session_token_key" ON "sessions"("session_token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "packages_slug_key" ON "packages"("slug");

-- CreateIndex
CREATE INDEX "packages_isp_id_idx" ON "packages"("isp_id");

-- CreateIndex
CREATE INDEX "subscriptions_user_id_idx" ON "subscriptions"("user_id");

-- CreateIndex
CREATE INDEX "subscriptions_package_id_idx" ON "subscriptions"("package_id");

-- CreateIndex
CREATE UNIQUE INDEX "isps_slug_key" ON "isps"("slug");

-- CreateIndex
CREATE INDEX "isp_bindings_isp_id_idx" ON "isp_bindings"("isp_id");

-- CreateIndex
CREATE UNIQUE INDEX "isp_bindings_user_id_isp_id_key" ON "isp_bindings"("user_id", "isp_id");

-- CreateIndex
CREATE INDEX "rights_rule_packages_package_id_idx" ON "rights_rule_packages"("package_id");

-- CreateIndex
CREATE INDEX "rights_rule_isps_isp_id_idx" ON "rights_rule_isps"("isp_id");

-- CreateIndex
CREATE INDEX "blackouts_channel_id_starts_at_idx" ON "blackouts"("channel_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "channel_groups_slug_key" ON "channel_groups"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "channels_slug_key" ON "channels"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "channels_number_key" ON "channels"("number");

-- CreateIndex
CREATE UNIQUE INDEX "channels_xmltv_id_key" ON "channels"("xmltv_id");

-- CreateIndex
CREATE INDEX "channels_group_id_idx" ON "channels"("group_id");

-- CreateIndex
CREATE INDEX "channels_rights_rule_id_idx" ON "channels"("rights_rule_id");

-- CreateIndex
CREATE UNIQUE INDEX "programs_external_id_key" ON "programs"("external_id");

-- CreateIndex
CREATE INDEX "programs_title_idx" ON "programs"("title");

-- CreateIndex
CREATE INDEX "airings_channel_id_starts_at_idx" ON "airings"("channel_id", "starts_at");

-- CreateIndex
CREATE INDEX "airings_program_id_starts_at_idx" ON "airings"("program_id", "starts_at");

-- CreateIndex
CREATE INDEX "airings_external_id_idx" ON "airings"("external_id");

-- CreateIndex
CREATE UNIQUE INDEX "categories_slug_key" ON "categories"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "vod_titles_slug_key" ON "vod_titles"("slug");

-- CreateIndex
CREATE INDEX "vod_titles_rights_rule_id_idx" ON "vod_titles"("rights_rule_id");

-- CreateIndex
CREATE INDEX "title_categories_category_id_added_at_title_id_idx" ON "title_categories"("category_id", "added_at" DESC, "title_id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "seasons_title_id_number_key" ON "seasons"("title_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "episodes_season_id_number_key" ON "episodes"("season_id", "number");

-- CreateIndex
CREATE UNIQUE INDEX "media_assets_sha256_key" ON "media_assets"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "media_variants_storage_key_key" ON "media_variants"("storage_key");

-- CreateIndex
CREATE UNIQUE INDEX "media_variants_asset_id_format_width_key" ON "media_variants"("asset_id", "format", "width");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_created_at_idx" ON "audit_log"("entity_type", "entity_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_actor_id_created_at_idx" ON "audit_log"("actor_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at" DESC);

-- CreateIndex
CREATE INDEX "import_runs_created_at_idx" ON "import_runs"("created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_events_dedupe_key_key" ON "outbox_events"("dedupe_key");

-- CreateIndex
CREATE INDEX "playback_decisions_user_id_created_at_idx" ON "playback_decisions"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "playback_decisions_created_at_idx" ON "playback_decisions"("created_at" DESC);

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "packages" ADD CONSTRAINT "packages_isp_id_fkey" FOREIGN KEY ("isp_id") REFERENCES "isps"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_package_id_fkey" FOREIGN KEY ("package_id") REFERENCES "packages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "isp_bindings" ADD CONSTRAINT "isp_bindings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "isp_bindings" ADD CONSTRAINT "isp_bindings_isp_id_fkey" FOREIGN KEY ("isp_id") REFERENCES "isps"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rights_rule_packages" ADD CONSTRAINT "rights_rule_packages_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "rights_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rights_rule_packages" ADD CONSTRAINT "rights_rule_packages_package_id_fkey" FOREIGN KEY ("package_id") REFERENCES "packages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rights_rule_isps" ADD CONSTRAINT "rights_rule_isps_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "rights_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rights_rule_isps" ADD CONSTRAINT "rights_rule_isps_isp_id_fkey" FOREIGN KEY ("isp_id") REFERENCES "isps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blackouts" ADD CONSTRAINT "blackouts_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blackouts" ADD CONSTRAINT "blackouts_substitute_channel_id_fkey" FOREIGN KEY ("substitute_channel_id") REFERENCES "channels"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channels" ADD CONSTRAINT "channels_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "channel_groups"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channels" ADD CONSTRAINT "channels_logo_asset_id_fkey" FOREIGN KEY ("logo_asset_id") REFERENCES "media_assets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channels" ADD CONSTRAINT "channels_rights_rule_id_fkey" FOREIGN KEY ("rights_rule_id") REFERENCES "rights_rules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "programs" ADD CONSTRAINT "programs_poster_asset_id_fkey" FOREIGN KEY ("poster_asset_id") REFERENCES "media_assets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "airings" ADD CONSTRAINT "airings_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "airings" ADD CONSTRAINT "airings_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "airings" ADD CONSTRAINT "airings_rights_rule_id_fkey" FOREIGN KEY ("rights_rule_id") REFERENCES "rights_rules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vod_titles" ADD CONSTRAINT "vod_titles_poster_asset_id_fkey" FOREIGN KEY ("poster_asset_id") REFERENCES "media_assets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vod_titles" ADD CONSTRAINT "vod_titles_rights_rule_id_fkey" FOREIGN KEY ("rights_rule_id") REFERENCES "rights_rules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "title_categories" ADD CONSTRAINT "title_categories_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "vod_titles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "title_categories" ADD CONSTRAINT "title_categories_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "seasons" ADD CONSTRAINT "seasons_title_id_fkey" FOREIGN KEY ("title_id") REFERENCES "vod_titles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_season_id_fkey" FOREIGN KEY ("season_id") REFERENCES "seasons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_assets" ADD CONSTRAINT "media_assets_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_variants" ADD CONSTRAINT "media_variants_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "media_assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "playback_decisions" ADD CONSTRAINT "playback_decisions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ===========================================================================
-- Part 2: what Prisma cannot express. Each object here is listed in schema.prisma's
-- comments and, for indexes, in SQL_ONLY_INDEXES of tests/setup/schema-compare.ts.
-- ===========================================================================

-- CHECK constraints -----------------------------------------------------------

ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_period_check"
    CHECK ("ends_at" IS NULL OR "ends_at" > "starts_at");

ALTER TABLE "blackouts" ADD CONSTRAINT "blackouts_period_check"
    CHECK ("ends_at" > "starts_at");

ALTER TABLE "rights_rules" ADD CONSTRAINT "rights_rules_window_check"
    CHECK ("available_from" IS NULL OR "available_until" IS NULL OR "available_until" > "available_from");

-- ISO 3166-1 alpha-2 codes are two upper-case letters. The country lists are checked as a
-- whole ("" for an empty list, "GB,IE" for two), which also rejects NULL elements.
ALTER TABLE "users" ADD CONSTRAINT "users_home_country_check"
    CHECK ("home_country" ~ '^[A-Z]{2}$');
ALTER TABLE "isps" ADD CONSTRAINT "isps_country_check"
    CHECK ("country" ~ '^[A-Z]{2}$');
ALTER TABLE "playback_decisions" ADD CONSTRAINT "playback_decisions_country_check"
    CHECK ("country" ~ '^[A-Z]{2}$');
ALTER TABLE "rights_rules" ADD CONSTRAINT "rights_rules_allowed_countries_check"
    CHECK (array_to_string("allowed_countries", ',', '?') ~ '^([A-Z]{2}(,[A-Z]{2})*)?$');
ALTER TABLE "rights_rules" ADD CONSTRAINT "rights_rules_denied_countries_check"
    CHECK (array_to_string("denied_countries", ',', '?') ~ '^([A-Z]{2}(,[A-Z]{2})*)?$');
ALTER TABLE "blackouts" ADD CONSTRAINT "blackouts_countries_check"
    CHECK (array_to_string("countries", ',', '?') ~ '^([A-Z]{2}(,[A-Z]{2})*)?$');

-- Indexes Prisma cannot express -------------------------------------------------

-- Lookup of the ISP owning an ASN: WHERE asns @> ARRAY[$asn].
CREATE INDEX "isps_asns_gin_idx" ON "isps" USING gin ("asns");

-- The outbox relay polls pending events in order of availability; processed rows
-- (the vast majority) stay out of the index.
CREATE INDEX "outbox_events_pending_idx" ON "outbox_events" ("available_at") WHERE "processed_at" IS NULL;

-- Airings: monthly partitions -------------------------------------------------
--
-- Partition bounds are UTC month starts, independent of the session's TimeZone.
-- There is deliberately no DEFAULT partition: an airing outside every partition fails
-- loudly ("no partition of relation "airings" found for row") instead of landing in a
-- catch-all that would later block creating the month it belongs to.
--
-- Each partition carries EXCLUDE USING gist (channel_id WITH =, during WITH &&):
-- PostgreSQL 15 cannot declare an exclusion constraint on a partitioned parent
-- (PostgreSQL 17 can, when it includes the partition key by equality, which a range of
-- months cannot). Overlaps across a month boundary are caught by the trigger below.

CREATE FUNCTION ensure_airing_partitions(from_month date, months int) RETURNS int
LANGUAGE plpgsql AS $$
DECLARE
    month_start date := date_trunc('month', from_month)::date;
    partition_name text;
    created int := 0;
BEGIN
    -- Serialise concurrent callers (migration, upkeep job) within this database.
    PERFORM pg_advisory_xact_lock(hashtext('ensure_airing_partitions'));
    FOR i IN 1 .. months LOOP
        partition_name := format('airings_y%sm%s', to_char(month_start, 'YYYY'), to_char(month_start, 'MM'));
        IF to_regclass(format('%I.%I', current_schema(), partition_name)) IS NULL THEN
            EXECUTE format(
                'CREATE TABLE %I PARTITION OF "airings" FOR VALUES FROM (%L) TO (%L)',
                partition_name,
                month_start::timestamp AT TIME ZONE 'UTC',
                (month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC');
            EXECUTE format(
                'ALTER TABLE %I ADD CONSTRAINT %I EXCLUDE USING gist ("channel_id" WITH =, "during" WITH &&)',
                partition_name, partition_name || '_no_overlap');
            created := created + 1;
        END IF;
        month_start := (month_start + interval '1 month')::date;
    END LOOP;
    RETURN created;
END
$$;

COMMENT ON FUNCTION ensure_airing_partitions(date, int) IS
    'Creates the missing monthly airings partitions (airings_yYYYYmMM, UTC months) for `months` months from from_month, each with its no-overlap exclusion constraint. Idempotent; returns how many it created.';

-- From 2023-01 (fixtures such as XMLTV samples use fixed past dates) to 24 months ahead.
SELECT ensure_airing_partitions(
    DATE '2023-01-01',
    ((extract(year FROM now() AT TIME ZONE 'UTC')::int - 2023) * 12
        + extract(month FROM now() AT TIME ZONE 'UTC')::int) + 24);

-- Airings: overlaps across a partition boundary ---------------------------------
--
-- A row can overlap a row of the neighbouring month only if it starts in the first 24 h
-- of its month or ends after its month ends (airings last at most 24 h). Only those rows
-- pay for the check. The advisory lock per channel serialises such writers, and each
-- statement in this VOLATILE function takes a fresh snapshot under READ COMMITTED, so a
-- concurrent writer's committed row is seen once the lock is granted. (Under REPEATABLE
-- READ a concurrent commit could be missed: schedule writes use READ COMMITTED.)
-- The error is SQLSTATE 23P01 like the exclusion constraint's, and its DETAIL names the
-- conflicting airing: "conflicting airing <uuid> [<start ISO>, <end ISO>)".

CREATE FUNCTION airings_prevent_cross_partition_overlap() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    month_start timestamptz := date_trunc('month', NEW."starts_at" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    month_end timestamptz := (date_trunc('month', NEW."starts_at" AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
    conflict record;
BEGIN
    IF NEW."starts_at" >= month_start + interval '24 hours' AND NEW."ends_at" <= month_end THEN
        RETURN NEW;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('airings:' || NEW."channel_id"::text, 0));
    SELECT a."id", a."starts_at", a."ends_at" INTO conflict
      FROM "airings" a
     WHERE a."channel_id" = NEW."channel_id"
       AND a."starts_at" < NEW."ends_at"
       AND a."starts_at" > NEW."starts_at" - interval '24 hours' -- valid because of the 24 h cap; prunes partitions
       AND a."ends_at" > NEW."starts_at"
       AND a."id" <> NEW."id"
     ORDER BY a."starts_at"
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'airing % [%, %) overlaps airing % on channel %',
                NEW."id",
                to_char(NEW."starts_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                to_char(NEW."ends_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                conflict."id", NEW."channel_id"
            USING ERRCODE = 'exclusion_violation',
                  CONSTRAINT = 'airings_no_cross_partition_overlap',
                  TABLE = 'airings',
                  DETAIL = format('conflicting airing %s [%s, %s)',
                      conflict."id",
                      to_char(conflict."starts_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                      to_char(conflict."ends_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
    END IF;
    RETURN NEW;
END
$$;

-- Declared on the parent, so PostgreSQL clones it onto every partition, present and future.
CREATE TRIGGER "airings_no_cross_partition_overlap"
    BEFORE INSERT OR UPDATE OF "channel_id", "starts_at", "ends_at" ON "airings"
    FOR EACH ROW EXECUTE FUNCTION airings_prevent_cross_partition_overlap();

-- The guide-day query --------------------------------------------------------------
--
-- A day of the guide is every airing that OVERLAPS [day_start, day_end):
--     WHERE starts_at < $day_end
--       AND starts_at > $day_start - interval '24 hours'
--       AND ends_at > $day_start
-- The middle bound is implied by the other two only because airings last at most 24 h
-- (airings_duration_check); stating it lets the planner prune every partition but the
-- one or two months the day touches. Per channel, (channel_id, starts_at) serves it.

-- Category counts ----------------------------------------------------------------
--
-- categories.title_count follows title_categories through statement-level triggers with
-- transition tables: one UPDATE per category touched per statement, so a bulk COPY costs
-- one pass, not one update per row. refresh_category_counts() recomputes everything
-- (after loads that bypass triggers, or to repair).

CREATE FUNCTION title_categories_count_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "categories" c SET "title_count" = c."title_count" + n.cnt
      FROM (SELECT "category_id", count(*)::int AS cnt FROM inserted GROUP BY "category_id") n
     WHERE c."id" = n."category_id";
    RETURN NULL;
END
$$;

CREATE FUNCTION title_categories_count_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "categories" c SET "title_count" = c."title_count" - n.cnt
      FROM (SELECT "category_id", count(*)::int AS cnt FROM deleted GROUP BY "category_id") n
     WHERE c."id" = n."category_id";
    RETURN NULL;
END
$$;

CREATE FUNCTION title_categories_count_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "categories" c SET "title_count" = c."title_count" + n.delta
      FROM (
        SELECT "category_id", sum(delta)::int AS delta FROM (
            SELECT "category_id", 1 AS delta FROM inserted
            UNION ALL
            SELECT "category_id", -1 AS delta FROM deleted
        ) d GROUP BY "category_id"
      ) n
     WHERE c."id" = n."category_id" AND n.delta <> 0;
    RETURN NULL;
END
$$;

CREATE TRIGGER "title_categories_count_insert"
    AFTER INSERT ON "title_categories" REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION title_categories_count_insert();

CREATE TRIGGER "title_categories_count_delete"
    AFTER DELETE ON "title_categories" REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION title_categories_count_delete();

CREATE TRIGGER "title_categories_count_update"
    AFTER UPDATE ON "title_categories" REFERENCING NEW TABLE AS inserted OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION title_categories_count_update();

CREATE FUNCTION refresh_category_counts() RETURNS void
LANGUAGE sql AS $$
    UPDATE "categories" c
       SET "title_count" = coalesce(n.cnt, 0)
      FROM "categories" c2
      LEFT JOIN (SELECT "category_id", count(*)::int AS cnt FROM "title_categories" GROUP BY "category_id") n
        ON n."category_id" = c2."id"
     WHERE c."id" = c2."id" AND c."title_count" IS DISTINCT FROM coalesce(n.cnt, 0);
$$;
