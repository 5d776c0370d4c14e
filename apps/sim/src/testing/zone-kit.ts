/** Builds a Watson zone with a FakeClock and an in-memory position sink, for pure zone tests. */
import { TICK_MS, zoneById } from '@necp/shared';
import { FakeClock, createLog, type SimCharacter } from '@necp/game';
import { FakeConnection } from './fake-connection';
import { MemoryPositionSink } from './memory-position-sink';
import type { PositionSink } from '../zone/position-writer';
import { Zone } from '../zone/zone';

export function zoneKit(opts: { positions?: PositionSink } = {}) {
  const content = zoneById('watson');
  if (!content) throw new Error('watson content missing');
  const clock = new FakeClock();
  const sink = new MemoryPositionSink();
  const zone = new Zone({
    content,
    clock,
    log: createLog('zone-test', 'silent'),
    positions: opts.positions ?? sink,
  });
  let seq = 0;
  return {
    zone,
    clock,
    sink,
    /** advance the clock one tick length and step, n times */
    step(n = 1) {
      for (let i = 0; i < n; i++) {
        clock.advance(TICK_MS);
        zone.step();
      }
    },
    join(id: string, x: number, y: number, userId = `user-${id}`) {
      const conn = new FakeConnection();
      const character: SimCharacter = {
        id,
        userId,
        name: id,
        level: 3,
        health: 90,
        maxHealth: 100,
        zoneId: 'watson',
        x,
        y,
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
