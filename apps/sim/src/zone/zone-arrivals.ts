import { clampToBounds, type Vec2, type WelcomeMsg, TICK_HZ } from '@necp/shared';
import type { CharacterPosition, SimCharacter } from '@necp/game';
import { departureRefusal } from './metro-departure';
import {
  createPlayer,
  freshView,
  selfInfo,
  type Player,
  type PlayerStats,
  type ZoneConnection,
} from './player';
import { applyStats } from './player-stats';
import {
  carriedCombat,
  type AttachResult,
  type CarriedCombat,
  type DepartOutcome,
  type HandoverSave,
} from './zone-commands';
import { defaultSpawn } from './zone-info';
import { NOT_IN_ZONE } from '../net/refusals';
import type { ZoneState } from './zone-state';

// How characters come into a zone and leave it: attach (a new client, a metro
// arrival, a reconnect), detach (the client dropped), remove and depart (the metro).

export interface AttachOptions {
  /** where a character that is not here yet appears (a metro arrival); saved at once */
  at?: Vec2 | undefined;
  /** what it carries from the zone it came from: cooldowns, GCD and resource */
  from?: Readonly<Player> | CarriedCombat | undefined;
  /** false: the caller sends the returned welcome itself (e.g. after its ack) */
  sendWelcome?: boolean | undefined;
  /** the unflushed save to start from (default: the position writer's latest; null: none) */
  saved?: CharacterPosition | null | undefined;
}

/** The player if `conn` is the client in control of it. */
export function attachedPlayer(
  z: ZoneState,
  characterId: string,
  conn: ZoneConnection,
): Player | undefined {
  const p = z.players.get(characterId);
  return p && p.conn === conn ? p : undefined;
}

/**
 * Puts a client in control of a character. If the character is still here (live
 * under another connection, or in its reconnect window) the entity continues —
 * same eid, position, health and input seq — and `resumed` is true.
 */
export function attach(
  z: ZoneState,
  character: SimCharacter,
  conn: ZoneConnection,
  stats?: PlayerStats,
  opts: AttachOptions = {},
): AttachResult {
  let p = z.players.get(character.id);
  const resumed = p !== undefined;
  const now = z.clock.ms();
  if (p) {
    // inputs queued by the previous client must not be acked to the new one
    p.inputs = [];
  } else {
    // a save of this process may still be on its way to the database: it is newer
    const saved =
      opts.saved === undefined ? z.saves.latest(character.id) : (opts.saved ?? undefined);
    const savedHealth = saved?.health;
    if (savedHealth !== undefined && stats) stats = { ...stats, health: savedHealth };
    const c = savedHealth === undefined ? character : { ...character, health: savedHealth };
    const at = opts.at
      ? clampToBounds(opts.at, z.bounds)
      : z.saves.startPosition(character, saved, z.bounds, () => defaultSpawn(z.info));
    p = createPlayer(z.allocEid(), c, at);
    if (p.combat.dead) p.combat.diedAt = now;
    if (opts.from) carryCombat(p, opts.from);
    z.players.add(p);
    z.space.show(p);
    // an arrival is saved with this zone at once (at a station the range check already does)
    if (!z.saves.checkServicePoints(p) && opts.at) z.saves.saveNow(p);
  }
  // a continued entity keeps the health the zone simulated; a new one takes the saved one
  if (stats) applyStats(p, stats, resumed ? 'keep' : 'take');
  // back from its reconnect window: viewers drop the "disconnected" mark
  if (resumed && p.conn === null) z.space.changes.redescribe(p.eid);
  p.conn = conn;
  p.droppedAt = null;
  // a new client knows nothing yet: everything in view comes as `add` next tick
  p.view = freshView(p, p.lastSeq);
  const welcome: WelcomeMsg = {
    zone: z.info,
    self: selfInfo(p, now),
    tick: z.tick(),
    tickHz: TICK_HZ,
    resumed,
    lastSeq: p.lastSeq,
  };
  if (opts.sendWelcome !== false) conn.welcome(welcome);
  return { player: p, resumed, welcome };
}

/** The client dropped: the entity stays for RECONNECT_GRACE_MS. Ignored if another connection took over. */
export function detach(z: ZoneState, characterId: string, conn: ZoneConnection): boolean {
  const p = attachedPlayer(z, characterId, conn);
  if (!p) return false;
  p.conn = null;
  p.droppedAt = z.clock.ms();
  p.inputs = [];
  z.space.changes.redescribe(p.eid); // others see it marked disconnected
  return true;
}

/**
 * Removes a character now (and saves it — where `handover` says: a metro rider to
 * a zone of another process); others see it leave on the next tick.
 */
export function remove(z: ZoneState, characterId: string, handover?: HandoverSave): boolean {
  const p = z.players.get(characterId);
  if (!p) return false;
  z.players.delete(p);
  z.space.hide(p.eid);
  z.space.forgetHistory(p.eid);
  z.combat.forget(p.eid);
  z.npcs.onPlayerGone(p.eid);
  z.saves.saveLeaving(p, handover);
  return true;
}

/**
 * The client in control rides the metro out to `to`: refused unless it may
 * (departureRefusal); a cast in progress ends (watchers see it interrupted),
 * then it is removed (and saved) like `remove` and returned for the destination to carry over.
 */
export function depart(
  z: ZoneState,
  characterId: string,
  conn: ZoneConnection,
  to: string,
  handover?: HandoverSave,
): DepartOutcome {
  const p = attachedPlayer(z, characterId, conn);
  if (!p) return { ok: false, refusal: NOT_IN_ZONE };
  const refusal = departureRefusal(p, z.info, to, z.clock.ms());
  if (refusal) return { ok: false, refusal };
  z.combat.interrupt(p);
  remove(z, characterId, handover);
  return { ok: true, player: p };
}

/**
 * A character arriving from another zone keeps what it spent there: ability
 * cooldowns, the GCD and its resource (riding the metro must not reset them).
 * Effects stay behind: their sources are entities of the other zone.
 */
function carryCombat(p: Player, from: Readonly<Player> | CarriedCombat): void {
  const carried = 'kind' in from ? carriedCombat(from) : from;
  const c = p.combat;
  c.cooldowns = new Map(carried.cooldowns);
  c.gcdUntil = carried.gcdUntil;
  c.resource = Math.min(c.maxResource, carried.resource);
  c.lastCombatAt = carried.lastCombatAt;
  c.dirty = true;
}
