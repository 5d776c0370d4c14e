-- Sign-out ends that one session server-side (issue 10): the login token's session id
-- is recorded here until the token could have expired anyway.
CREATE TABLE "RevokedSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RevokedSession_userId_expiresAt_idx" ON "RevokedSession"("userId", "expiresAt");
