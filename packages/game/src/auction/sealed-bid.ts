import {
  SealedBidInputSchema,
  validateSealedBid,
  type SealedBidInput,
  type SealedBidRefusal,
  type SealedLotView,
} from '@necp/shared';
import { Prisma } from '@necp/db';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { lockCharacter } from '../core/row-locks';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { auctionOwner, charOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { recordHeldCurrency } from '../ledger/record-held-currency';
import { auctionOver } from './errors';
import { assertAtAuctionTerminal } from './list-item';
import { lotView } from './read-sealed-lots';
import { readListings } from './listing-rows';
import { lockLot, sealedLog, sealedLotOf } from './sealed-lot-rows';

const refused = (
  reason: SealedBidRefusal,
  lot: { reserve: number; opensAt: number },
  mine: number,
) => {
  switch (reason) {
    case 'closed':
      return auctionOver();
    case 'not_open':
      return new DomainError(
        'INVALID_STATE',
        'lot not open yet',
        `That lot takes bids from ${new Date(lot.opensAt).toUTCString()}.`,
      );
    case 'below_reserve':
      return new DomainError(
        'VALIDATION',
        'below reserve',
        `The reserve is ${lot.reserve} eddies.`,
      );
    case 'not_higher':
      return new DomainError(
        'CONFLICT',
        'max not higher',
        `Your sealed max is ${mine} eddies: a new one must be higher.`,
      );
    case 'bad_amount':
      return new DomainError('VALIDATION', 'bad amount', 'A bid is a whole number of eddies.');
  }
};

/**
 * A sealed maximum on a seasonal lot, at an auction terminal, while the lot is open:
 * the escrow takes the difference to the bidder's max before (all of it on a first
 * bid) in this one transaction with its ledger rows, and the bid joins the log. Nobody
 * sees another's max; the lot's close decides (settle-sealed-lot.ts). Refused: not at
 * a terminal, a lot not open or closed, below the reserve, not above your own max,
 * more than you have.
 */
export async function placeSealedBid(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: SealedBidInput,
): Promise<SealedLotView> {
  const b = parseInput(SealedBidInputSchema, input);
  const now = deps.clock.now();
  return inTransaction(
    deps.db,
    async (tx) => {
      const l = await lockLot(tx, b.lotId, [b.characterId]);
      const bidder = await lockCharacter(tx, b.characterId);
      assertAtAuctionTerminal(bidder);
      if (l.state !== 'sealed') throw auctionOver();
      const lot = sealedLotOf(l);
      const mine = await sealedLog(tx, l.id, bidder.id);
      const before = mine.reduce((m, x) => Math.max(m, x.max), 0);
      const check = validateSealedBid(lot, mine, {
        seq: Number.MAX_SAFE_INTEGER,
        bidderId: bidder.id,
        max: b.max,
        at: now.getTime(),
      });
      if (!check.ok) throw refused(check.reason, lot, before);
      const delta = b.max - before;
      await recordCurrency(tx, {
        reason: 'auction',
        characterId: bidder.id,
        delta: -delta,
        fromOwner: charOwner(bidder.id),
        toOwner: auctionOwner(l.id),
        ref: l.id,
      });
      await recordHeldCurrency(tx, {
        holder: 'auction',
        id: l.id,
        reason: 'auction',
        delta,
        counterparty: charOwner(bidder.id),
        ref: l.id,
      });
      await tx.$executeRaw`INSERT INTO "AuctionBid" ("listingId", "bidderId", "amount", "at")
      VALUES (${l.id}, ${bidder.id}, ${b.max}::int, ${now}::timestamp)`;
      // `bids` counts bidders (what everyone may see), not maxima
      const row =
        before === 0
          ? (
              await readListings(
                tx,
                Prisma.sql`UPDATE "AuctionListing" SET "bids" = "bids" + 1 WHERE "id" = ${l.id}
                RETURNING *`,
              )
            )[0]!
          : l;
      return lotView(row, { myMax: b.max, winner: null, now });
    },
    DIRECT,
  );
}
