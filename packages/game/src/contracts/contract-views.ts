import type { ContractPartyView, ContractView } from '@necp/shared';
import type { Db, Tx } from '../core/deps';
import { actorOf } from './contract-rows';
import { craftedSince } from './crafted-since';
import { ratingsOf, type Rating } from './ratings';
import type { ContractRow } from '../core/locked-rows';

const RATEABLE = new Set(['confirmed', 'arbitrated']);

/** Contracts as `viewerId` sees them: both sides' public ratings, the reward stack, progress. */
export async function contractViews(
  tx: Db | Tx,
  rows: readonly ContractRow[],
  viewerId: string,
): Promise<ContractView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((c) => c.id);
  const ratings = await ratingsOf(
    tx,
    rows.flatMap((c) => [c.posterId, c.takerId]).filter((x): x is string => !!x),
  );
  const rewards = await tx.$queryRaw<
    { contractId: string; templateId: string; quantity: number; name: string }[]
  >`SELECT ci."contractId", i."templateId", i."quantity", t."name"
    FROM "ContractItem" ci JOIN "Item" i ON i."id" = ci."itemId"
    JOIN "ItemTemplate" t ON t."id" = i."templateId"
    WHERE ci."contractId" = ANY(${ids}::text[]) AND ci."role" = 'reward'`;
  const rated = await tx.$queryRaw<{ contractId: string; side: string }[]>`
    SELECT "contractId", "side" FROM "ContractRating" WHERE "contractId" = ANY(${ids}::text[])`;
  const none: Rating = { score: null, count: 0 };
  const party = (id: string | null, name: string): ContractPartyView => ({
    id,
    name,
    rating: (id && ratings.get(id)) || none,
  });
  const out: ContractView[] = [];
  for (const c of rows) {
    const you = actorOf(c, viewerId);
    const side = you === 'poster' || you === 'taker' ? you : null;
    const reward = rewards.find((r) => r.contractId === c.id);
    let progress = c.progress;
    if (c.kind === 'craft' && c.state === 'accepted' && c.takerId && c.acceptedAt)
      progress = Math.min(
        c.quantity,
        (await craftedSince(tx, c.takerId, c.targetId, c.acceptedAt)).units,
      );
    out.push({
      id: c.id,
      kind: c.kind,
      targetId: c.targetId,
      targetName: c.targetName,
      quantity: c.quantity,
      progress,
      reward: c.reward,
      collateral: c.collateral,
      fee: c.fee,
      rewardItem: reward
        ? { templateId: reward.templateId, name: reward.name, quantity: reward.quantity }
        : null,
      note: c.note,
      state: c.state,
      poster: party(c.posterId, c.posterName),
      taker: c.takerName ? party(c.takerId, c.takerName) : null,
      postedAt: c.postedAt.toISOString(),
      acceptBy: c.acceptBy.toISOString(),
      deliverH: c.deliverH,
      deadline: c.deadline?.toISOString() ?? null,
      releaseAt: c.releaseAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      you,
      canRate:
        side !== null &&
        RATEABLE.has(c.state) &&
        !rated.some((r) => r.contractId === c.id && r.side === side),
    });
  }
  return out;
}
