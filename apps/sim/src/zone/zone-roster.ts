import { distance, type Vec2 } from '@necp/shared';
import type { Player } from './player';

/**
 * Who is in a zone: its players by character, the characters of each account (a join
 * looks its own up, not at everyone) and every player eid seen here → character id
 * (kill credit outlives a logout; pruned when nobody owes it any more).
 */
export class ZoneRoster {
  private readonly players = new Map<string, Player>();
  private readonly charactersOfUser = new Map<string, Set<string>>();
  private readonly characterOfEid = new Map<number, string>();

  get size(): number {
    return this.players.size;
  }

  get(characterId: string): Player | undefined {
    return this.players.get(characterId);
  }

  has(characterId: string): boolean {
    return this.players.has(characterId);
  }

  /** In attach order. */
  values(): IterableIterator<Player> {
    return this.players.values();
  }

  add(p: Player): void {
    this.players.set(p.characterId, p);
    const ofUser = this.charactersOfUser.get(p.userId);
    if (ofUser) ofUser.add(p.characterId);
    else this.charactersOfUser.set(p.userId, new Set([p.characterId]));
    this.characterOfEid.set(p.eid, p.characterId);
  }

  /** Takes the player out (its eid keeps naming it until pruned). */
  delete(p: Player): void {
    this.players.delete(p.characterId);
    const ofUser = this.charactersOfUser.get(p.userId);
    ofUser?.delete(p.characterId);
    if (ofUser?.size === 0) this.charactersOfUser.delete(p.userId);
  }

  /** Everyone out (server shutdown). */
  clear(): void {
    this.players.clear();
    this.charactersOfUser.clear();
  }

  characterIdsOfUser(userId: string): string[] {
    return [...(this.charactersOfUser.get(userId) ?? [])];
  }

  /** The character of a player eid seen in this zone (also after it left). */
  characterOf(eid: number): string | undefined {
    return this.characterOfEid.get(eid);
  }

  /** Characters within `range` m of one, in attach order (empty if it is not here). */
  near(characterId: string, range: number): string[] {
    const me = this.players.get(characterId);
    if (!me) return [];
    const out: string[] = [];
    for (const p of this.players.values())
      if (Math.hypot(p.x - me.x, p.y - me.y) <= range) out.push(p.characterId);
    return out;
  }

  /** Characters alive in the zone within `range` metres of `at`, in id order (party kill shares). */
  liveNear(at: Vec2, range: number): string[] {
    const out: string[] = [];
    for (const p of this.players.values())
      if (!p.combat.dead && distance(p, at) <= range) out.push(p.characterId);
    return out.sort();
  }

  /** Forgets the eids of players that left (`here` false) and whom nobody `owed` credit. */
  prune(here: (eid: number) => boolean, owed: ReadonlySet<number>): void {
    for (const eid of this.characterOfEid.keys())
      if (!here(eid) && !owed.has(eid)) this.characterOfEid.delete(eid);
  }
}
