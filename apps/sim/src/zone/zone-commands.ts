/**
 * Everything that may change a zone from outside its tick, as data: client
 * commands (through the socket handlers) and database results (drops, stats,
 * heals). They enter the zone's inbox and are applied at the start of `step()`
 * (zone-inbox.ts), so a recording of them replays the zone (replay/).
 * Commands are plain JSON-able values; the connection a command came through is
 * carried beside it (a recording names it by id).
 */
import type {
  CharStatsMsg,
  CombatUse,
  MoveInput,
  Refusal,
  RespawnResult,
  Vec2,
  WelcomeMsg,
} from '@necp/shared';
import type { CharacterPosition, SimCharacter, ZoneDrop } from '@necp/game';
import type { UseResult } from '../combat/engine';
import type { Player, PlayerStats } from './player';
import type { HealthUpdate, StatsUpdate } from './player-stats';
import type { DropEntity } from './world-objects';

/** What attaching a connection to its character in the zone gives back. */
export interface AttachResult {
  player: Readonly<Player>;
  resumed: boolean;
  welcome: WelcomeMsg;
}

/** Where a rider to a zone of another process is saved, by the zone it leaves (fenced with its token). */
export interface HandoverSave {
  zoneId: string;
  x: number;
  y: number;
}

/** What a character riding the metro keeps from the zone it left (see carryCombat). */
export interface CarriedCombat {
  cooldowns: [string, number][];
  gcdUntil: number;
  resource: number;
  lastCombatAt: number;
}

export type ZoneCommand =
  | {
      k: 'attach';
      character: SimCharacter;
      stats?: PlayerStats | undefined;
      /** a metro arrival: where it appears (saved at once) */
      at?: Vec2 | undefined;
      carry?: CarriedCombat | undefined;
      /** false: the caller sends the welcome itself (after its ack) */
      sendWelcome?: boolean | undefined;
      /** the unflushed save the zone read when it applied this (filled in then; null: none) */
      saved?: CharacterPosition | null | undefined;
    }
  | { k: 'detach'; characterId: string }
  /** the client in control takes its character out (metro): refused unless it may ride from here to `to` */
  | {
      k: 'depart';
      characterId: string;
      to: string;
      /** `to` is run by another process: save the rider at its station there (cluster handover) */
      handover?: HandoverSave | undefined;
    }
  | { k: 'remove'; characterId: string }
  | { k: 'move'; characterId: string; input: MoveInput }
  | { k: 'use'; characterId: string; use: CombatUse }
  | { k: 'cancel'; characterId: string }
  | { k: 'respawn'; characterId: string }
  | { k: 'heal'; characterId: string; amount: number }
  /** the characters within `range` m of one (itself included): who hears it `say` something */
  | { k: 'nearby'; characterId: string; range: number }
  | { k: 'stats'; characterId: string; stats: StatsUpdate; health: HealthUpdate }
  /** the character chose another achievement title (null: none): viewers are told */
  | { k: 'title'; characterId: string; title: string | null }
  /** an instance puts the player on a team (arena: the other team's players are hostile); null: none */
  | { k: 'team'; characterId: string; team: number | null }
  | { k: 'drop_add'; drop: ZoneDrop }
  | { k: 'drop_remove'; dropId: string };

export type ZoneCommandKind = ZoneCommand['k'];
export type CommandOf<K extends ZoneCommandKind> = Extract<ZoneCommand, { k: K }>;

export type Refused = { ok: false; refusal: Refusal };
export type QueueResult = { ok: true } | Refused;
export type RespawnOutcome = { ok: true; data: RespawnResult } | Refused;
export type DepartOutcome = { ok: true; player: Readonly<Player> } | Refused;

/** What each command answers with (resolved from inside the tick that applied it). */
export interface ZoneCommandResults {
  attach: AttachResult;
  detach: boolean;
  depart: DepartOutcome;
  remove: boolean;
  move: QueueResult;
  /** refused NOT_IN_ZONE: not the client in control (the engine refuses with its codes) */
  use: UseResult | Refused;
  cancel: boolean;
  respawn: RespawnOutcome;
  heal: number;
  nearby: string[];
  stats: CharStatsMsg | undefined;
  /** false: not here, or that title already */
  title: boolean;
  /** false: not here */
  team: boolean;
  drop_add: Readonly<DropEntity> | undefined;
  drop_remove: boolean;
}

/** The combat state a metro rider carries along. */
export function carriedCombat(p: Readonly<Player>): CarriedCombat {
  const c = p.combat;
  return {
    cooldowns: [...c.cooldowns],
    gcdUntil: c.gcdUntil,
    resource: c.resource,
    lastCombatAt: c.lastCombatAt,
  };
}
