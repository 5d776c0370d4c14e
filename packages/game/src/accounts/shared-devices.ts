import type { Tx } from '../core/deps';
import type { DeviceToken } from './device-cookie';

/**
 * Remembers the other accounts whose well-signed tokens the signing-in browser holds
 * (device-cookie.ts keeps up to four): those accounts were played on this browser. The
 * contract board's arbitration reads it (a moderator never rules on a linked account).
 */
export async function recordSharedDevice(
  tx: Tx,
  now: Date,
  userId: string,
  tokens: readonly DeviceToken[],
): Promise<void> {
  const others = [...new Set(tokens.map((t) => t.userId).filter((id) => id !== userId))];
  if (others.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "SharedDevice" ("userId", "otherUserId", "seenAt")
    SELECT ${userId}, o, ${now} FROM unnest(${others}::text[]) AS o
    WHERE EXISTS (SELECT 1 FROM "User" WHERE "id" = o)
    ON CONFLICT ("userId", "otherUserId") DO UPDATE SET "seenAt" = EXCLUDED."seenAt"`;
}
