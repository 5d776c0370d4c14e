/**
 * Chat mutes, set by moderators on an account. Read from PostgreSQL on every
 * message (no cache), so a mute or an unmute holds for the very next message on
 * every sim process.
 */
import { notify } from '../notifications/notifications';
import { MuteInputSchema, UnmuteInputSchema, type MuteInput, type UnmuteInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { lockModeratedAccount } from '../moderation/may-moderate';
import { inTransaction } from '../core/transaction';

export interface ActiveMute {
  until: Date;
  reason: string;
}

/** The account's mute in force now, if any (the one that lasts longest). */
export async function activeMute(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  userId: string,
): Promise<ActiveMute | null> {
  const m = await deps.db.chatMute.findFirst({
    where: { userId, until: { gt: deps.clock.now() } },
    orderBy: { until: 'desc' },
    select: { until: true, reason: true },
  });
  return m;
}

/**
 * A moderator mutes an account's chat for `minutes`. The rank rule of bans
 * (moderation/may-moderate.ts): only accounts ranked below the actor, never oneself.
 */
export async function muteAccount(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: MuteInput & { byUserId: string },
): Promise<ActiveMute> {
  const { userId, minutes, reason } = parseInput(MuteInputSchema, input);
  const until = new Date(deps.clock.ms() + minutes * 60_000);
  await inTransaction(deps.db, async (tx) => {
    await lockModeratedAccount(tx, input.byUserId, userId);
    await tx.chatMute.create({ data: { userId, until, reason, byUserId: input.byUserId } });
    // every character of the account is told (a mute cannot be turned off in preferences)
    const chars = await tx.character.findMany({
      where: { userId, deletedAt: null },
      select: { id: true },
    });
    for (const c of chars)
      await notify(tx, deps.clock.now(), {
        characterId: c.id,
        kind: 'mute_applied',
        title: `You are muted for ${minutes} min`,
        body: reason,
      });
  });
  return { until, reason };
}

/** Ends every mute of the account now (the same rank rule: nobody lifts their own mute). */
export async function unmuteAccount(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: UnmuteInput & { byUserId: string },
): Promise<{ ended: number }> {
  const { userId } = parseInput(UnmuteInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    await lockModeratedAccount(tx, input.byUserId, userId);
    const r = await tx.chatMute.updateMany({
      where: { userId, until: { gt: now } },
      data: { until: now },
    });
    return { ended: r.count };
  });
}

/** The refusal a muted sender gets. */
export function mutedError(m: ActiveMute, nowMs: number): DomainError {
  const minutes = Math.max(1, Math.ceil((m.until.getTime() - nowMs) / 60_000));
  return new DomainError(
    'FORBIDDEN',
    'muted',
    `You are muted for ${minutes} more minute${minutes === 1 ? '' : 's'}: ${m.reason}`,
  );
}
