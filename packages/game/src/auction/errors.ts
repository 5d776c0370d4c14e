import { AUCTION_LISTINGS_MAX } from '@necp/shared';
import { DomainError } from '../core/errors';

export const listingNotFound = () =>
  new DomainError('NOT_FOUND', 'listing not found', 'That listing is gone.');
export const auctionOver = () =>
  new DomainError('INVALID_STATE', 'listing is not live', 'That auction is over.');
export const notAtAuctionTerminal = () =>
  new DomainError(
    'FORBIDDEN',
    'not within range of an auction terminal',
    'You need to be at an auction terminal',
  );
export const tooManyListings = () =>
  new DomainError(
    'INVALID_STATE',
    'listing cap reached',
    `You have ${AUCTION_LISTINGS_MAX} auctions running: wait for one to end.`,
  );
export const notListable = (why: string) => new DomainError('INVALID_STATE', why, why);
export const ownListing = () =>
  new DomainError('FORBIDDEN', 'bid on own listing', 'You cannot bid on your own auction.');
export const alreadyLeading = () =>
  new DomainError('INVALID_STATE', 'already the high bidder', 'You already hold the high bid.');
export const bidTooLow = (min: number) =>
  new DomainError('CONFLICT', `bid below ${min}`, `The least bid now is ${min} eddies.`);
export const noBuyout = () =>
  new DomainError('INVALID_STATE', 'no buyout', 'That auction has no buyout price.');
export const notYourListing = () =>
  new DomainError('FORBIDDEN', 'not the seller', 'Only the seller can cancel an auction.');
export const hasBids = () =>
  new DomainError(
    'INVALID_STATE',
    'listing has a bid',
    'Someone has bid on it: an auction with a bid cannot be cancelled.',
  );
export const listingBusy = () =>
  new DomainError('CONFLICT', 'listing kept changing', 'That auction is busy: try again.');
