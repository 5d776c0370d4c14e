-- Server-side session revocation and bans (issue 10): a login token carries the
-- sessionVersion it was minted with; bumping the column revokes every older token.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "User" ADD COLUMN "bannedUntil" TIMESTAMP(3);
ALTER TABLE "User" ADD COLUMN "banReason" TEXT;

ALTER TYPE "AuthEventKind" ADD VALUE 'SIGN_OUT';
ALTER TYPE "AuthEventKind" ADD VALUE 'SESSIONS_REVOKED';
ALTER TYPE "AuthEventKind" ADD VALUE 'PASSWORD_CHANGED';
ALTER TYPE "AuthEventKind" ADD VALUE 'ROLE_CHANGED';
ALTER TYPE "AuthEventKind" ADD VALUE 'BANNED';
ALTER TYPE "AuthEventKind" ADD VALUE 'UNBANNED';
