import ipaddr from 'ipaddr.js';
import type { Tx } from '../core/deps';

/**
 * An address names a person only when it is a public one: loopback, private, link-local
 * and unknown addresses are the server's own host, a home or office network, or nothing
 * (ipaddr.js classifies them; every player of a local game shares 127.0.0.1).
 */
export function isPersonalAddress(ip: string | null): boolean {
  if (!ip || !ipaddr.isValid(ip)) return false;
  const a = ipaddr.process(ip);
  return a.range() === 'unicast';
}

/** The accounts a contract's parties play from (a purged character: none). */
async function partyAccounts(tx: Tx, characterIds: readonly string[]): Promise<string[]> {
  if (characterIds.length === 0) return [];
  const rows = await tx.character.findMany({
    where: { id: { in: [...characterIds] } },
    select: { userId: true },
  });
  return [...new Set(rows.map((r) => r.userId))];
}

/**
 * Whether a moderator may not rule between these characters: the moderator's account
 * is one of theirs, has been seen on the same browser as one of theirs (SharedDevice:
 * a device cookie holding tokens of both), or signed up or in from a public address
 * one of theirs used.
 */
export async function isConflicted(
  tx: Tx,
  moderatorId: string,
  characterIds: readonly string[],
): Promise<boolean> {
  const parties = await partyAccounts(tx, characterIds);
  if (parties.includes(moderatorId)) return true;
  if (parties.length === 0) return false;
  const linked = await tx.sharedDevice.count({
    where: {
      OR: [
        { userId: moderatorId, otherUserId: { in: parties } },
        { userId: { in: parties }, otherUserId: moderatorId },
      ],
    },
  });
  if (linked > 0) return true;
  const seen = await tx.authEvent.findMany({
    where: { userId: moderatorId, kind: { in: ['REGISTER', 'LOGIN_OK'] }, ip: { not: null } },
    distinct: ['ip'],
    select: { ip: true },
    take: 200,
  });
  const mine = seen.map((s) => s.ip).filter(isPersonalAddress) as string[];
  if (mine.length === 0) return false;
  const shared = await tx.authEvent.count({
    where: { userId: { in: parties }, kind: { in: ['REGISTER', 'LOGIN_OK'] }, ip: { in: mine } },
  });
  return shared > 0;
}
