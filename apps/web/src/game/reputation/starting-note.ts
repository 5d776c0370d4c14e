/**
 * Why a faction you have never dealt with already dislikes you: every newcomer
 * starts at the faction's `startingStanding` (content/factions.ts) — gangs,
 * corps and scavengers distrust strangers; beasts and cyberpsychos cannot be
 * reasoned with at all. Null when there is nothing to explain.
 */
import { factionById, type FactionStandingView } from '@necp/shared';

export function startingNote(
  f: Pick<FactionStandingView, 'factionId' | 'name' | 'standing' | 'met'>,
): string | null {
  const faction = factionById(f.factionId);
  if (!faction || f.met || faction.startingStanding >= 0 || f.standing !== faction.startingStanding)
    return null;
  const at = faction.startingStanding.toLocaleString('en-US').replace('-', '−');
  if (!faction.playerCanImprove)
    return `Everyone starts at ${at} with ${f.name}: they attack on sight and can't be won over.`;
  return `Everyone starts at ${at} with ${f.name}: they distrust outsiders. Jobs and choices that help them raise it.`;
}
