/** The auction house, "Reef Exchange" (issue 28; docs/economy.md). */
export { listItem, quoteListing } from './list-item';
export { placeBid, buyoutListing } from './place-bid';
export { cancelListing } from './cancel-listing';
export {
  AUCTION_SETTLE_CRONTAB,
  AUCTION_SETTLE_TASK,
  settleDueAuctions,
  settleListing,
  type AuctionOutcome,
} from './settle-listing';
export { myAuctions, searchListings } from './search-listings';
export { placeSealedBid } from './sealed-bid';
export { sealedLots } from './read-sealed-lots';
export { scheduleSealedLots, SEALED_LOT_SELLER, type SeasonForLots } from './schedule-sealed-lots';
