/**
 * What holds eddies besides characters: a guild's bank, a mail, an auction listing, a
 * market order (its escrow and, apart, what waits to be collected).
 * Each is a table with an eddies column and an owner string in the ledger; one writer
 * (record-held-currency.ts) and one check (check-held-eddies.ts) serve them all.
 */
import {
  auctionOwner,
  contractOwner,
  guildOwner,
  mailOwner,
  marketOwner,
  marketPayoutOwner,
} from './owners';

export interface Holder {
  /** the table and its column of held eddies (fixed names: safe to splice into SQL) */
  table: string;
  column: string;
  /** the ledger owner prefix, `guild:` … */
  prefix: string;
  owner: (id: string) => string;
  /** what a player reads when the row is gone, short of eddies, or full */
  gone: string;
  short: string;
  full: string;
}

export const HOLDERS = {
  guild: {
    table: 'Guild',
    column: 'bankEddies',
    prefix: 'guild:',
    owner: guildOwner,
    gone: 'Guild not found',
    short: 'The guild bank does not hold that much.',
    full: 'The guild bank cannot hold that much.',
  },
  mail: {
    table: 'Mail',
    column: 'eddies',
    prefix: 'mail:',
    owner: mailOwner,
    gone: 'That is gone.',
    short: 'That is gone.',
    full: 'That mail cannot hold that much.',
  },
  auction: {
    table: 'AuctionListing',
    column: 'eddies',
    prefix: 'auction:',
    owner: auctionOwner,
    gone: 'That listing is gone.',
    short: 'That listing does not hold that much.',
    full: 'That listing cannot hold that much.',
  },
  market: {
    table: 'MarketOrder',
    column: 'escrow',
    prefix: 'market:',
    owner: marketOwner,
    gone: 'That order is gone.',
    short: 'That order does not hold that much.',
    full: 'That order cannot hold that much.',
  },
  market_payout: {
    table: 'MarketOrder',
    column: 'payout',
    prefix: 'market-payout:',
    owner: marketPayoutOwner,
    gone: 'That order is gone.',
    short: 'That order does not hold that much.',
    full: 'That order cannot hold that much.',
  },
  contract: {
    table: 'Contract',
    column: 'escrow',
    prefix: 'contract:',
    owner: contractOwner,
    gone: 'That contract is gone.',
    short: 'That contract does not hold that much.',
    full: 'That contract cannot hold that much.',
  },
} as const satisfies Record<string, Holder>;
export type HolderKind = keyof typeof HOLDERS;
