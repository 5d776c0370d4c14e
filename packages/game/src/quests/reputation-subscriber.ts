import {
  emitTo,
  toCharacters,
  factionById,
  npcTemplateById,
  type NpcRank,
  type ReputationChangedMsg,
  type ReputationDelta,
} from '@necp/shared';
import { lockCharacters } from '../core/lock-order';
import type { Log } from '../core/log';
import type { OutboxSubscriber } from '../outbox/subscribers';
import { changeReputationTx } from '../reputation/change-reputation';
import { markApplied } from './apply-trigger';

export interface ReputationSubscriberOptions {
  log: Log;
}

/** Standing a credited killer loses with the NPC's faction, by rank. */
export const KILL_STANDING_LOSS: Readonly<Record<NpcRank, number>> = {
  normal: 10,
  elite: 25,
  boss: 75,
};

/**
 * The deltas one kill of a faction's NPC causes: the faction loses the rank's loss,
 * each rival gains round(loss × factor). (changeReputationTx then applies its
 * usual rules: factions players cannot improve ignore gains, gains spill over to
 * the gaining faction's own rivals.)
 */
export function killReputationDeltas(factionId: string, rank: NpcRank): ReputationDelta[] {
  const faction = factionById(factionId);
  if (!faction) return [];
  const loss = KILL_STANDING_LOSS[rank];
  return [
    { factionId, delta: -loss },
    ...faction.rivals
      .map((r) => ({ factionId: r.factionId, delta: Math.round(loss * r.factor) }))
      .filter((d) => d.delta !== 0 && factionById(d.factionId)),
  ];
}

/**
 * Outbox subscriber `reputation`: every credited killer of an NPC loses standing
 * with its faction and gains with the faction's rivals (reason 'kill', ref = the
 * NPC template). Applied once per event and character (QuestEventApplied key
 * `reputation:<event key>`), so even a repeated handling changes nothing twice.
 */
export function reputationOutboxSubscriber(
  opts: ReputationSubscriberOptions,
): OutboxSubscriber<'npc.killed'> {
  return {
    name: 'reputation',
    types: ['npc.killed'],
    async handle(tx, event, ctx) {
      const p = event.payload;
      const template = npcTemplateById(p.npcTemplateId);
      if (!template) {
        opts.log.warn({ npcTemplateId: p.npcTemplateId }, 'npc.killed for an unknown template');
        return;
      }
      const changes = killReputationDeltas(template.faction, p.rank);
      if (changes.length === 0) return;
      const notices: { characterId: string; msg: ReputationChangedMsg }[] = [];
      // the lock order (core/lock-order.ts): every killer, in id order, before any standing
      const live = await lockCharacters(
        tx,
        p.killers.map((k) => k.characterId),
      );
      for (const { id: characterId } of live) {
        if (!(await markApplied(tx, characterId, `reputation:${event.key}`, event.createdAt)))
          continue;
        const moved = await changeReputationTx(tx, {
          characterId,
          changes,
          reason: 'kill',
          ref: p.npcTemplateId,
        });
        if (moved.length > 0)
          notices.push({ characterId, msg: { changes: moved, source: `${p.npcName} killed` } });
      }
      ctx.push(
        ...notices.map((n) => emitTo(toCharacters(n.characterId), 'reputation:changed', n.msg)),
      );
    },
  };
}
