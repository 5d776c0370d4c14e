import type {
  AreaEnteredMsg,
  CharStatsMsg,
  CombatStats,
  EntityInfo,
  MoveBudget,
  MoveInput,
  SelfInfo,
  WelcomeMsg,
  XpGainMsg,
} from '@necp/shared';
import {
  BASE_MOVE_SPEED,
  CLASSES,
  RESOURCE_MAX,
  abilitiesForClass,
  deriveStats,
  playerCombatStats,
  toCm,
  type ClassId,
} from '@necp/shared';
import type { SimCharacter } from '@necp/game';
import { createCombatState, type CombatState } from '../combat/combat-state';
import { effectBriefs } from '../combat/combat-state';
import { selfCombatState } from '../combat/self-state';
import type { EntityTick } from './entity-tick';
import { SeenTable } from './seen-table';

/** How a zone talks to one client; the sim backs it with a socket, pure tests with an array. */
export interface ZoneConnection {
  readonly id: string;
  welcome(msg: WelcomeMsg): void;
  /**
   * one binary zone:snapshot frame (see snapshot-codec.ts); the bytes are the
   * zone's reusable buffer, valid only during the call: keep a copy
   */
  snapshot(frame: Uint8Array): void;
  /**
   * how many packets wait in the transport's write buffer (a client that cannot
   * keep up); absent: never behind
   */
  backlog?(): number;
  /** progress:xp (kill rewards) */
  xp?(msg: XpGainMsg): void;
  /** char:stats (after a level-up or broken gear) */
  stats?(msg: CharStatsMsg): void;
  /** zone:area (entered a named area) */
  area?(msg: AreaEnteredMsg): void;
}

/** The own fighter's vitals as last sent. */
export interface SentVitals {
  health: number;
  maxHealth: number;
  dead: boolean;
  /** the effect list last sent (the engine replaces the array whenever it changes) */
  effects: readonly unknown[] | null;
}

/** What one client has been told, so the next snapshot can carry only the difference. */
export interface ClientView {
  /** entities in view by their small id, and what was last sent for them */
  seen: SeenTable;
  /** own position (cm) last sent */
  meX: number;
  meY: number;
  /** own position (m) at the last look (a client that moved looks at everything in reach) */
  atX: number;
  atY: number;
  /** the tick of the last look: what changed after it is what the next frame carries */
  sentAt: number;
  ack: number;
  /** the own fighter as last sent (hp, dead, effects, whether in combat) */
  self: SentVitals & { inCombat: boolean };
  /** its own entity's shared record (cached; replaced once it is gone) */
  mine: EntityTick | null;
  /** look at everything next tick, not only what changed (a new view, or frames were held back) */
  full: boolean;
}

/** A character in a zone: simulated every tick, kept for a while after its client drops. */
export interface Player {
  readonly kind: 'player';
  readonly eid: number;
  readonly characterId: string;
  readonly userId: string;
  readonly name: string;
  /** the guild's tag on its nameplate (as loaded when it entered the world) */
  readonly guildTag: string | null;
  /** the achievement title under its name (loaded on entry; a `title` command changes it) */
  title: string | null;
  level: number;
  /** content class id: picks the ability bar */
  classId: string;
  /** content origin id (null: unknown); shown in the figure */
  readonly origin: string | null;
  /** the main hand's item template (null: fists); others see it drawn */
  weapon: string | null;
  /** ability ids on the bar (class abilities up to the level), key order */
  abilities: string[];
  health: number;
  maxHealth: number;
  /** the health last handed to the position writer (a change is saved at the next flush) */
  savedHealth: number;
  combat: CombatState;
  /** metres, authoritative */
  x: number;
  y: number;
  /** m/s: BASE_MOVE_SPEED scaled by gear and encumbrance (see char:stats) */
  speed: number;
  /** last input seq applied; acked in every snapshot */
  lastSeq: number;
  budget: MoveBudget;
  /** play-out bank (ms): how much input time the next ticks may still apply (refillPlayout) */
  playoutMs: number;
  /** inputs received and not yet applied, in arrival order (bounded) */
  inputs: MoveInput[];
  conn: ZoneConnection | null;
  view: ClientView;
  /** clock ms when the client dropped; the reconnect window runs from here */
  droppedAt: number | null;
  /** moved since its position was last handed to the position writer */
  dirty: boolean;
  /**
   * the service points (bank terminals, contacts, metro stations) in range, as a
   * key: when it changes the position is saved at once (the API checks ranges
   * against the stored position)
   */
  nearService: string;
  /** ids of the zone areas the character stands in */
  areas: ReadonlySet<string>;
  /** moved, spawned or respawned since the areas were last checked */
  areasDirty: boolean;
  /** an arena team (a `team` command); players on different teams are hostile. null: none */
  team: number | null;
}

/** The numbers char:stats reports that the zone simulates with (CharacterStats fits). */
export type PlayerStats = Pick<Player, 'speed' | 'health' | 'maxHealth' | 'level'> & {
  classId?: string;
  /** the working weapon in the main hand (null: fists; absent: unchanged) */
  weapon?: { templateId: string } | null;
  /** attack and defence numbers (absent: the class's bare-handed defaults) */
  combat?: CombatStats;
};

/** Inputs beyond this many per tick are dropped: a legit client sends a handful. */
export const MAX_QUEUED_INPUTS = 64;

const isClassId = (id: string): id is ClassId => CLASSES.some((c) => c.id === id);

/** Ability ids of a class at a level, in bar order (none for an unknown class). */
export const barFor = (classId: string, level: number): string[] =>
  isClassId(classId) ? abilitiesForClass(classId, level).map((a) => a.id) : [];

/** A class's bare-handed combat numbers at a level: used until the real stats are loaded. */
export function defaultCombatStats(classId: string, level: number): CombatStats {
  const cls = CLASSES.find((c) => c.id === classId) ?? CLASSES[0];
  return playerCombatStats(deriveStats({ attributes: { ...cls.base }, level, equipped: [] }));
}

export function createPlayer(eid: number, c: SimCharacter, at: { x: number; y: number }): Player {
  const health = Math.max(0, Math.min(c.health, c.maxHealth));
  const combat = createCombatState(defaultCombatStats(c.classId, c.level), RESOURCE_MAX);
  // saved dead (left before respawning): still dead, and the respawn timers start over
  if (health <= 0) combat.dead = true;
  return {
    kind: 'player',
    eid,
    characterId: c.id,
    userId: c.userId,
    name: c.name,
    guildTag: c.guildTag ?? null,
    title: c.title ?? null,
    team: null,
    level: c.level,
    classId: c.classId,
    origin: c.origin ?? null,
    weapon: null,
    abilities: barFor(c.classId, c.level),
    health,
    maxHealth: c.maxHealth,
    savedHealth: health,
    combat,
    x: at.x,
    y: at.y,
    speed: BASE_MOVE_SPEED,
    lastSeq: 0,
    budget: { availableMs: 0 },
    playoutMs: 0,
    inputs: [],
    conn: null,
    view: freshView(at, 0),
    droppedAt: null,
    dirty: false,
    nearService: '',
    areas: new Set(),
    // spawning inside an area counts as entering it
    areasDirty: true,
  };
}

/** A view that has sent nothing yet (a new or reconnected client). */
export function freshView(at: { x: number; y: number }, ack: number): ClientView {
  return {
    seen: new SeenTable(),
    mine: null,
    meX: toCm(at.x),
    meY: toCm(at.y),
    atX: Number.NaN,
    atY: Number.NaN,
    sentAt: -1,
    ack,
    self: { health: -1, maxHealth: -1, dead: false, effects: null, inCombat: false },
    full: true,
  };
}

export function playerInfo(p: Player, now: number): EntityInfo {
  return {
    eid: p.eid,
    kind: 'player',
    name: p.name,
    level: p.level,
    health: p.health,
    maxHealth: p.maxHealth,
    x: toCm(p.x),
    y: toCm(p.y),
    classId: p.classId,
    ...(p.origin ? { origin: p.origin } : {}),
    ...(p.weapon ? { weapon: p.weapon } : {}),
    ...(p.guildTag ? { guildTag: p.guildTag } : {}),
    ...(p.title ? { title: p.title } : {}),
    ...(p.combat.dead ? { dead: true } : {}),
    ...(p.conn === null ? { disconnected: true } : {}),
    ...(p.combat.effects.length > 0 ? { effects: effectBriefs(p.combat.effects, now) } : {}),
  };
}

/** The welcome's description of the own character; it counts as sent (no echo in the first snapshot). */
export function selfInfo(p: Player, now: number): SelfInfo {
  const s = p.view.self;
  s.health = p.health;
  s.maxHealth = p.maxHealth;
  s.dead = p.combat.dead;
  s.effects = p.combat.effects;
  const combat = selfCombatState(p, now);
  s.inCombat = combat.inCombat;
  p.combat.dirty = false;
  return {
    ...playerInfo(p, now),
    characterId: p.characterId,
    speed: p.speed,
    classId: p.classId,
    abilities: [...p.abilities],
    combat,
  };
}
