/**
 * When and what the seasonal sealed lots are (docs/economy.md "Seasonal sealed lots"):
 * the season's opening week. A season's lots take bids from the season's start for
 * SEALED_LOT_WINDOW_DAYS (never past the season's end); the settlement sweep closes
 * them after that. Which offers: SEALED_LOTS_PER_SEASON of SEALED_LOT_OFFERS, rotating
 * by the season's number. Pure: every process computes the same schedule.
 */
import { SEALED_LOT_OFFERS, type SealedLotOffer } from '../content/sealed-lots';

export const SEALED_LOTS_PER_SEASON = 4;
export const SEALED_LOT_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

/** The bidding window of a season's lots, [opensAt, closesAt) in ms. */
export function sealedLotWindow(season: { startsAt: number; endsAt: number }): {
  opensAt: number;
  closesAt: number;
} {
  const closesAt = Math.min(season.endsAt, season.startsAt + SEALED_LOT_WINDOW_DAYS * DAY_MS);
  return { opensAt: season.startsAt, closesAt };
}

/** Season `number`'s offers, each with its slot (0…) — the lot's stable key in the season. */
export function sealedLotOffers(seasonNumber: number): (SealedLotOffer & { slot: number })[] {
  const n = SEALED_LOT_OFFERS.length;
  const first = ((((seasonNumber - 1) * SEALED_LOTS_PER_SEASON) % n) + n) % n;
  return Array.from({ length: Math.min(SEALED_LOTS_PER_SEASON, n) }, (_, slot) => ({
    ...SEALED_LOT_OFFERS[(first + slot) % n]!,
    slot,
  }));
}
