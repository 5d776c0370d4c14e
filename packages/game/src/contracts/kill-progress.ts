import { lockLiveCharacters } from '../core/lock-order';
import type { OutboxSubscriber } from '../outbox/subscribers';

/**
 * Outbox subscriber `contracts`: an NPC kill counts toward every kill contract its
 * credited killers have taken for that kind of enemy — kills after the acceptance, up
 * to the number asked, before the deadline. The drain delivers each event once per
 * subscriber, so a kill never counts twice.
 */
export function contractOutboxSubscriber(): OutboxSubscriber<'npc.killed'> {
  return {
    name: 'contracts',
    types: ['npc.killed'],
    async handle(tx, event) {
      const killers = [...new Set(event.payload.killers.map((k) => k.characterId))];
      if (killers.length === 0) return;
      const taken = await tx.contract.findMany({
        where: {
          takerId: { in: killers },
          kind: 'kill',
          targetId: event.payload.npcTemplateId,
          state: 'accepted',
        },
        select: { id: true },
      });
      if (taken.length === 0) return;
      // the lock order (core/lock-order.ts): the characters first, then the contracts
      await lockLiveCharacters(tx, killers);
      const at = event.createdAt;
      await tx.$executeRaw`
        UPDATE "Contract" SET "progress" = "progress" + 1
        WHERE "id" = ANY(${taken.map((t) => t.id)}::text[]) AND "state" = 'accepted'
          AND "progress" < "quantity" AND "acceptedAt" <= ${at} AND "deadline" > ${at}`;
    },
  };
}
