/**
 * Owner strings written into LedgerEntry.fromOwner/toOwner. A character's bag and
 * equipment are one owner; the bank belongs to the account.
 */
import type { LedgerReason } from './reasons';

export const charOwner = (characterId: string) => `char:${characterId}`;
export const bankOwner = (userId: string) => `bank:${userId}`;
export const groundOwner = (zoneId: string) => `ground:${zoneId}`;
/** sold to a vendor, kept for the seller's buy-back */
export const buybackOwner = (characterId: string) => `buyback:${characterId}`;
/**
 * A guild's bank. Its eddies are in the ledger as rows with no characterId that name
 * the guild on the side the eddies went (deposit: toOwner, withdrawal: fromOwner).
 */
export const guildOwner = (guildId: string) => `guild:${guildId}`;
/**
 * A mail (mail/): the items attached to it and the eddies it carries until taken.
 * Its eddies are rows with no characterId naming the mail on the side they went.
 */
export const mailOwner = (mailId: string) => `mail:${mailId}`;
/**
 * An auction listing (auction/): the listed item and the eddies it holds (the deposit
 * and the high bid) until it is settled. Its eddies are rows with no characterId, as a mail's.
 */
export const auctionOwner = (listingId: string) => `auction:${listingId}`;
/**
 * A market order (market/): `market:` names its escrow (a buy order's eddies held for
 * what is left) and its item (goods on offer, goods bought); `market-payout:` the eddies
 * waiting for its owner to collect (sales, price improvement, a market order's rest).
 */
export const marketOwner = (orderId: string) => `market:${orderId}`;
export const marketPayoutOwner = (orderId: string) => `market-payout:${orderId}`;
/**
 * A player contract (contracts/): its escrow (the reward, and the collateral once taken)
 * and the items it holds (a reward stack, what the taker delivered) until it settles.
 */
export const contractOwner = (contractId: string) => `contract:${contractId}`;
/** where created items/eddies come from */
export const sourceOwner = (reason: LedgerReason) => `source:${reason}`;
/** where destroyed items/eddies go */
export const sinkOwner = (reason: LedgerReason) => `sink:${reason}`;

/** The kinds of owner, the part of an owner string before its first colon. */
export const OWNER_KINDS = [
  'char',
  'bank',
  'ground',
  'buyback',
  'guild',
  'mail',
  'auction',
  'market',
  'market-payout',
  'contract',
  'source',
  'sink',
] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

const OWNER = new RegExp(`^(${OWNER_KINDS.join('|')}):(.+)$`);

/** `char:abc` → { kind: 'char', id: 'abc' }; null for anything malformed. */
export function parseOwner(owner: string): { kind: OwnerKind; id: string } | null {
  const m = OWNER.exec(owner);
  const kind = OWNER_KINDS.find((k) => k === m?.[1]);
  return m && kind ? { kind, id: m[2] as string } : null;
}

export const isSourceOwner = (owner: string) => owner.startsWith('source:');
