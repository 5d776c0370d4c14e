/**
 * The game itself reports a player to the moderators (arena win-trading, …): a player
 * report in the same queue, from a named watcher instead of a player. Nothing is done
 * to the account automatically; a moderator reads the note and decides. One open flag
 * per watcher and player: flagging again refreshes it (and reopens a resolved one),
 * like a player reporting again.
 */
import type { PlayerReportReason } from '@necp/shared';
import type { Tx } from '../core/deps';

/** The watchers: their reporter id (no character has it) and the name moderators see. */
export const WATCHERS = {
  arena: { reporterId: 'system:arena-watch', reporterName: 'Arena watch (automatic)' },
} as const;

export async function flagPlayer(
  tx: Tx,
  input: {
    watcher: keyof typeof WATCHERS;
    target: { id: string; name: string; userId: string };
    reason: PlayerReportReason;
    note: string;
    now: Date;
  },
): Promise<void> {
  const { reporterId, reporterName } = WATCHERS[input.watcher];
  const fields = {
    reporterName,
    targetName: input.target.name,
    targetUserId: input.target.userId,
    reason: input.reason,
    note: input.note.slice(0, 500),
    context: [],
    createdAt: input.now,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  };
  await tx.playerReport.upsert({
    where: { reporterId_targetId: { reporterId, targetId: input.target.id } },
    create: { reporterId, targetId: input.target.id, ...fields },
    update: fields,
  });
}
