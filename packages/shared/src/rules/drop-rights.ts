/**
 * Who may pick up a drop lying in the world now, and how a refusal reads: one rule
 * for the client's prompt, the sim's quick check and the domain's check under lock
 * (docs/social.md, "Loot modes").
 */

/** What a viewer knows of a drop's rights (its description). */
export interface DropRightsView {
  /** alone before freeAt (null: nobody alone) */
  ownerCharacterId: string | null;
  /** a party's loot: its members may take it before freeAt too */
  partyId: string | null;
  /** epoch ms (server clock) from which anyone may take it */
  freeAt: number;
  /** held for the party's need/greed roll */
  rolling: boolean;
}

/**
 * May `characterId` take it at `nowMs`? `inDropParty`: the character is a member of
 * the drop's party (false when the drop has none).
 */
export function mayLootDrop(
  d: DropRightsView,
  characterId: string,
  inDropParty: boolean,
  nowMs: number,
): boolean {
  if (d.rolling) return false;
  if (nowMs >= d.freeAt) return true;
  if (d.ownerCharacterId === null && d.partyId === null) return true;
  return d.ownerCharacterId === characterId || (d.partyId !== null && inDropParty);
}

/** Whole seconds until `freeAt` (at least 1 while it is ahead). */
export const secondsUntilFree = (freeAt: number, nowMs: number) =>
  Math.max(1, Math.ceil((freeAt - nowMs) / 1000));

/**
 * Whose a drop is and when it frees, as a player reads it: "Reserved for Kira — free
 * in 23 s" ("Kira's party" for a party's loot; "someone" when the owner is unknown).
 */
export function dropReservedText(o: {
  ownerName: string | null;
  party: boolean;
  freeAt: number;
  nowMs: number;
}): string {
  const who = o.ownerName ?? 'someone';
  return `Reserved for ${o.party ? `${who}'s party` : who} — free in ${secondsUntilFree(o.freeAt, o.nowMs)} s`;
}
