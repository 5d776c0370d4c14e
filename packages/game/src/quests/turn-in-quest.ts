import {
  TurnInQuestInputSchema,
  type ItemReward,
  type ReputationChangeView,
  type TurnInQuestInput,
  type TurnInResult,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError, isDomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { setFlagTx } from '../flags/flags';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { placeInBag } from '../inventory/place-in-bag';
import { sourceOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { publishEvent } from '../outbox/publish-event';
import { grantXpTx } from '../progression/grant-xp';
import { changeReputationTx } from '../reputation/change-reputation';
import { applyQuestTrigger } from './apply-trigger';
import { assertNearContact, contactOrThrow } from '../contacts/contact-range';
import { lockQuestContext } from './context';
import { questOrThrow, questRefused } from './errors';
import { withRow } from './start-quest';
import { currentRow } from './status';
import { takeCollectedTx } from './take-collected';
import { rewardItemView, questView } from './views';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { inTransaction } from '../core/transaction';

const notReadyWhy: Record<string, string> = {
  active: 'Not done yet — finish the objectives first',
  completed: 'You have already turned this in',
  failed: 'This job has failed',
  abandoned: 'You gave up on this job',
};

/** The picked reward; VALIDATION when the quest offers a choice and it is missing or not one of them. */
function pickedReward(choices: readonly ItemReward[], choice: string | undefined) {
  if (choices.length === 0) {
    if (choice !== undefined)
      throw new DomainError(
        'VALIDATION',
        'quest offers no reward choice',
        'This job offers no choice of reward',
      );
    return undefined;
  }
  const picked = choices.find((c) => c.templateId === choice);
  if (!picked)
    throw new DomainError(
      'VALIDATION',
      `reward choice ${choice ?? '(none)'} is not offered`,
      choice === undefined ? 'Pick one of the rewards' : 'That reward is not on offer',
    );
  return picked;
}

/** Rewards go through placeInBag; a full bag refuses the whole turn-in with a clear line. */
async function giveReward(tx: Tx, characterId: string, questId: string, r: ItemReward) {
  try {
    await placeInBag(tx, {
      characterId,
      templateId: r.templateId,
      quantity: r.quantity,
      reason: 'quest',
      fromOwner: sourceOwner('quest'),
      ref: questId,
    });
  } catch (e) {
    if (isDomainError(e) && e.message === 'bag full')
      throw new DomainError(
        'INVALID_STATE',
        'bag full at turn-in',
        'Your bag is full — make room for the rewards first',
      );
    throw e;
  }
}

/**
 * Hands in a ready quest at its turn-in contact, in ONE transaction: the row moves
 * ready → completed conditionally (a double turn-in pays once), collected items are
 * taken, then XP, eddies, items (and the picked choice), reputation and reward
 * flags are given, and `quest.completed` is published. Anything refused — a full
 * bag, missing items — rolls all of it back.
 */
export async function turnInQuest(deps: GameDeps, input: TurnInQuestInput): Promise<TurnInResult> {
  const { characterId, questId, contactId, choice } = parseInput(TurnInQuestInputSchema, input);
  const result = await inTransaction(deps.db, async (tx) => {
    const c = await lockCharacter(tx, characterId);
    const quest = questOrThrow(questId);
    const contact = contactOrThrow(contactId);
    if (quest.turnInId !== contact.id)
      throw questRefused(quest.id, `Hand this in to someone else, not ${contact.name}`);
    assertNearContact(c, contact);
    const picked = pickedReward(quest.rewards.choice, choice);
    const { ctx } = await lockQuestContext(tx, c, deps.clock.now());
    const row = currentRow(quest, ctx);
    if (!row || row.state !== 'ready')
      throw questRefused(quest.id, (row && notReadyWhy[row.state]) ?? 'You are not on this job');

    const items = await lockCharacterItems(tx, c.id);
    await takeCollectedTx(tx, c.id, quest, items);
    const now = ctx.now;
    const done = await tx.characterQuest.updateMany({
      where: { id: row.id, state: 'ready' },
      data: { state: 'completed', completedAt: now, rewardChoice: picked?.templateId ?? null },
    });
    if (done.count !== 1) throw questRefused(quest.id, 'You have already turned this in');

    const r = quest.rewards;
    const xp =
      r.xp > 0 ? await grantXpTx(tx, { characterId: c.id, amount: r.xp, reason: 'quest' }) : null;
    if (r.eddies > 0)
      await recordCurrency(tx, {
        reason: 'quest',
        characterId: c.id,
        delta: r.eddies,
        ref: quest.id,
      });
    const given = [...r.items, ...(picked ? [picked] : [])];
    for (const item of given) await giveReward(tx, c.id, quest.id, item);
    const reputation: ReputationChangeView[] =
      r.reputation.length > 0
        ? await changeReputationTx(tx, {
            characterId: c.id,
            changes: r.reputation,
            reason: 'quest',
            ref: quest.id,
          })
        : [];
    for (const f of r.flags) {
      await setFlagTx(tx, { characterId: c.id, key: f.key, value: f.value, at: now });
      // a reward flag can be the decision another running quest waits for
      await applyQuestTrigger(
        tx,
        deps,
        c.id,
        { kind: 'flag', key: f.key },
        (q, attempts) => `flag:${c.id}:${q}:${attempts}:${f.key}`,
      );
    }
    await publishEvent(tx, {
      type: 'quest.completed',
      key: `quest.completed:${c.id}:${quest.id}:${row.periodKey}`,
      payload: {
        characterId: c.id,
        questId: quest.id,
        periodKey: row.periodKey,
        xp: r.xp,
        eddies: r.eddies,
      },
    });

    // collected items left the bag, rewards and XP (maybe a level) came in
    await publishStatsChanged(tx, c.id, 'quest.turn_in');

    const completed = {
      ...row,
      state: 'completed' as const,
      completedAt: now,
      rewardChoice: picked?.templateId ?? null,
    };
    return {
      quest: questView(quest, withRow(ctx, completed), completed),
      xpGained: xp?.xpGained ?? 0,
      xp: xp?.xp ?? c.xp,
      level: xp?.level ?? c.level,
      levelsGained: xp?.levelsGained ?? 0,
      eddies: r.eddies,
      items: given.map(rewardItemView),
      reputation,
    };
  });
  deps.log.info(
    { characterId, questId, xp: result.xpGained, eddies: result.eddies, choice },
    'quest turned in',
  );
  return result;
}
