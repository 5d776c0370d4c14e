-- Zones across processes (issue 11): the fencing token of the sim process that owns
-- each zone. A new owner raises it on takeover; zone writes check it, so an owner
-- that lost its Redis lease cannot overwrite what the new owner saved.
CREATE TABLE "ZoneOwner" (
    "zoneId" TEXT NOT NULL,
    "token" BIGINT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ZoneOwner_pkey" PRIMARY KEY ("zoneId")
);
