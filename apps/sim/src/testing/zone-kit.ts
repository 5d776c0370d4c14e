/** Builds a Watson zone with a FakeClock and an in-memory position sink, for pure zone tests. */
import { TICK_MS, zoneById, type NpcTemplate, type ZoneContent } from '@necp/shared';
import { FakeClock, createLog, type SimCharacter } from '@necp/game';
import { FakeConnection } from './fake-connection';
import { MemoryCombatSink } from './memory-combat-sink';
import { MemoryPositionSink } from './memory-position-sink';
import type { PositionSink } from '../zone/position-writer';
import { Zone } from '../zone/zone';

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
    npcs: opts.npcs ?? false,
    ...(opts.npcAi === undefined ? {} : { npcAi: opts.npcAi }),
    ...(opts.npcTemplates ? { npcTemplates: opts.npcTemplates } : {}),
    ...(opts.snapshotEvery === undefined ? {} : { snapshotEvery: opts.snapshotEvery }),
  });
  let seq = 0;
  return {
    zone,
    clock,
    sink,
    combat,
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
      const { player, resumed } = zone.attach(character, conn);
      return { conn, character, eid: player.eid, resumed };
    },
    move(id: string, conn: FakeConnection, dx: number, dy: number, ms = 50) {
      return zone.queueInput(id, conn, { seq: ++seq, dx, dy, ms });
    },
    get lastSeq() {
      return seq;
    },
  };
}
