/**
 * Why a ledger row was written (design doc "items and growth"). Sources create
 * items/eddies, sinks destroy them, the rest move them between owners or stacks.
 */
export const LEDGER_REASONS = [
  'loot',
  'quest',
  'vendor',
  'repair',
  'trade',
  'mail',
  'admin',
  'pickup',
  'drop',
  'move',
  'equip',
  'split',
  'merge',
  'destroy',
  'despawn',
  'respec',
  'purge',
  /** class starter kit given at character creation */
  'starter',
  /** a consumable or quest item used up (item:use) */
  'use',
  /** the daily login reward */
  'login',
  /** founding a guild (a sink) */
  'guild_fee',
  /** eddies between a character and its guild's bank (deposit, withdrawal) */
  'guild_bank',
  /** a player mail's postage (a sink); items and eddies going into or out of a mail are `mail` */
  'postage',
  /** cash on delivery paid by a mail's recipient to its sender */
  'cod',
  /** a season's rewards by final rank (a source; delivered by system mail, docs/seasons.md) */
  'season',
  /** into and out of an auction listing (docs/economy.md): the item, the deposit, bids, refunds, the settlement's mails */
  'auction',
  /** a listing's deposit kept by the house on expiry or cancel (a sink) */
  'auction_deposit',
  /** the house's cut of a sale (a sink) */
  'auction_cut',
  /**
   * a seasonal sealed lot (docs/economy.md): the house's item made when the lot is put up
   * (source, ref = the lot), the winner's price (sink) and a lot nobody won (item sink)
   */
  'auction_lot',
  /**
   * crafting (docs/economy.md "Crafting"): a craft's consumed inputs (sink `craft`) and its
   * output (source `craft`, ref = the craft's id: the item's provenance)
   */
  'craft',
  /** salvage: the item broken up (sink `salvage`) and its materials (source `salvage`, ref = the salvage's id) */
  'salvage',
  /**
   * the commodity market (docs/economy.md): goods and eddies into, between and out of
   * orders (placement, fills, collect, cancel); ref = the order, or the fill's journal line
   */
  'market',
  /** an order's listing fee (a sink, never refunded) */
  'market_fee',
  /** the sales tax on a fill, paid by the seller (a sink) */
  'market_tax',
  /**
   * player contracts (docs/economy.md "Contracts"): the reward, the collateral and the
   * items into and out of a contract's escrow; ref = the contract
   */
  'contract',
  /** a contract's posting fee (a sink, never refunded) */
  'contract_fee',
  /** the arbitration fee the losing side of a dispute pays (a sink) */
  'contract_arbitration',
] as const;
export type LedgerReason = (typeof LEDGER_REASONS)[number];
