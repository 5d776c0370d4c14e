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
] as const;
export type LedgerReason = (typeof LEDGER_REASONS)[number];
