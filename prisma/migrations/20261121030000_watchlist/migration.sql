-- Watchlist (lib/watchlist): titles and programmes a viewer keeps for later.
--
-- One row per (user, kind, item): the primary key makes adding twice a no-op
-- (INSERT ... ON CONFLICT DO NOTHING), and a user's list is read newest first by
-- (user_id, added_at DESC). item_id points at vod_titles or programs depending on kind,
-- so it has no foreign key; lib/watchlist checks the item exists before adding and the
-- list joins each kind, so a deleted title drops out of the list. Deleting a user deletes
-- their list.

-- CreateEnum
CREATE TYPE "watchlist_item_kind" AS ENUM ('TITLE', 'PROGRAM');

-- CreateTable
CREATE TABLE "watchlist_items" (
    "user_id" UUID NOT NULL,
    "kind" "watchlist_item_kind" NOT NULL,
    "item_id" UUID NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watchlist_items_pkey" PRIMARY KEY ("user_id","kind","item_id")
);

-- CreateIndex
CREATE INDEX "watchlist_items_user_id_added_at_idx" ON "watchlist_items"("user_id", "added_at" DESC);

-- AddForeignKey
ALTER TABLE "watchlist_items" ADD CONSTRAINT "watchlist_items_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
