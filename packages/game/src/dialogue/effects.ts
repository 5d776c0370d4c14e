import {
  questById,
  type Dialogue,
  type DialogueEffect,
  type DialogueNode,
  type DialogueOutcome,
  type QuestUpdateMsg,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError, isDomainError } from '../core/errors';
import { setFlagTx } from '../flags/flags';
import { placeInBag } from '../inventory/place-in-bag';
import { sourceOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { changeReputationTx } from '../reputation/change-reputation';
import { applyQuestTrigger } from '../quests/apply-trigger';
import { failQuestRowTx } from '../quests/fail-quests';
import { allObjectivesDone, completeObjective } from '../quests/progress';
import { startQuestTx } from '../quests/start-quest';
import { acceptRefusal, currentRow } from '../quests/status';
import { rewardItemView } from '../quests/views';
import { refreshDialogueFacts, type DialogueFacts } from './facts';
import { publishStatsChanged } from '../world/publish-stats-changed';

/** Objectives a trigger finished, as dialogue outcome lines. */
export function objectiveOutcomes(notices: readonly QuestUpdateMsg[]): DialogueOutcome[] {
  return notices.flatMap((n) =>
    n.objective && n.objective.progress >= n.objective.target
      ? [
          {
            kind: 'objective' as const,
            questId: n.questId,
            title: n.title,
            label: n.objective.label,
          },
        ]
      : [],
  );
}

const REWARDING = new Set<DialogueEffect['kind']>(['reputation', 'give_item', 'pay']);

/** The flag that records a node's rewarding effects were applied (once per character per node). */
export const nodeOnceFlag = (dialogueId: string, nodeId: string) => `dlg.${dialogueId}.${nodeId}`;

export interface EffectsResult {
  facts: DialogueFacts;
  outcomes: DialogueOutcome[];
  openVendor: boolean;
}

/**
 * Applies a node's effects on entry, in order, inside the caller's transaction.
 * Rewarding effects (reputation, give_item, pay) apply once per character per
 * node; the others are idempotent by nature. A refusal (not enough eddies, a full
 * bag) throws and rolls back the whole choice.
 */
export async function applyNodeEffectsTx(
  tx: Tx,
  deps: Pick<GameDeps, 'clock' | 'log'>,
  dialogue: Dialogue,
  node: DialogueNode,
  start: DialogueFacts,
): Promise<EffectsResult> {
  let facts = start;
  const characterId = facts.ctx.characterId;
  const now = facts.ctx.now;
  const outcomes: DialogueOutcome[] = [];
  let openVendor = false;
  const onceKey = nodeOnceFlag(dialogue.id, node.id);
  const rewarded = facts.ctx.flags[onceKey] !== undefined;
  const ref = `${dialogue.id}.${node.id}`;

  for (const e of node.effects) {
    if (REWARDING.has(e.kind) && rewarded) continue;
    switch (e.kind) {
      case 'set_flag': {
        if (!(await setFlagTx(tx, { characterId, key: e.key, value: e.value, at: now }))) break;
        outcomes.push({ kind: 'flag', key: e.key, value: e.value });
        const notices = await applyQuestTrigger(
          tx,
          deps,
          characterId,
          { kind: 'flag', key: e.key },
          (q, attempts) => `flag:${characterId}:${q}:${attempts}:${e.key}`,
        );
        outcomes.push(...objectiveOutcomes(notices));
        break;
      }
      case 'start_quest': {
        const quest = questById(e.questId);
        // no-op when it runs already or its prerequisites fail (the tree decides when to offer it)
        if (!quest || acceptRefusal(quest, facts.ctx) !== null) break;
        await startQuestTx(tx, facts.ctx, quest);
        outcomes.push({ kind: 'quest_started', questId: quest.id, title: quest.title });
        break;
      }
      case 'fail_quest': {
        const quest = questById(e.questId);
        const row = quest ? currentRow(quest, facts.ctx) : undefined;
        if (!quest || !row || (row.state !== 'active' && row.state !== 'ready')) break;
        if (await failQuestRowTx(tx, row, 'choice', now))
          outcomes.push({
            kind: 'quest_failed',
            questId: quest.id,
            title: quest.title,
            reason: e.reason,
          });
        break;
      }
      case 'complete_objective': {
        const quest = questById(e.questId);
        const row = quest ? currentRow(quest, facts.ctx) : undefined;
        if (!quest || row?.state !== 'active') break;
        const done = completeObjective(quest, row.progress, e.objectiveId);
        if (!done) break;
        const ready = allObjectivesDone(quest, done.progress);
        await tx.characterQuest.update({
          where: { id: row.id },
          data: { progress: done.progress, ...(ready ? { state: 'ready', readyAt: now } : {}) },
        });
        outcomes.push({
          kind: 'objective',
          questId: quest.id,
          title: quest.title,
          label: done.objective.label,
        });
        break;
      }
      case 'reputation': {
        const changes = await changeReputationTx(tx, {
          characterId,
          changes: [{ factionId: e.factionId, delta: e.delta }],
          reason: 'dialogue',
          ref,
        });
        for (const change of changes) outcomes.push({ kind: 'reputation', change });
        break;
      }
      case 'give_item': {
        await giveItem(tx, characterId, e.templateId, e.quantity, ref);
        outcomes.push({ kind: 'item', item: rewardItemView(e) });
        break;
      }
      case 'pay': {
        await pay(tx, characterId, e.eddies, ref);
        outcomes.push({ kind: 'paid', eddies: e.eddies });
        break;
      }
      case 'open_vendor':
        openVendor = true;
        break;
    }
    if (e.kind !== 'open_vendor') facts = await refreshDialogueFacts(tx, facts);
  }
  if (!rewarded && node.effects.some((e) => REWARDING.has(e.kind))) {
    await setFlagTx(tx, { characterId, key: onceKey, value: 'done', at: now });
    facts = await refreshDialogueFacts(tx, facts);
  }
  return { facts, outcomes, openVendor };
}

async function giveItem(
  tx: Tx,
  characterId: string,
  templateId: string,
  quantity: number,
  ref: string,
) {
  try {
    await placeInBag(tx, {
      characterId,
      templateId,
      quantity,
      reason: 'quest',
      fromOwner: sourceOwner('quest'),
      ref,
    });
    await publishStatsChanged(tx, characterId, 'dialogue.give_item');
  } catch (e) {
    if (isDomainError(e) && e.message === 'bag full')
      throw new DomainError(
        'INVALID_STATE',
        'bag full in dialogue',
        'Your bag is full — make room first',
      );
    throw e;
  }
}

async function pay(tx: Tx, characterId: string, eddies: number, ref: string) {
  try {
    await recordCurrency(tx, { reason: 'quest', characterId, delta: -eddies, ref });
  } catch (e) {
    if (isDomainError(e) && e.message === 'balance would go negative')
      throw new DomainError(
        'INVALID_STATE',
        'not enough eddies in dialogue',
        `You need ${eddies} €$ for that`,
      );
    throw e;
  }
}
