/**
 * What this client knows about its zone: the zone layout, its own character
 * (predicted) and the other entities in view (interpolated), with their health,
 * status effects, deaths and casts. Applies welcome and snapshot messages; pure
 * apart from the timestamps passed in.
 */
import {
  RESOURCE_MAX,
  fromCm,
  type CombatEvent,
  type EffectBrief,
  type EntityInfo,
  type SelfCombatState,
  type SnapshotMsg,
  type Vec2,
  type WelcomeMsg,
  type ZoneInfo,
} from '@necp/shared';
import type { SelfCombatView } from '../combat/self-combat-clock';
import { InterpolationBuffer } from '../interp/interpolation-buffer';
import { TickClock } from '../interp/view-tick';
import { Predictor } from '../input/prediction';
import { SmoothedSelf } from './smoothed-self';
import { worldContact, type WorldContact } from './contacts';
import { groundCrate, groundDrop } from './ground-items';
import type { GroundCrate, GroundDrop } from './interaction';

export interface RemoteEntity {
  /** as the server described it, kept current: health, dead and effects change in place */
  info: EntityInfo;
  buffer: InterpolationBuffer;
  /** local time its `info.effects` arrived (their ms-left count down from here) */
  effectsAt: number;
}

/** A cast someone started (from 'cast' events), in local time. */
export interface KnownCast {
  ability: string;
  target: number;
  startedAt: number;
  endsAt: number;
}

/** Status effects as received: the list and when it arrived. */
export interface EffectsAt {
  list: EffectBrief[];
  at: number;
}

/** Names of entities that left view stay resolvable this long (late log lines). */
const DEPARTED_KEEP = 64;
/** A cast nobody reported finished is forgotten this long after its end. */
const CAST_GRACE_MS = 500;

export class WorldState {
  readonly zone: ZoneInfo;
  readonly self: WelcomeMsg['self'];
  readonly predictor: Predictor;
  readonly view: SmoothedSelf;
  readonly ticks: TickClock;
  /** players and NPCs in view (interpolated) */
  readonly others = new Map<number, RemoteEntity>();
  /** loot on the street and crates: they never move, so no interpolation */
  readonly drops = new Map<number, GroundDrop>();
  readonly crates = new Map<number, GroundCrate>();
  /** contacts in view (quest givers, vendors): not fighters, never targets, kept apart */
  readonly contacts = new Map<number, WorldContact>();
  /** live values of the own character (char:stats and snapshot hp update them) */
  stats: { level: number; health: number; maxHealth: number; speed: number };
  /** the own main hand's item template (null: fists), from the welcome and char:stats */
  selfWeapon: string | null;
  /** last movement direction of the own character, for drawing its heading */
  heading: Vec2 = { x: 0, y: 1 };
  /** own combat timers (resource, cooldowns, cast, death countdown) */
  selfCombat: SelfCombatView;
  selfEffects: EffectsAt;
  selfDead: boolean;
  /** casts in progress by eid (self included) */
  readonly casts = new Map<number, KnownCast>();
  private readonly departed = new Map<number, string>();
  private readonly snapshotMs: number;

  constructor(welcome: WelcomeMsg, now: number) {
    this.zone = welcome.zone;
    this.self = welcome.self;
    this.selfWeapon = welcome.self.weapon ?? null;
    this.snapshotMs = 1000 / welcome.tickHz;
    this.ticks = new TickClock(this.snapshotMs);
    this.ticks.observe(welcome.tick, now);
    const start = { x: fromCm(welcome.self.x), y: fromCm(welcome.self.y) };
    this.predictor = new Predictor(start, welcome.lastSeq, welcome.self.speed, welcome.zone);
    this.view = new SmoothedSelf(start, now);
    const { level, health, maxHealth, speed } = welcome.self;
    this.stats = { level, health, maxHealth, speed };
    // a sim without combat sends no combat state: start from "idle, full"
    const combat = welcome.self.combat ?? idleCombat();
    this.selfCombat = { state: combat, at: now };
    this.selfEffects = { list: welcome.self.effects ?? [], at: now };
    this.selfDead = welcome.self.dead ?? combat.dead !== null;
  }

  /** The server's speed (encumbrance, items) drives prediction, or we would rubber-band. */
  setStats(s: {
    level: number;
    health: number;
    maxHealth: number;
    speed: number;
    weapon?: string | null;
  }) {
    this.stats = { level: s.level, health: s.health, maxHealth: s.maxHealth, speed: s.speed };
    if (s.weapon !== undefined) this.selfWeapon = s.weapon;
    this.predictor.setSpeed(s.speed);
  }

  /** The server tick others are drawn at now (combat:use `viewTick`). */
  viewTick(now: number): number {
    return this.ticks.viewTick(now);
  }

  /** Display name of an entity in view, the own character, or one that left recently. */
  nameOf(eid: number): string {
    if (eid === this.self.eid) return this.self.name;
    return this.others.get(eid)?.info.name ?? this.departed.get(eid) ?? 'something';
  }

  /**
   * Applies a snapshot; returns its combat events (after the state they describe was
   * applied, so health bars and floating numbers agree).
   */
  applySnapshot(s: SnapshotMsg, now: number): CombatEvent[] {
    // positions are stamped with when their tick would have arrived without jitter:
    // frames that arrive in a burst (a stalled tab, a busy link) still play back evenly
    const at = this.ticks.observe(s.t, now);
    const events = s.ev ?? [];
    for (const eid of s.del) {
      // its name stays known: a 'death' and the corpse's removal may share a snapshot
      const gone = this.others.get(eid);
      if (gone) this.remember(eid, gone.info.name);
      this.others.delete(eid);
      this.drops.delete(eid);
      this.crates.delete(eid);
      this.contacts.delete(eid);
      this.casts.delete(eid);
    }
    for (const e of s.add) {
      if (e.eid === this.self.eid) continue;
      if (e.kind === 'drop') {
        this.drops.set(e.eid, groundDrop(e));
        continue;
      }
      if (e.kind === 'crate') {
        this.crates.set(e.eid, groundCrate(e));
        continue;
      }
      if (e.kind === 'contact') {
        this.contacts.set(e.eid, worldContact(e));
        continue;
      }
      const p = { x: fromCm(e.x), y: fromCm(e.y) };
      const known = this.others.get(e.eid);
      if (known) {
        // described again (its title changed): the new description, the same smooth path
        known.info = { ...e };
        known.effectsAt = now;
        known.buffer.push(p, at);
        continue;
      }
      this.others.set(e.eid, {
        info: { ...e },
        buffer: new InterpolationBuffer(p, at, this.ticks),
        effectsAt: now,
      });
    }
    for (const [eid, x, y] of s.mv) {
      if (eid === this.self.eid) continue;
      this.others.get(eid)?.buffer.push({ x: fromCm(x), y: fromCm(y) }, at);
      // contacts stand still; should one ever be moved, follow it without interpolation
      const c = this.contacts.get(eid);
      if (c) this.contacts.set(eid, { ...c, x: fromCm(x), y: fromCm(y) });
    }
    this.applyCombat(s, now);
    for (const ev of events) this.trackCast(ev, now);
    const r = this.predictor.reconcile(s.ack, { x: fromCm(s.me[0]), y: fromCm(s.me[1]) });
    this.view.corrected(r.before, r.after, r.snapped);
    return events;
  }

  private applyCombat(s: SnapshotMsg, now: number) {
    const selfEid = this.self.eid;
    for (const [eid, health, maxHealth] of s.hp ?? []) {
      if (eid === selfEid) {
        this.stats = { ...this.stats, health, maxHealth };
        continue;
      }
      const e = this.others.get(eid);
      if (e) {
        e.info.health = health;
        e.info.maxHealth = maxHealth;
      }
    }
    for (const [eid, list] of s.fx ?? []) {
      if (eid === selfEid) {
        this.selfEffects = { list, at: now };
        continue;
      }
      const e = this.others.get(eid);
      if (e) {
        e.info.effects = list;
        e.effectsAt = now;
      }
    }
    for (const [eid, dead] of s.dead ?? []) {
      if (eid === selfEid) this.selfDead = dead;
      else {
        const e = this.others.get(eid);
        if (e) e.info.dead = dead;
      }
      if (dead) this.casts.delete(eid);
    }
    if (s.self) {
      this.selfCombat = { state: s.self, at: now };
      // the death countdown is authoritative for our own state both ways
      this.selfDead = s.self.dead !== null;
    }
  }

  private trackCast(ev: CombatEvent, now: number) {
    const c = this.casts.get(ev.src);
    switch (ev.k) {
      case 'cast':
        if (ev.ab && ev.ms)
          this.casts.set(ev.src, {
            ability: ev.ab,
            target: ev.dst,
            startedAt: now,
            endsAt: now + ev.ms,
          });
        return;
      case 'interrupt':
        this.casts.delete(ev.src);
        return;
      case 'hit':
      case 'miss':
      case 'heal':
        // the cast went off
        if (c && c.ability === ev.ab) this.casts.delete(ev.src);
        return;
    }
  }

  /** A cast of `eid` still running at `now` (stale ones are dropped). */
  castOf(eid: number, now: number): KnownCast | null {
    const c = this.casts.get(eid);
    if (!c) return null;
    if (now > c.endsAt + CAST_GRACE_MS) {
      this.casts.delete(eid);
      return null;
    }
    return c;
  }

  private remember(eid: number, name: string) {
    this.departed.set(eid, name);
    if (this.departed.size > DEPARTED_KEEP) {
      const oldest = this.departed.keys().next().value;
      if (oldest !== undefined) this.departed.delete(oldest);
    }
  }

  /** Moves the own character locally (prediction); returns the inputs to send. */
  move(chunks: { dx: number; dy: number; ms: number }[], now: number) {
    const inputs = chunks.map((c) => this.predictor.apply(c.dx, c.dy, c.ms));
    const last = chunks[chunks.length - 1];
    if (last) this.heading = { x: last.dx, y: last.dy };
    this.view.stepped(this.predictor.pos, now);
    return inputs;
  }
}

export const idleCombat = (): SelfCombatState => ({
  resource: RESOURCE_MAX,
  maxResource: RESOURCE_MAX,
  gcd: 0,
  cd: {},
  cast: null,
  dead: null,
  inCombat: false,
});

/** Effects with their time left at `now` (the wire says "ms left" at arrival). */
export function effectsNow(list: EffectBrief[], at: number, now: number): EffectBrief[] {
  const elapsed = Math.max(0, now - at);
  return list
    .map(([id, left, stacks]): EffectBrief => [id, Math.max(0, left - elapsed), stacks])
    .filter(([, left]) => left > 0);
}
