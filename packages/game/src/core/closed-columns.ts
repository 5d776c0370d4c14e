/**
 * The closed-set columns: String columns of the schema whose values are a fixed set
 * (states, kinds, sides, slots, rarities…), each read back through its set's Zod enum —
 * the set itself declared once in packages/shared, as a const tuple its type comes from.
 * A value outside the set (a bad write, a hand edit, a migration gone wrong) fails at the
 * read with an error naming the column and the value, instead of flowing on as a lie.
 *
 * One way: a raw row's schema (core/locked-rows.ts and the readers' own row schemas)
 * uses the column's schema for the field; a Prisma result is parsed by it where the row
 * becomes a domain value (its mapper: a view, a domain record) — never a cast. Each row
 * is parsed once: a value a row schema has parsed already is typed as its set. An Int
 * column whose values are a fixed set (a market order's run in hours) is read the same
 * way, through its set's literals.
 */
import { z } from 'zod';
import {
  ARENA_BRACKETS,
  ARENA_RESULTS,
  AUCTION_CATEGORIES,
  AUCTION_STATES,
  CHAT_CHANNELS,
  CLASS_IDS,
  COMBAT_LOG_KINDS,
  CONTRACT_EVIDENCE_AUTHORS,
  CONTRACT_KINDS,
  CONTRACT_RULINGS,
  CONTRACT_STATES,
  CRAFT_STATES,
  DISCIPLINES,
  LEADERBOARD_KEYS,
  LOOT_CHOICES,
  LOOT_MODES,
  MAIL_KINDS,
  MARKET_DURATIONS_H,
  MARKET_JOURNAL_KINDS,
  MARKET_ORDER_STATES,
  MARKET_ORDER_TYPES,
  MARKET_SIDES,
  NOTIFICATION_KINDS,
  ORIGIN_IDS,
  PLAYER_REPORT_REASONS,
  PRESENCE_STATUSES,
  QUALITY_TIERS,
  RARITIES,
  SEASON_STANDING_SCOPES,
  TEMPLATE_SLOTS,
  TRADE_CLOSE_REASONS,
  TRADE_SIDES,
  TRADE_STATES,
} from '@necp/shared';

type Values = readonly [string, ...string[]] | readonly [number, ...number[]];

/** The schema of a closed-set column: a String column's enum, an Int column's literals. */
type Column<T extends Values> = T extends readonly string[]
  ? z.ZodEnum<{ [V in T[number] & string]: V }>
  : z.ZodLiteral<T[number]>;

const ofStrings = (v: Values): v is readonly [string, ...string[]] => typeof v[0] === 'string';

/** The schema of a closed-set column: its refusal names the column and the value. */
function closedColumn<const T extends Values>(values: T, column: string): Column<T> {
  const error = (iss: { input?: unknown }) =>
    `${column}: unknown value '${String(iss.input)}' (one of ${values.join(', ')})`;
  return (
    ofStrings(values) ? z.enum(values, { error }) : z.literal(values, { error })
  ) as Column<T>;
}

/** A table's closed-set columns, each its set's schema. */
function table<const C extends Record<string, Values>>(
  name: string,
  columns: C,
): { [K in keyof C]: Column<C[K]> } {
  return Object.fromEntries(
    Object.entries(columns).map(([c, values]) => [c, closedColumn(values, `${name}.${c}`)]),
  ) as { [K in keyof C]: Column<C[K]> };
}

/** Every closed-set column the game reads, by table: `closedSet.MarketOrder.side.parse(v)`. */
export const closedSet = {
  Character: table('Character', { origin: ORIGIN_IDS, class: CLASS_IDS }),
  Item: table('Item', { quality: QUALITY_TIERS }),
  ItemTemplate: table('ItemTemplate', { rarity: RARITIES, slot: TEMPLATE_SLOTS }),
  MarketOrder: table('MarketOrder', {
    side: MARKET_SIDES,
    type: MARKET_ORDER_TYPES,
    state: MARKET_ORDER_STATES,
    durationH: MARKET_DURATIONS_H,
  }),
  MarketFill: table('MarketFill', { taker: MARKET_SIDES }),
  MarketJournal: table('MarketJournal', { kind: MARKET_JOURNAL_KINDS }),
  AuctionListing: table('AuctionListing', {
    category: AUCTION_CATEGORIES,
    rarity: RARITIES,
    state: AUCTION_STATES,
  }),
  Trade: table('Trade', {
    state: TRADE_STATES,
    changedBy: TRADE_SIDES,
    closeReason: TRADE_CLOSE_REASONS,
  }),
  TradeItem: table('TradeItem', { side: TRADE_SIDES }),
  Craft: table('Craft', { state: CRAFT_STATES, quality: QUALITY_TIERS }),
  CraftSkill: table('CraftSkill', { discipline: DISCIPLINES }),
  Contract: table('Contract', { kind: CONTRACT_KINDS, state: CONTRACT_STATES }),
  ContractEvidence: table('ContractEvidence', { by: CONTRACT_EVIDENCE_AUTHORS }),
  ContractRuling: table('ContractRuling', { ruling: CONTRACT_RULINGS }),
  Mail: table('Mail', { kind: MAIL_KINDS }),
  ChatMessage: table('ChatMessage', { channel: CHAT_CHANNELS }),
  Party: table('Party', { lootMode: LOOT_MODES, lootThreshold: RARITIES }),
  LootRoll: table('LootRoll', { choice: LOOT_CHOICES }),
  CharacterPresence: table('CharacterPresence', { status: PRESENCE_STATUSES }),
  PlayerReport: table('PlayerReport', { reason: PLAYER_REPORT_REASONS }),
  CombatLogEntry: table('CombatLogEntry', { kind: COMBAT_LOG_KINDS }),
  ArenaRating: table('ArenaRating', { bracket: ARENA_BRACKETS }),
  Match: table('Match', { bracket: ARENA_BRACKETS }),
  MatchParticipant: table('MatchParticipant', { result: ARENA_RESULTS }),
  SeasonStanding: table('SeasonStanding', {
    board: LEADERBOARD_KEYS,
    scope: SEASON_STANDING_SCOPES,
    class: CLASS_IDS,
  }),
  Notification: table('Notification', { kind: NOTIFICATION_KINDS }),
  NotificationMute: table('NotificationMute', { kind: NOTIFICATION_KINDS }),
};
