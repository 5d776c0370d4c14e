import { emitTo, toCharacters } from '@necp/shared';
import type { Clock } from '../core/clock';
import { lockCharacters } from '../core/lock-order';
import type { Tx } from '../core/deps';
import type { Log } from '../core/log';
import type { OutboxEvent } from '../outbox/events';
import type { OutboxSubscriber } from '../outbox/subscribers';
import { applyQuestTrigger } from './apply-trigger';
import { failQuestsOnKillTx, killFailureTargets } from './fail-quests';
import type { CharacterNotice } from './notices';
import type { QuestTrigger } from './progress';

export interface QuestSubscriberOptions {
  clock: Clock;
  log: Log;
}

const QUEST_EVENT_TYPES = [
  'npc.killed',
  'item.picked_up',
  'area.entered',
  'item.used',
  'quest.action',
] as const;
type QuestEventType = (typeof QUEST_EVENT_TYPES)[number];

/** The one character and trigger of a pickup, an area entered, an item used or an action. */
function triggerOf(event: OutboxEvent<Exclude<QuestEventType, 'npc.killed'>>): {
  characterId: string;
  trigger: QuestTrigger;
} {
  switch (event.type) {
    case 'item.picked_up': {
      const p = event.payload;
      return {
        characterId: p.characterId,
        trigger: { kind: 'pickup', templateId: p.templateId, quantity: p.quantity },
      };
    }
    case 'area.entered': {
      const p = event.payload;
      return {
        characterId: p.characterId,
        trigger: { kind: 'reach', zoneId: p.zoneId, areaId: p.areaId },
      };
    }
    case 'item.used': {
      const p = event.payload;
      return {
        characterId: p.characterId,
        trigger: { kind: 'use', templateId: p.templateId, zoneId: p.zoneId, x: p.x, y: p.y },
      };
    }
    case 'quest.action': {
      const p = event.payload;
      return { characterId: p.characterId, trigger: { kind: 'action', action: p.action } };
    }
  }
}

async function handleEvent(
  tx: Tx,
  deps: { clock: Clock },
  event: OutboxEvent<QuestEventType>,
): Promise<CharacterNotice[]> {
  const out: CharacterNotice[] = [];
  const apply = async (characterId: string, trigger: QuestTrigger) => {
    for (const msg of await applyQuestTrigger(tx, deps, characterId, trigger, event.key))
      out.push({ characterId, msg });
  };
  if (event.type === 'npc.killed') {
    const p = event.payload;
    const failures = await killFailureTargets(tx, p);
    const killers = [...new Set(p.killers.map((k) => k.characterId))].sort();
    // the lock order (core/lock-order.ts): every character of the event, in id order, first
    await lockCharacters(tx, [...failures.keys(), ...killers]);
    // failure first: a quest that fails on this kill must not count it
    out.push(...(await failQuestsOnKillTx(tx, deps, failures)));
    for (const id of killers) await apply(id, { kind: 'kill', npcTemplateId: p.npcTemplateId });
  } else {
    const { characterId, trigger } = triggerOf(event);
    await apply(characterId, trigger);
  }
  return out;
}

/**
 * Outbox subscriber `quests`: kills, pickups, areas reached, items used and actions advance
 * objectives (once per event key per character, see applyQuestTrigger); kills also
 * fail quests with `npcKilled`. After commit, each change is pushed to its player.
 */
export function questOutboxSubscriber(
  opts: QuestSubscriberOptions,
): OutboxSubscriber<QuestEventType> {
  return {
    name: 'quests',
    types: QUEST_EVENT_TYPES,
    async handle(tx, event, ctx) {
      const notices = await handleEvent(tx, { clock: opts.clock }, event);
      ctx.push(...notices.map((n) => emitTo(toCharacters(n.characterId), 'quest:update', n.msg)));
    },
  };
}
