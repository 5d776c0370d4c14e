/**
 * Faction reputation: a standing number per faction, read as a tier. Pure; the game
 * package stores standings (CharacterStanding) and calls applyReputationChange
 * inside the caller's transaction.
 *
 * Thresholds (inclusive lower bound of each tier):
 *   hostile     REPUTATION_MIN (−42 000) … −3 001
 *   unfriendly  −3 000 … −1
 *   neutral     0 … 2 999
 *   friendly    3 000 … 8 999
 *   honored     9 000 … 20 999
 *   revered     21 000 … REPUTATION_MAX (42 000)
 * Each tier above neutral takes roughly twice the work of the previous one.
 */
import { factionById, type Faction } from '../content/factions';

export const REPUTATION_MIN = -42_000;
export const REPUTATION_MAX = 42_000;

export const REPUTATION_TIERS = [
  'hostile',
  'unfriendly',
  'neutral',
  'friendly',
  'honored',
  'revered',
] as const;
export type ReputationTier = (typeof REPUTATION_TIERS)[number];

/** Lowest standing that counts as each tier. */
export const TIER_THRESHOLDS: Readonly<Record<ReputationTier, number>> = {
  hostile: REPUTATION_MIN,
  unfriendly: -3_000,
  neutral: 0,
  friendly: 3_000,
  honored: 9_000,
  revered: 21_000,
};

export function clampStanding(n: number): number {
  if (Number.isNaN(n)) throw new RangeError('standing is NaN');
  return Math.min(REPUTATION_MAX, Math.max(REPUTATION_MIN, Math.trunc(n)));
}

export function tierForStanding(n: number): ReputationTier {
  const s = clampStanding(n);
  for (let i = REPUTATION_TIERS.length - 1; i > 0; i--) {
    const tier = REPUTATION_TIERS[i]!;
    if (s >= TIER_THRESHOLDS[tier]) return tier;
  }
  return 'hostile';
}

/** Whether standing `n` is at `tier` or above (quest and dialogue prerequisites). */
export function tierAtLeast(n: number, tier: ReputationTier): boolean {
  return REPUTATION_TIERS.indexOf(tierForStanding(n)) >= REPUTATION_TIERS.indexOf(tier);
}

export interface TierProgress {
  tier: ReputationTier;
  /** standing earned inside the current tier */
  into: number;
  /** width of the current tier (for a progress bar) */
  span: number;
  /** standing still needed for the next tier; in the top tier, to the cap */
  toNext: number;
}

export function tierProgress(n: number): TierProgress {
  const s = clampStanding(n);
  const tier = tierForStanding(s);
  const next = REPUTATION_TIERS[REPUTATION_TIERS.indexOf(tier) + 1];
  const lo = TIER_THRESHOLDS[tier];
  const hi = next ? TIER_THRESHOLDS[next] : REPUTATION_MAX;
  return { tier, into: s - lo, span: hi - lo, toNext: hi - s };
}

export type Standings = Readonly<Record<string, number>>;

/** A faction's current standing, or its starting standing when never touched. */
export function standingWith(
  standings: Standings,
  factionId: string,
  lookup: (id: string) => Faction | undefined = factionById,
): number {
  const own = standings[factionId];
  if (own !== undefined) return clampStanding(own);
  const faction = lookup(factionId);
  if (!faction) throw new RangeError(`unknown faction: ${factionId}`);
  return faction.startingStanding;
}

/**
 * Applies `delta` to one faction and returns new standings (the input is not
 * touched). A gain spills over to the faction's rivals as a loss of
 * `gain × factor` (truncated toward zero), computed from the gain actually applied
 * after clamping, so a capped faction costs its rivals nothing. Losses do not spill:
 * content that wants "hurting X pleases Y" grants the gain with Y explicitly.
 * Factions players cannot improve ignore positive deltas.
 */
export function applyReputationChange(
  standings: Standings,
  factionId: string,
  delta: number,
  lookup: (id: string) => Faction | undefined = factionById,
): Record<string, number> {
  if (!Number.isFinite(delta)) throw new RangeError(`reputation delta must be finite: ${delta}`);
  const faction = lookup(factionId);
  if (!faction) throw new RangeError(`unknown faction: ${factionId}`);
  const next: Record<string, number> = { ...standings };
  const d = Math.trunc(delta);
  if (d === 0 || (d > 0 && !faction.playerCanImprove)) return next;

  const before = standingWith(standings, factionId, lookup);
  const after = clampStanding(before + d);
  next[factionId] = after;

  const gained = after - before;
  if (gained > 0) {
    for (const rival of faction.rivals) {
      const loss = Math.trunc(gained * rival.factor);
      if (loss === 0) continue;
      next[rival.factionId] = clampStanding(standingWith(next, rival.factionId, lookup) - loss);
    }
  }
  return next;
}

/** Vendor price factor by tier; null means the vendor refuses to trade. */
export const VENDOR_PRICE_MULTIPLIERS: Readonly<Record<ReputationTier, number | null>> = {
  hostile: null,
  unfriendly: 1.1,
  neutral: 1,
  friendly: 0.95,
  honored: 0.9,
  revered: 0.85,
};

export function vendorPriceMultiplier(tier: ReputationTier): number | null {
  return VENDOR_PRICE_MULTIPLIERS[tier];
}
