/**
 * Requirement checks shared by quest prerequisites and dialogue conditions, each
 * with the line a player reads when it fails ("Requires Friendly standing with NCPD").
 */
import {
  CLASSES,
  factionById,
  standingWith,
  tierAtLeast,
  type FlagRequirement,
  type ReputationTier,
  type StandingRequirement,
  type Standings,
} from '@necp/shared';
import type { Flags } from '../flags/flags';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const tierLabel = (t: ReputationTier) => capital(t);
export const attributeLabel = (a: string) => capital(a);
const factionName = (id: string) => factionById(id)?.name ?? id;

export function standingHolds(standings: Standings, r: StandingRequirement): boolean {
  const s = standingWith(standings, r.factionId);
  if (r.atLeast && !tierAtLeast(s, r.atLeast)) return false;
  if (r.below && tierAtLeast(s, r.below)) return false;
  return true;
}

export function standingText(r: StandingRequirement): string {
  const f = factionName(r.factionId);
  if (r.atLeast && r.below)
    return `Requires ${tierLabel(r.atLeast)} standing with ${f}, below ${tierLabel(r.below)}`;
  if (r.atLeast) return `Requires ${tierLabel(r.atLeast)} standing with ${f}`;
  if (r.below) return `Only while ${f} regards you below ${tierLabel(r.below)}`;
  return `Requires standing with ${f}`;
}

export function flagHolds(flags: Flags, r: Pick<FlagRequirement, 'key' | 'value' | 'absent'>) {
  const v = flags[r.key];
  if (r.absent) return v === undefined;
  return r.value === undefined ? v !== undefined : v === r.value;
}

/** Flags are story state the player does not see by name: the line stays vague on purpose. */
export const flagText = (r: Pick<FlagRequirement, 'absent'>) =>
  r.absent ? 'That moment has passed' : 'You do not know enough yet';

export const levelText = (n: number) => `Requires level ${n}`;

export function classText(classes: readonly string[]): string {
  const names = classes.map((id) => CLASSES.find((c) => c.id === id)?.name ?? id);
  return `Only for ${names.join(' or ')}`;
}
