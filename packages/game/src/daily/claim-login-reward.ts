import {
  DailyClaimInputSchema,
  dailyPeriodKey,
  loginRewardFor,
  type DailyClaimResult,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError, isDomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { sourceOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { newLedgerRef } from '../ledger/ref';
import { bagFull } from '../inventory/errors';
import { lockCharacter } from '../core/row-locks';
import { placeInBag } from '../inventory/place-in-bag';
import { dailyStatusView, rewardViews, streakToday } from './daily-status';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { inTransaction } from '../core/transaction';

const alreadyClaimed = () =>
  new DomainError('CONFLICT', 'login reward already claimed today', 'Already claimed today');

const bagFullForReward = () =>
  new DomainError(
    'INVALID_STATE',
    'bag full for the login reward',
    "Your bag is full: make room for today's reward, then claim it",
  );

/**
 * Moves the account's streak to today with a conditional write: the first claim
 * inserts the row (ON CONFLICT DO NOTHING), later ones update it only while it
 * still holds the day that was read. A concurrent claim of the same account —
 * from any of its characters — finds nothing to write: CONFLICT. Returns the new
 * streak.
 */
async function advanceStreak(tx: Tx, userId: string, now: Date): Promise<number> {
  const row = await tx.loginReward.findUnique({ where: { userId } });
  const { canClaim, streak } = streakToday(row, now);
  if (!canClaim) throw alreadyClaimed();
  const today = dailyPeriodKey(now);
  const written = row
    ? await tx.$executeRaw`
        UPDATE "LoginReward"
        SET "lastDayKey" = ${today}, "streak" = ${streak}::int, "claims" = "claims" + 1,
            "lastClaimAt" = ${now}
        WHERE "userId" = ${userId} AND "lastDayKey" = ${row.lastDayKey}`
    : await tx.$executeRaw`
        INSERT INTO "LoginReward" ("userId", "lastDayKey", "streak", "claims", "lastClaimAt")
        VALUES (${userId}, ${today}, ${streak}::int, 1, ${now})
        ON CONFLICT ("userId") DO NOTHING`;
  if (written === 0) throw alreadyClaimed();
  return streak;
}

/**
 * Claims today's login reward (once per account per UTC day) for one of the
 * account's characters, in one transaction: the streak row, the eddies (ledger
 * `login`) and the item (source `login`). A full bag changes nothing.
 */
export async function claimLoginReward(
  deps: GameDeps,
  input: { userId: string; characterId: string },
): Promise<DailyClaimResult> {
  const { characterId } = parseInput(DailyClaimInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    await lockCharacter(tx, characterId, input.userId);
    const streak = await advanceStreak(tx, input.userId, now);
    const reward = loginRewardFor(streak);
    const ref = newLedgerRef();
    await recordCurrency(tx, { reason: 'login', characterId, delta: reward.eddies, ref });
    if (reward.item) {
      try {
        await placeInBag(tx, {
          characterId,
          templateId: reward.item.templateId,
          quantity: reward.item.quantity,
          reason: 'login',
          fromOwner: sourceOwner('login'),
          ref,
        });
      } catch (e) {
        if (isDomainError(e) && e.message === bagFull().message) throw bagFullForReward();
        throw e;
      }
    }
    if (reward.item) await publishStatsChanged(tx, characterId, 'daily.login_reward');
    const [view] = await rewardViews(tx, [reward]);
    const status = await dailyStatusView(tx, { lastDayKey: dailyPeriodKey(now), streak }, now);
    return { status, reward: view!, streak };
  });
}
