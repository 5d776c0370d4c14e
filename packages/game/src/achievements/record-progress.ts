/**
 * Stores what one fact does to a character's achievements, inside the caller's
 * transaction (the outbox delivery's), exactly once:
 *
 * - per event: the first handling records `achievements:<event key>` for the
 *   character (QuestEventApplied); a repeated handling of the same event adds nothing;
 * - per completion: each achievement's row is advanced by one upsert that also sets
 *   `completedAt` when progress reaches the target, and only while it is still NULL
 *   (`ON CONFLICT … DO UPDATE … WHERE "completedAt" IS NULL`). PostgreSQL evaluates
 *   that condition on the newest row version under the row's lock, so of two
 *   transactions crossing the target at once only one gets the row back completed:
 *   it alone adds the points and writes the notification (the toast).
 */
import {
  achievementSteps,
  nextProgress,
  type Achievement,
  type AchievementFact,
  type AchievementStep,
} from '@necp/shared';
import type { Tx } from '../core/deps';
import { notify } from '../notifications/notifications';
import { publishEvent } from '../outbox/publish-event';
import { markApplied } from '../quests/apply-trigger';

/**
 * Advances one row; true when this statement completed it. Mirrors nextProgress:
 * least(target, greatest(progress + add, max)).
 */
async function advance(
  tx: Tx,
  now: Date,
  characterId: string,
  s: { achievement: Achievement; step: AchievementStep; target: number },
): Promise<boolean> {
  const add = s.step.mode === 'add' ? s.step.amount : 0;
  const max = s.step.mode === 'max' ? s.step.value : 0;
  const first = nextProgress(0, s.step, s.target);
  const rows = await tx.$queryRaw<{ completedAt: Date | null }[]>`
    INSERT INTO "CharacterAchievement" AS ca
      ("characterId", "achievementId", "progress", "completedAt", "updatedAt")
    VALUES (${characterId}, ${s.achievement.id}, ${first},
      ${first >= s.target ? now : null}::timestamp(3), ${now})
    ON CONFLICT ("characterId", "achievementId") DO UPDATE SET
      "progress" = LEAST(${s.target}::int, GREATEST(ca."progress" + ${add}::int, ${max}::int)),
      "completedAt" = CASE
        WHEN LEAST(${s.target}::int, GREATEST(ca."progress" + ${add}::int, ${max}::int)) >= ${s.target}::int
        THEN ${now}::timestamp(3) END,
      "updatedAt" = ${now}
    WHERE ca."completedAt" IS NULL
    RETURNING "completedAt"`;
  return rows.length === 1 && rows[0]!.completedAt !== null;
}

const earnedBody = (a: Achievement) =>
  [`${a.description}`, `+${a.points} points`, a.title ? `Title unlocked: ${a.title.text}` : '']
    .filter(Boolean)
    .join(' · ');

/**
 * Applies `fact` for `characterId` (whose row the caller has locked); returns the
 * achievements this call completed.
 */
export async function recordAchievementFact(
  tx: Tx,
  input: { now: Date; characterId: string; fact: AchievementFact; eventKey: string },
): Promise<Achievement[]> {
  const { now, characterId } = input;
  const steps = achievementSteps(input.fact);
  if (steps.length === 0) return [];
  const done = await tx.characterAchievement.findMany({
    where: {
      characterId,
      achievementId: { in: steps.map((s) => s.achievement.id) },
      completedAt: { not: null },
    },
    select: { achievementId: true },
  });
  const skip = new Set(done.map((d) => d.achievementId));
  const open = steps.filter((s) => !skip.has(s.achievement.id));
  // nothing left to count: no key is recorded (the table grows with real progress only)
  if (open.length === 0) return [];
  if (!(await markApplied(tx, characterId, `achievements:${input.eventKey}`, now))) return [];

  const earned: Achievement[] = [];
  for (const s of open) if (await advance(tx, now, characterId, s)) earned.push(s.achievement);
  if (earned.length === 0) return earned;

  const { achievementPoints } = await tx.character.update({
    where: { id: characterId },
    data: { achievementPoints: { increment: earned.reduce((n, a) => n + a.points, 0) } },
    select: { achievementPoints: true },
  });
  // the leaderboards re-rank it (each achievement completes once: the key is unique)
  await publishEvent(tx, {
    type: 'achievement.earned',
    key: `achievement.earned:${characterId}:${earned.map((a) => a.id).join(',')}`,
    payload: {
      characterId,
      achievementIds: earned.map((a) => a.id),
      points: achievementPoints,
    },
  });
  for (const a of earned)
    await notify(tx, now, {
      characterId,
      kind: 'achievement',
      title: `Achievement earned: ${a.name}`,
      body: earnedBody(a),
    });
  return earned;
}
