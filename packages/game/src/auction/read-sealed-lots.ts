import {
  SealedLotsInputSchema,
  type SealedLotPhase,
  type SealedLotView,
  type SealedLotsInput,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { currentSeason } from '../seasons/current-season';
import { isLot } from './sealed-lot-rows';
import { AuctionListingRowSchema, type AuctionListingRow } from '../core/locked-rows';

/** a cap on what one season's list reads (it offers SEALED_LOTS_PER_SEASON) */
const SHOWN = 24;

function phaseOf(l: AuctionListingRow & { opensAt: Date }, now: Date): SealedLotPhase {
  if (l.state !== 'sealed') return 'closed';
  if (now < l.opensAt) return 'upcoming';
  return now < l.endsAt ? 'open' : 'closing';
}

/** A lot as one viewer sees it: never another bidder's max. */
export function lotView(
  l: AuctionListingRow,
  v: { myMax: number; winner: string | null; now: Date; viewerId?: string },
): SealedLotView {
  if (!isLot(l)) throw new Error(`listing ${l.id} is not a sealed lot`);
  const closed = l.state !== 'sealed';
  return {
    id: l.id,
    season: l.season,
    templateId: l.templateId,
    name: l.name,
    rarity: l.rarity,
    level: l.level,
    quantity: l.quantity,
    reserve: l.startBid,
    opensAt: l.opensAt.getTime(),
    closesAt: l.endsAt.getTime(),
    phase: phaseOf(l, v.now),
    bidders: l.bids,
    myMax: v.myMax,
    winner: closed ? v.winner : null,
    price: closed && l.state === 'sold' ? l.bid : null,
    won: closed && l.state === 'sold' && v.viewerId !== undefined && l.bidderId === v.viewerId,
  };
}

/**
 * A season's sealed lots (the current season's unless `season` names another: its
 * results) as a character sees them in the Exchange, each with the character's own max.
 */
export async function sealedLots(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: SealedLotsInput,
): Promise<SealedLotView[]> {
  const { characterId, season } = parseInput(SealedLotsInputSchema, input);
  const now = deps.clock.now();
  const rows = await deps.db.auctionListing.findMany({
    where: { season: season ?? (await currentSeason(deps.db)).key },
    orderBy: { lotSlot: 'asc' },
    take: SHOWN,
    include: { bidder: { select: { name: true } } },
  });
  const mine = await deps.db.auctionBid.groupBy({
    by: ['listingId'],
    where: { bidderId: characterId, listingId: { in: rows.map((r) => r.id) } },
    _max: { amount: true },
  });
  const maxOf = new Map(mine.map((m) => [m.listingId, m._max.amount ?? 0]));
  return rows.map((r) =>
    lotView(AuctionListingRowSchema.parse(r), {
      myMax: maxOf.get(r.id) ?? 0,
      winner: r.bidder?.name ?? null,
      now,
      viewerId: characterId,
    }),
  );
}
