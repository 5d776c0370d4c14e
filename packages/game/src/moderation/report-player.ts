/**
 * A player reports another from the player menu: a reason, an optional note and the
 * reported character's last messages the reporter could read (public channels and
 * the whispers between the two), as they were then, kept for moderators. One report
 * per reporter and target: reporting again refreshes it and reopens a resolved one.
 * At most PLAYER_REPORTS_PER_DAY different players a day, so reports cannot be used
 * to flood the moderators' queue.
 */
import {
  PLAYER_REPORT_CONTEXT,
  PLAYER_REPORTS_PER_DAY,
  PlayerReportSchema,
  type PlayerReport,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { characterByName } from '../chat/characters-by-name';
import { toWire } from '../chat/chat-rows';

const DAY_MS = 24 * 60 * 60 * 1000;
/** channels anyone in the right place could read */
const PUBLIC_CHANNELS = ['global', 'trade', 'district', 'say'];

export async function reportPlayer(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: PlayerReport & { reporterId: string },
): Promise<{ reported: true }> {
  const { name, reason, note } = parseInput(PlayerReportSchema, input);
  const { reporterId } = input;
  const [reporter, target] = await Promise.all([
    deps.db.character.findUnique({ where: { id: reporterId }, select: { name: true } }),
    characterByName(deps, name),
  ]);
  if (!reporter) throw new DomainError('NOT_FOUND', `reporter ${reporterId}`, 'Who are you?');
  if (target.id === reporterId)
    throw new DomainError('VALIDATION', 'report self', 'You cannot report yourself.');

  const now = deps.clock.ms();
  const recent = await deps.db.playerReport.count({
    where: {
      reporterId,
      targetId: { not: target.id },
      createdAt: { gt: new Date(now - DAY_MS) },
    },
  });
  if (recent >= PLAYER_REPORTS_PER_DAY)
    throw new DomainError(
      'RATE_LIMITED',
      'player reports per day',
      `You have reported ${PLAYER_REPORTS_PER_DAY} players today. Moderators will look at them first.`,
    );

  const rows = await deps.db.chatMessage.findMany({
    where: {
      senderId: target.id,
      OR: [{ channel: { in: PUBLIC_CHANNELS } }, { channel: 'whisper', recipientId: reporterId }],
    },
    orderBy: { createdAt: 'desc' },
    take: PLAYER_REPORT_CONTEXT,
  });
  const context = rows.reverse().map((r) => ({ ...toWire(r), original: r.original }));
  const fields = {
    reason,
    note: note || null,
    context,
    reporterName: reporter.name,
    targetName: target.name,
    targetUserId: target.userId,
    createdAt: new Date(now),
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
  };
  await deps.db.playerReport.upsert({
    where: { reporterId_targetId: { reporterId, targetId: target.id } },
    create: { reporterId, targetId: target.id, ...fields },
    update: fields,
  });
  return { reported: true };
}
