import { describe, expect, it } from 'vitest';
import { RESPAWN_DELAY_MS, TICK_MS, zoneById, type ZoneArea, type ZoneContent } from '@necp/shared';
import { zoneKit } from '../testing/zone-kit';
import type { Player } from './player';
import type { AreaSink } from './zone-areas';

const watson = zoneById('watson') as ZoneContent;
const medCenter = watson.spawnPoints.find((s) => s.kind === 'medical_center');
if (!medCenter) throw new Error('watson needs a medical centre');

/** An open lot in the north-west of Watson, with two named circles of our own. */
const PLAZA: ZoneArea = { id: 'test_plaza', name: 'Test Plaza', x: 40, y: 110, radius: 5 };
const CLINIC: ZoneArea = {
  id: 'test_clinic',
  name: 'Test Clinic',
  x: medCenter.x,
  y: medCenter.y,
  radius: 6,
};
const content: ZoneContent = { ...watson, areas: [PLAZA, CLINIC] };

class RecordingSink implements AreaSink {
  readonly entries: [string, string][] = [];
  entered(p: Readonly<Player>, area: ZoneArea): void {
    this.entries.push([p.characterId, area.id]);
  }
}

function kit() {
  const k = zoneKit({ content });
  const sink = new RecordingSink();
  k.zone.setAreaSink(sink);
  const walk = (id: string, conn: Parameters<typeof k.move>[1], dx: number, ticks: number) => {
    for (let i = 0; i < ticks; i++) {
      k.move(id, conn, dx, 0, TICK_MS);
      k.step();
    }
  };
  return { ...k, sink, walk };
}

describe('Zone: areas', () => {
  it('reports crossing into an area once, on the tick it happens; walking inside reports nothing', () => {
    const k = kit();
    // 0.3 m per tick: 2 m outside the edge, so the 7th tick crosses it
    const { conn } = k.join('a', PLAZA.x - PLAZA.radius - 2, PLAZA.y);
    k.step();
    expect(k.sink.entries).toEqual([]);
    k.walk('a', conn, 1, 6);
    expect(k.sink.entries).toEqual([]);
    k.walk('a', conn, 1, 1);
    expect(k.sink.entries).toEqual([['a', PLAZA.id]]);
    k.walk('a', conn, 1, 10);
    k.step(20);
    expect(k.sink.entries).toHaveLength(1);
  });

  it('reports again after leaving and coming back (the server throttles, not the zone)', () => {
    const k = kit();
    const { conn } = k.join('a', PLAZA.x + PLAZA.radius - 0.5, PLAZA.y);
    k.step();
    expect(k.sink.entries).toEqual([['a', PLAZA.id]]);
    k.walk('a', conn, 1, 3); // out
    k.walk('a', conn, -1, 3); // back in
    expect(k.sink.entries).toEqual([
      ['a', PLAZA.id],
      ['a', PLAZA.id],
    ]);
  });

  it('a character that spawns inside an area enters it; a resumed entity does not again', () => {
    const k = kit();
    k.join('a', PLAZA.x, PLAZA.y);
    k.join('b', 300, 300);
    k.step();
    expect(k.sink.entries).toEqual([['a', PLAZA.id]]);
    // a new client for the same character continues the entity: nothing new
    k.join('a', PLAZA.x, PLAZA.y);
    k.step(3);
    expect(k.sink.entries).toHaveLength(1);
  });

  it('respawning at a medical centre inside an area enters it', () => {
    const k = kit();
    const { conn } = k.join('dead', 300, 300, 'user-dead', { health: 0 });
    k.step();
    expect(k.sink.entries).toEqual([]);
    k.clock.advance(RESPAWN_DELAY_MS);
    expect(k.respawn('dead', conn)).toMatchObject({ ok: true });
    k.step();
    expect(k.sink.entries).toEqual([['dead', CLINIC.id]]);
  });

  it('a failing sink is logged and the tick goes on; the entry is not reported twice', () => {
    const k = kit();
    let calls = 0;
    k.zone.setAreaSink({
      entered: () => {
        calls++;
        throw new Error('sink down');
      },
    });
    const { conn } = k.join('a', PLAZA.x, PLAZA.y);
    k.walk('a', conn, 0.1, 3);
    expect(calls).toBe(1);
    expect(conn.take().length).toBeGreaterThan(0);
  });
});
