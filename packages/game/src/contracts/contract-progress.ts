import { emitTo, recipeById, toCharacters, type ContractProgressMsg } from '@necp/shared';
import type { Tx } from '../core/deps';
import { lockCharacters } from '../core/lock-order';
import type { DeliveryContext, OutboxSubscriber } from '../outbox/subscribers';
import { craftedSince } from './crafted-since';

interface Counted {
  id: string;
  posterId: string | null;
  takerId: string | null;
  progress: number;
  quantity: number;
}

/** Both sides of each contract hear its new count (contract:progress). */
function tell(ctx: DeliveryContext, rows: readonly Counted[]) {
  for (const r of rows) {
    const msg: ContractProgressMsg = {
      contractId: r.id,
      progress: Math.min(r.progress, r.quantity),
      quantity: r.quantity,
    };
    const sides = [r.takerId, r.posterId].filter((x): x is string => x !== null);
    ctx.push(emitTo(toCharacters(...sides), 'contract:progress', msg));
  }
}

/**
 * An NPC kill counts toward every kill contract its credited killers have taken for that
 * kind of enemy — kills after the acceptance, up to the number asked, before the deadline.
 */
async function countKill(tx: Tx, killers: readonly string[], npcTemplateId: string, at: Date) {
  const taken = await tx.contract.findMany({
    where: {
      takerId: { in: [...killers] },
      kind: 'kill',
      targetId: npcTemplateId,
      state: 'accepted',
    },
    select: { id: true },
  });
  if (taken.length === 0) return [];
  // the lock order (core/lock-order.ts): the characters first, then the contracts
  await lockCharacters(tx, killers);
  return tx.$queryRaw<Counted[]>`
    UPDATE "Contract" SET "progress" = "progress" + 1
    WHERE "id" = ANY(${taken.map((t) => t.id)}::text[]) AND "state" = 'accepted'
      AND "progress" < "quantity" AND "acceptedAt" <= ${at} AND "deadline" > ${at}
    RETURNING "id", "posterId", "takerId", "progress", "quantity"`;
}

/**
 * A finished craft: the crafter's craft contracts for what it made are counted again
 * from the crafts themselves (crafted-since.ts, as delivery counts them) — read only.
 */
async function countCraft(tx: Tx, characterId: string, recipeId: string) {
  const made = recipeById(recipeId)?.output.templateId;
  if (!made) return [];
  const taken = await tx.contract.findMany({
    where: { takerId: characterId, kind: 'craft', targetId: made, state: 'accepted' },
    select: { id: true, posterId: true, takerId: true, quantity: true, acceptedAt: true },
  });
  const out: Counted[] = [];
  for (const c of taken) {
    if (!c.acceptedAt) continue;
    const { units } = await craftedSince(tx, characterId, made, c.acceptedAt);
    out.push({ ...c, progress: units });
  }
  return out;
}

/**
 * Outbox subscriber `contracts`: kills count toward kill contracts (once per event: the
 * drain delivers each event once per subscriber), and both sides of a kill or craft
 * contract are told its new count at once.
 */
export function contractOutboxSubscriber(): OutboxSubscriber<'npc.killed' | 'craft.finished'> {
  return {
    name: 'contracts',
    types: ['npc.killed', 'craft.finished'],
    async handle(tx, event, ctx) {
      if (event.type === 'craft.finished') {
        const { characterId, recipeId } = event.payload;
        tell(ctx, await countCraft(tx, characterId, recipeId));
        return;
      }
      const killers = [...new Set(event.payload.killers.map((k) => k.characterId))];
      if (killers.length === 0) return;
      tell(ctx, await countKill(tx, killers, event.payload.npcTemplateId, event.createdAt));
    },
  };
}
