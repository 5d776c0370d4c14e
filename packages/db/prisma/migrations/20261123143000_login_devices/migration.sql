-- Device cookies (issue 10, "nobody can lock someone else out"): a browser that
-- signed in gets a signed cookie naming one of these rows; its logins are counted
-- against the row, not the account-wide lockout.
CREATE TABLE "LoginDevice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "nonceHash" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "LoginDevice_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "LoginDevice_nonceHash_key" ON "LoginDevice"("nonceHash");
CREATE INDEX "LoginDevice_userId_idx" ON "LoginDevice"("userId");

ALTER TABLE "LoginDevice" ADD CONSTRAINT "LoginDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- the owner's sign-in activity shows whether an attempt came from a known browser
ALTER TABLE "AuthEvent" ADD COLUMN "knownDevice" BOOLEAN NOT NULL DEFAULT false;
