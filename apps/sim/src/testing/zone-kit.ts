/** Builds a Watson zone with a FakeClock and an in-memory position sink, for pure zone tests. */
import {
  TICK_MS,
  zoneById,
  type CombatUse,
  type NpcTemplate,
  type ZoneContent,
} from '@necp/shared';
import { FakeClock, createLog, type SimCharacter, type ZoneDrop } from '@necp/game';
import { FakeConnection } from './fake-connection';
import { MemoryCombatSink } from './memory-combat-sink';
import { MemoryPositionSink } from './memory-position-sink';
import type { ZoneConnection } from '../zone/player';
import type { HealthUpdate, StatsUpdate } from '../zone/player-stats';
import type { PositionSink } from '../zone/position-writer';
import { Zone } from '../zone/zone';
import type { CommandOf, ZoneCommandKind, ZoneCommandResults } from '../zone/zone-commands';

/**
 * Submits a command to a zone built with `applyCommands: 'at-once'` and returns
 * its result (throws what applying it threw, or if the zone queued it for a tick).
 */
export function applyNow<K extends ZoneCommandKind>(
  zone: Zone,
  cmd: CommandOf<K>,
  conn: ZoneConnection | null = null,
): ZoneCommandResults[K] {
  let settled: { err: unknown; result: ZoneCommandResults[K] | undefined } | undefined;
  zone.submit<K>(cmd, conn, (err, result) => (settled = { err, result }));
  if (!settled) throw new Error(`${cmd.k} was queued, not applied: is the zone 'at-once'?`);
  if (settled.err) throw settled.err;
  return settled.result as ZoneCommandResults[K];
}

export interface ZoneKitOptions {
  positions?: PositionSink;
  /** spawn Watson's NPCs (default false: most zone tests are about players) */
  npcs?: boolean;
  /** replace the content (e.g. Watson with custom spawns or obstacles) */
  content?: ZoneContent;
  seed?: number;
  /** run NPC brains (default true) */
  npcAi?: boolean;
  npcTemplates?: (id: string) => NpcTemplate | undefined;
  /** default `at-once`: commands apply as submitted (the helpers below rely on it) */
  applyCommands?: 'in-tick' | 'at-once';
  /** client commands the inbox holds at most (default ZONE_INBOX_CAP) */
  inboxCap?: number;
  /** snapshot cadence in ticks (default: the zone's) */
  snapshotEvery?: number;
}

export function zoneKit(opts: ZoneKitOptions = {}) {
  const content = opts.content ?? zoneById('watson');
  if (!content) throw new Error('watson content missing');
  const clock = new FakeClock();
  const sink = new MemoryPositionSink();
  const combat = new MemoryCombatSink();
  const zone = new Zone({
    content,
    clock,
    log: createLog('zone-test', 'silent'),
    positions: opts.positions ?? sink,
    seed: opts.seed ?? 1,
    sink: combat,
    applyCommands: opts.applyCommands ?? 'at-once',
    ...(opts.inboxCap === undefined ? {} : { inboxCap: opts.inboxCap }),
    npcs: opts.npcs ?? false,
    ...(opts.npcAi === undefined ? {} : { npcAi: opts.npcAi }),
    ...(opts.npcTemplates ? { npcTemplates: opts.npcTemplates } : {}),
    ...(opts.snapshotEvery === undefined ? {} : { snapshotEvery: opts.snapshotEvery }),
  });
  let seq = 0;
  const apply = <K extends ZoneCommandKind>(
    cmd: CommandOf<K>,
    conn: ZoneConnection | null = null,
  ) => applyNow<K>(zone, cmd, conn);
  return {
    zone,
    clock,
    sink,
    combat,
    apply,
    // the zone's commands, through its inbox, answered at once
    useAbility: (id: string, conn: ZoneConnection, use: CombatUse) =>
      apply({ k: 'use', characterId: id, use }, conn),
    cancelCast: (id: string, conn: ZoneConnection) => apply({ k: 'cancel', characterId: id }, conn),
    respawn: (id: string, conn: ZoneConnection) => apply({ k: 'respawn', characterId: id }, conn),
    depart: (id: string, conn: ZoneConnection, to: string) =>
      apply({ k: 'depart', characterId: id, to }, conn),
    detach: (id: string, conn: ZoneConnection) => apply({ k: 'detach', characterId: id }, conn),
    remove: (id: string) => apply({ k: 'remove', characterId: id }),
    setStats: (id: string, stats: StatsUpdate, health: HealthUpdate = 'keep') =>
      apply({ k: 'stats', characterId: id, stats, health }),
    healPlayer: (id: string, amount: number) => apply({ k: 'heal', characterId: id, amount }),
    addDrop: (drop: ZoneDrop) => apply({ k: 'drop_add', drop }),
    removeDrop: (dropId: string) => apply({ k: 'drop_remove', dropId }),
    /** advance the clock one tick length and step, n times */
    step(n = 1) {
      for (let i = 0; i < n; i++) {
        clock.advance(TICK_MS);
        zone.step();
      }
    },
    join(
      id: string,
      x: number,
      y: number,
      userId = `user-${id}`,
      more: Partial<Pick<SimCharacter, 'classId' | 'level' | 'health' | 'maxHealth'>> = {},
    ) {
      const conn = new FakeConnection();
      const character: SimCharacter = {
        id,
        userId,
        name: id,
        level: 3,
        classId: 'solo',
        health: 100,
        maxHealth: 100,
        zoneId: 'watson',
        x,
        y,
        ...more,
      };
      const { player, resumed } = apply({ k: 'attach', character }, conn);
      return { conn, character, eid: player.eid, resumed };
    },
    move(id: string, conn: FakeConnection, dx: number, dy: number, ms = 50) {
      return apply({ k: 'move', characterId: id, input: { seq: ++seq, dx, dy, ms } }, conn);
    },
    get lastSeq() {
      return seq;
    },
  };
}
