import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';

/** bannedUntil of a ban with no end (the column is null when not banned). */
export const PERMANENT_BAN_UNTIL = new Date('9999-12-31T23:59:59.000Z');

interface BanState {
  bannedUntil: Date | null;
  banReason?: string | null;
}

export const isBanned = (u: BanState, nowMs: number): boolean =>
  u.bannedUntil !== null && u.bannedUntil.getTime() > nowMs;

export const isPermanentBan = (until: Date): boolean =>
  until.getTime() >= PERMANENT_BAN_UNTIL.getTime();

/** "2026-12-05 14:00 UTC" */
export const formatBanEnd = (until: Date): string =>
  `${until.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** What a banned player is told when signing in. */
export function banMessage(u: BanState & { bannedUntil: Date }): string {
  const when = isPermanentBan(u.bannedUntil)
    ? 'This account is banned permanently.'
    : `This account is banned until ${formatBanEnd(u.bannedUntil)}.`;
  return u.banReason ? `${when} Reason: ${u.banReason}` : when;
}

/**
 * Called by verifyLogin once the password is right (so a stranger learns nothing about
 * bans): refuses a banned account with a message saying until when, audited.
 */
export async function refuseIfBanned(
  deps: GameDeps,
  user: BanState & { id: string },
  ip: string,
): Promise<void> {
  if (!user.bannedUntil || !isBanned(user, deps.clock.ms())) return;
  await deps.db.authEvent.create({
    data: { userId: user.id, kind: 'LOGIN_FAIL', ip, detail: 'banned' },
  });
  throw new DomainError(
    'FORBIDDEN',
    `banned until ${user.bannedUntil.toISOString()}`,
    banMessage({ ...user, bannedUntil: user.bannedUntil }),
  );
}
