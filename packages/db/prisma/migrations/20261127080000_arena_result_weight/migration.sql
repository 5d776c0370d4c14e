-- How much an arena result counted (docs/matchmaking.md "What a result counts for")
ALTER TABLE "Match" ADD COLUMN "contested" BOOLEAN;
ALTER TABLE "MatchParticipant" ADD COLUMN "weight" DOUBLE PRECISION;
