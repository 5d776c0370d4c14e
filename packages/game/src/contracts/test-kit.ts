/**
 * Test-only helpers of the contract tests (not exported from the package): posters and
 * takers with eddies, a post with defaults, an event (a kill) delivered to the contracts'
 * subscriber, a moderator account.
 */
import type { Db } from '@necp/db';
import type { ContractPostInput, Push } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { inTransaction } from '../core/transaction';
import { trader } from '../auction/test-kit';
import type { Player } from '../inventory/test-helpers';
import type { OutboxEvent } from '../outbox/events';
import { contractOutboxSubscriber } from './contract-progress';
import { postContract } from './post-contract';

export { auctionDeps as contractDeps, eddiesOf } from '../auction/test-kit';

let keys = 0;
export const postKey = () => `post-${process.pid}-${++keys}`;

/** A character with `eddies`. */
export const party = (db: Db, eddies: number): Promise<Player> => trader(db, eddies);

type Terms = Omit<ContractPostInput, 'characterId' | 'idempotencyKey'> & {
  idempotencyKey?: string;
};
export const post = (deps: Pick<GameDeps, 'db' | 'clock'>, p: Player, t: Terms) =>
  postContract(deps, { idempotencyKey: postKey(), ...t, characterId: p.characterId });

/** An event delivered to the contracts' subscriber as the drain would: the pushes it made. */
export async function toContractsSubscriber(
  db: Db,
  event: OutboxEvent<'npc.killed' | 'craft.finished'>,
): Promise<Push[]> {
  const pushes: Push[] = [];
  await inTransaction(db, (tx) =>
    contractOutboxSubscriber().handle(tx, event, {
      afterCommit: () => undefined,
      push: (...p) => pushes.push(...p),
    }),
  );
  return pushes;
}

let kills = 0;
/** An NPC kill credited to `killers`, delivered to the contracts' subscriber: its pushes. */
export function killFor(
  db: Db,
  at: Date,
  npcTemplateId: string,
  killers: readonly Player[],
): Promise<Push[]> {
  return toContractsSubscriber(db, {
    id: BigInt(++kills),
    type: 'npc.killed',
    key: `npc.killed:test-${process.pid}-${kills}`,
    createdAt: at,
    payload: {
      zoneId: 'watson',
      npcTemplateId,
      npcName: npcTemplateId,
      level: 1,
      rank: 'normal',
      x: 0,
      y: 0,
      killers: killers.map((k) => ({ characterId: k.characterId, damage: 10, xp: 5 })),
      lootOwnerId: killers[0]?.characterId ?? null,
    },
  });
}

/** Makes a player's account a moderator. */
export const makeModerator = (db: Db, p: Player) =>
  db.user.update({ where: { id: p.userId }, data: { role: 'MODERATOR' } });

/** The contract mails a character got: subject and the attached items' templates. */
export async function contractMail(db: Db, p: Player) {
  const mails = await db.mail.findMany({
    where: { toId: p.characterId, fromName: 'Contract board' },
    include: { attachments: { include: { item: true } } },
    orderBy: [{ sentAt: 'asc' }, { subject: 'asc' }],
  });
  return mails.map((m) => ({
    subject: m.subject,
    items: m.attachments.map((a) => [a.item.templateId, a.item.quantity] as const),
  }));
}
