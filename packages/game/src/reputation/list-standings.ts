import {
  CharacterIdInputSchema,
  FACTIONS,
  factionById,
  standingWith,
  tierProgress,
  vendorPriceMultiplier,
  type FactionStandingView,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { readStandings } from './read-standings';

/** The reputation panel: every faction with the caller's character's standing and tier. */
export async function listStandings(
  deps: GameDeps,
  input: { characterId: string },
): Promise<FactionStandingView[]> {
  const { characterId } = parseInput(CharacterIdInputSchema, input);
  const standings = await readStandings(deps.db, characterId);
  return FACTIONS.map((f) => {
    const standing = standingWith(standings, f.id);
    const p = tierProgress(standing);
    return {
      factionId: f.id,
      name: f.name,
      blurb: f.blurb,
      standing,
      tier: p.tier,
      into: p.into,
      span: p.span,
      toNext: p.toNext,
      priceMultiplier: vendorPriceMultiplier(p.tier),
      rivals: f.rivals.map((r) => ({
        factionId: r.factionId,
        name: factionById(r.factionId)?.name ?? r.factionId,
      })),
      met: standings[f.id] !== undefined,
    };
  });
}
