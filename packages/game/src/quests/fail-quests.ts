import { QUESTS, questById, type QuestUpdateMsg } from '@necp/shared';
import type { Clock } from '../core/clock';
import type { Tx } from '../core/deps';
import type { NpcKilledPayload } from '../outbox/events';
import { lockForQuestUpdate } from './lock-for-update';
import { failedNotice, type CharacterNotice } from './notices';
import type { QuestRow } from './quest-rows';
import { currentRow } from './status';

/** Why a quest failed (CharacterQuest.failReason). */
export type QuestFailReason = 'timer' | 'reset' | 'npc_killed' | 'choice';

/** Fails an active/ready row (conditional, so a row that moved on meanwhile stays as it is). */
export async function failQuestRowTx(
  tx: Tx,
  row: Pick<QuestRow, 'id'>,
  reason: QuestFailReason,
  at: Date,
): Promise<boolean> {
  const r = await tx.characterQuest.updateMany({
    where: { id: row.id, state: { in: ['active', 'ready'] } },
    data: { state: 'failed', failReason: reason, failedAt: at },
  });
  return r.count === 1;
}

/**
 * Fails the character's current runs of `questIds` that are active or ready,
 * locking the character and its quest rows first. Returns the notices, lazily
 * detected failures included.
 */
export async function failQuestsTx(
  tx: Tx,
  deps: { clock: Clock },
  characterId: string,
  questIds: readonly string[],
  reason: QuestFailReason,
): Promise<QuestUpdateMsg[]> {
  const locked = await lockForQuestUpdate(tx, deps, characterId);
  if (!locked) return [];
  const { ctx, notices } = locked;
  for (const id of questIds) {
    const quest = questById(id);
    const row = quest ? currentRow(quest, ctx) : undefined;
    if (!quest || !row || (row.state !== 'active' && row.state !== 'ready')) continue;
    if (await failQuestRowTx(tx, row, reason, ctx.now)) notices.push(failedNotice(quest, reason));
  }
  return notices;
}

/** Quests that fail when an NPC of `templateId` dies, by who killed it. */
function questsFailedByKill(templateId: string, by: 'self' | 'anyone'): string[] {
  return QUESTS.filter((q) =>
    q.failure?.npcKilled.some((k) => k.by === by && k.npcTemplateIds.includes(templateId)),
  ).map((q) => q.id);
}

/**
 * Who an NPC's death fails quests for: with `npcKilled` by 'self', each credited
 * killer; with 'anyone', every character running such a quest. Character id →
 * quest ids. Reads only: the caller locks the characters (all of the event's, in
 * id order) before failQuestsOnKillTx.
 */
export async function killFailureTargets(
  tx: Tx,
  payload: Pick<NpcKilledPayload, 'npcTemplateId' | 'killers'>,
): Promise<Map<string, string[]>> {
  const self = questsFailedByKill(payload.npcTemplateId, 'self');
  const anyone = questsFailedByKill(payload.npcTemplateId, 'anyone');
  const targets = new Map<string, string[]>();
  if (self.length > 0) for (const k of payload.killers) targets.set(k.characterId, [...self]);
  if (anyone.length > 0) {
    const running = await tx.characterQuest.findMany({
      where: { questId: { in: anyone }, state: { in: ['active', 'ready'] } },
      select: { characterId: true },
      distinct: ['characterId'],
    });
    for (const r of running)
      targets.set(r.characterId, [...(targets.get(r.characterId) ?? []), ...anyone]);
  }
  return targets;
}

/** Fails the quests of killFailureTargets, character by character in id order. */
export async function failQuestsOnKillTx(
  tx: Tx,
  deps: { clock: Clock },
  targets: ReadonlyMap<string, readonly string[]>,
): Promise<CharacterNotice[]> {
  const out: CharacterNotice[] = [];
  for (const characterId of [...targets.keys()].sort()) {
    const msgs = await failQuestsTx(
      tx,
      deps,
      characterId,
      targets.get(characterId) ?? [],
      'npc_killed',
    );
    for (const msg of msgs) out.push({ characterId, msg });
  }
  return out;
}
