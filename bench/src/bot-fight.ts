/**
 * What a `fight`/`walk` bot decides each tick: where to walk (to the NPC it fights,
 * or around home), which of its bar's abilities to use on whom (bot-abilities.ts),
 * when to respawn, and what each ack changes. Apart from the socket and snapshot
 * side (bot.ts), which keeps the BotWorld it reads up to date.
 */
import {
  VIEW_RADIUS,
  type Ack,
  type CombatUseResult,
  type EntityKind,
  type RespawnResult,
  type Vec2,
  type ZoneContent,
} from '@necp/shared';
import { BASIC_REACH_M, chooseAbility, type BarAbility } from './bot-abilities';
import type { BotCounters, BotSocket } from './bot-types';
import { pointIn } from './population';
import { count } from './stats';

export const ACK_TIMEOUT_MS = 5_000;
/** how far from home a bot wanders when nothing is in view to fight */
const WANDER_RADIUS_M = 15;

/** An entity in the bot's view, as its last snapshot left it. */
export interface Seen {
  kind: EntityKind;
  x: number;
  y: number;
  dead: boolean;
}

/** What the bot knows of its zone, kept up by its snapshots (bot.ts); the fight reads it. */
export interface BotWorld {
  pos: Vec2;
  /** the tick of the last snapshot: combat:use's viewTick */
  serverTick: number;
  readonly seen: Map<number, Seen>;
}

/** Refusal codes of combat:use that are part of normal play, not errors. */
const COMBAT_REFUSALS = new Set([
  'UNKNOWN_ABILITY',
  'INVALID_TARGET',
  'OUT_OF_RANGE',
  'NO_LINE_OF_SIGHT',
  'COOLDOWN',
  'GCD',
  'NO_RESOURCE',
  'CASTING',
  'STUNNED',
  'SILENCED',
  'DEAD',
  'RATE_LIMITED',
]);

/** One bot's fight state and decisions; its uses and respawns go out on the socket it is handed. */
export class BotFight {
  /** the bar's abilities (from the welcome), with when each is ready again */
  bar: BarAbility[] = [];
  dead = false;
  respawnAt = 0;
  respawnPending = false;
  /** false once the sim answered combat:respawn with VALIDATION (a sim without combat) */
  canRespawn = true;
  /** set when the sim does not know combat:use */
  private combatOff = false;
  private waypoint: Vec2 | null = null;
  private waypointUntil = 0;
  private target = 0;
  /** how close the basic attack needs to be (shrinks after OUT_OF_RANGE) */
  private reach = BASIC_REACH_M;
  private nextUseAt = 0;
  private usePending = false;

  constructor(
    private readonly bot: { readonly counters: BotCounters },
    private readonly world: BotWorld,
    private readonly opts: { zone: ZoneContent; home: Vec2; now: () => number },
    private readonly fight: boolean,
  ) {}

  setDead(dead: boolean, respawnInMs: number) {
    if (dead && !this.dead) {
      this.bot.counters.deaths++;
      this.target = 0;
    }
    if (dead) this.respawnAt = Math.max(this.respawnAt, this.opts.now() + respawnInMs);
    this.dead = dead;
  }

  /** Towards the NPC target until within basic-attack reach, else wander around home; null: stand still. */
  steer(now: number): Vec2 | null {
    const target = this.fight && !this.combatOff ? this.pickTarget() : undefined;
    if (target) {
      const d = Math.hypot(target.x - this.world.pos.x, target.y - this.world.pos.y);
      if (d <= this.reach) return null;
      return { x: (target.x - this.world.pos.x) / d, y: (target.y - this.world.pos.y) / d };
    }
    if (!this.waypoint || now > this.waypointUntil || near(this.world.pos, this.waypoint, 1.5)) {
      const home = this.opts.home;
      this.waypoint = pointIn(
        this.opts.zone,
        { x: home.x, y: home.y, radius: WANDER_RADIUS_M },
        Math.random,
      );
      this.waypointUntil = now + 8_000;
    }
    const d = Math.hypot(this.waypoint.x - this.world.pos.x, this.waypoint.y - this.world.pos.y);
    if (d < 0.01) return null;
    return {
      x: (this.waypoint.x - this.world.pos.x) / d,
      y: (this.waypoint.y - this.world.pos.y) / d,
    };
  }

  /** The current target if still alive in view, else the nearest living NPC in view. */
  private pickTarget(): Seen | undefined {
    const current = this.world.seen.get(this.target);
    if (current && current.kind === 'npc' && !current.dead) return current;
    let best: Seen | undefined;
    let bestD = VIEW_RADIUS;
    this.target = 0;
    for (const [eid, e] of this.world.seen) {
      if (e.kind !== 'npc' || e.dead) continue;
      const d = Math.hypot(e.x - this.world.pos.x, e.y - this.world.pos.y);
      if (d < bestD) {
        best = e;
        bestD = d;
        this.target = eid;
      }
    }
    this.reach = BASIC_REACH_M;
    return best;
  }

  /** A living player in view within `range` m (for ally abilities), if any. */
  private allyWithin(range: number): number | undefined {
    for (const [eid, e] of this.world.seen)
      if (e.kind === 'player' && !e.dead && near(this.world.pos, e, range)) return eid;
    return undefined;
  }

  attack(socket: BotSocket, now: number) {
    if (this.combatOff || this.usePending || now < this.nextUseAt || this.bar.length === 0) return;
    const t = this.world.seen.get(this.target);
    const enemy =
      t && t.kind === 'npc' && !t.dead
        ? { eid: this.target, distance: Math.hypot(t.x - this.world.pos.x, t.y - this.world.pos.y) }
        : undefined;
    const choice = chooseAbility(this.bar, now, enemy, (r) => this.allyWithin(r), this.reach + 0.5);
    if (!choice) return;
    this.usePending = true;
    this.bot.counters.uses++;
    const payload = {
      ability: choice.ability.id,
      ...(choice.target === undefined ? {} : { target: choice.target }),
      viewTick: this.world.serverTick,
    };
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('combat:use', payload)
      .then(
        (res) => this.onUseAck(choice.ability, res),
        () => this.onUseAck(choice.ability, null),
      );
  }

  private onUseAck(ability: BarAbility, res: Ack<CombatUseResult> | null) {
    this.usePending = false;
    const at = this.opts.now();
    if (!res) {
      this.bot.counters.ackTimeouts++;
      this.nextUseAt = at + 1_000;
      return;
    }
    if (res.ok) {
      this.bot.counters.usesOk++;
      ability.readyAt = at + res.data.castMs + ability.cooldownMs;
      this.nextUseAt = at + Math.max(res.data.castMs + 100, 500);
      return;
    }
    const code = res.error.code;
    if (COMBAT_REFUSALS.has(code)) count(this.bot.counters.refusals, code);
    else count(this.bot.counters.ackErrors, `combat:use ${code}`);
    this.nextUseAt = at + 300;
    if (code === 'OUT_OF_RANGE' || code === 'NO_LINE_OF_SIGHT') {
      if (ability.basic) this.reach = Math.max(0.75, this.reach * 0.6);
      else ability.readyAt = at + 1_000;
    } else if (code === 'INVALID_TARGET') this.target = 0;
    else if (code === 'COOLDOWN') ability.readyAt = at + 1_000;
    else if (code === 'UNKNOWN_ABILITY') ability.readyAt = Infinity;
    // a sim without combat:use (unknown event): repeating it would get the bot kicked
    else if (code === 'VALIDATION') this.combatOff = true;
    else if (code === 'NO_RESOURCE') this.nextUseAt = at + 1_500;
    else if (code === 'DEAD') this.setDead(true, 1_000);
  }

  respawn(socket: BotSocket) {
    this.respawnPending = true;
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('combat:respawn', {})
      .then(
        (res) => this.onRespawnAck(res),
        () => this.onRespawnAck(null),
      );
  }

  private onRespawnAck(res: Ack<RespawnResult> | null) {
    this.respawnPending = false;
    const at = this.opts.now();
    if (!res) {
      this.bot.counters.ackTimeouts++;
      this.respawnAt = at + 1_000;
    } else if (res.ok) {
      this.bot.counters.respawns++;
      this.dead = false;
      this.respawnAt = 0;
      this.waypoint = null;
    } else {
      count(this.bot.counters.ackErrors, `combat:respawn ${res.error.code}`);
      this.respawnAt = at + 1_000;
      if (res.error.code === 'VALIDATION') this.canRespawn = false;
    }
  }
}

const near = (a: Vec2, b: Vec2, r: number) => Math.hypot(a.x - b.x, a.y - b.y) <= r;
