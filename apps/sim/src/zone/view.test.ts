import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEAVE_RADIUS, VIEW_RADIUS, decodeSnapshot, toCm, type SnapshotMsg } from '@necp/shared';
import type { FakeConnection } from '../testing/fake-connection';
import { zoneKit } from '../testing/zone-kit';

/** A client's picture of the world, built only from the snapshots it read. */
class ClientPicture {
  readonly seen = new Map<number, [number, number]>();
  me: [number, number];
  constructor(self?: { x: number; y: number }) {
    this.me = [self?.x ?? 0, self?.y ?? 0];
  }
  apply(msgs: SnapshotMsg[]) {
    for (const m of msgs) {
      this.me = m.me;
      for (const eid of m.del) this.seen.delete(eid);
      for (const e of m.add) this.seen.set(e.eid, [e.x, e.y]);
      for (const [eid, x, y] of m.mv) this.seen.set(eid, [x, y]);
    }
  }
}

const DIRS = [
  [0, 0],
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [0.7071, 0.7071],
] as const;

describe('view: incremental area of interest', () => {
  it.each([1, 2, 3])(
    'matches a brute-force oracle with VIEW/LEAVE hysteresis, positions to the cm (a frame at most every %i ticks)',
    (every) => {
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(fc.integer({ min: 150, max: 330 }), fc.integer({ min: 150, max: 330 })),
            {
              minLength: 2,
              maxLength: 7,
            },
          ),
          fc.array(
            fc.array(fc.integer({ min: 0, max: DIRS.length - 1 }), { minLength: 7, maxLength: 7 }),
            {
              minLength: 10,
              maxLength: 30,
            },
          ),
          fc.integer({ min: 1, max: 6 }),
          fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
          (spawns, plan, speedUp, idle) => {
            const k = zoneKit({ snapshotEvery: every });
            const ps = spawns.map(([x, y], i) => ({ id: `p${i}`, ...k.join(`p${i}`, x, y) }));
            const pictures = ps.map((p) => new ClientPicture(p.conn.welcomes[0]?.self));
            const oracle = ps.map(() => new Set<number>());
            const pos = (id: string) => {
              const p = k.zone.player(id);
              if (!p) throw new Error('gone');
              return p;
            };
            for (const dirs of plan) {
              ps.forEach((p, i) => {
                // an idle player sends nothing: it gets frames only at the cadence
                const [dx, dy] = idle[i] ? [0, 0] : (DIRS[dirs[i] ?? 0] ?? [0, 0]);
                // several inputs per tick: big steps cross cells and the hysteresis band quickly
                if (dx !== 0 || dy !== 0)
                  for (let n = 0; n < speedUp; n++)
                    k.move(p.id, p.conn as FakeConnection, dx, dy, 50);
              });
              k.step();
              ps.forEach((p, i) => {
                pictures[i]?.apply(p.conn.take());
                const self = pos(p.id);
                // between its looks a client's picture is the one of its last look; a client
                // not looked at for a whole cadence had nothing to be told (frameDue): its
                // picture must be right all the same
                if (self.view.sentAt !== k.zone.tick && k.zone.tick - self.view.sentAt < every)
                  return;
                const next = new Set<number>();
                for (const q of ps) {
                  if (q === p) continue;
                  const d = Math.hypot(pos(q.id).x - self.x, pos(q.id).y - self.y);
                  if (d <= VIEW_RADIUS || (oracle[i]?.has(q.eid) && d <= LEAVE_RADIUS))
                    next.add(q.eid);
                }
                oracle[i] = next;
                const picture = pictures[i];
                const playerEids = new Set(ps.map((q) => q.eid));
                const shown = [...(picture?.seen.keys() ?? [])].filter((e) => playerEids.has(e));
                expect(new Set(shown)).toEqual(next);
                for (const q of ps)
                  if (next.has(q.eid))
                    expect(picture?.seen.get(q.eid)).toEqual([
                      toCm(pos(q.id).x),
                      toCm(pos(q.id).y),
                    ]);
                expect(picture?.me).toEqual([toCm(self.x), toCm(self.y)]);
              });
            }
          },
        ),
        { numRuns: 25 },
      );
    },
  );

  it('a moving neighbour costs 3 bytes a tick per viewer (a step record)', () => {
    const k = zoneKit();
    const a = k.join('a', 100, 100);
    const b = k.join('b', 110, 100);
    k.step();
    a.conn.frames.length = 0;
    k.move('b', b.conn, 1, 0, 50);
    // a's next frame is due two ticks after its first
    k.step(2);
    expect(a.conn.frames).toHaveLength(1);
    const [frame] = a.conn.frames;
    const wire = decodeSnapshot(frame ?? new Uint8Array());
    expect(wire.step).toHaveLength(1);
    expect(wire.put).toEqual([]);
    // magic, tick u32, ack, section mask, count, sid, dx, dy
    expect(frame?.length).toBe(1 + 4 + 1 + 1 + 1 + 3);
  });

  it('holds frames back from a client that is behind, then resyncs it with absolute positions', () => {
    const k = zoneKit();
    const a = k.join('a', 100, 100);
    const b = k.join('b', 110, 100);
    k.step();
    a.conn.take();
    a.conn.queued = 100;
    for (let i = 0; i < 10; i++) {
      k.move('b', b.conn, 1, 0, 50);
      k.step();
    }
    expect(a.conn.take()).toEqual([]);
    a.conn.queued = 0;
    k.step();
    const [resync] = a.conn.frames.slice(-1);
    const wire = decodeSnapshot(resync ?? new Uint8Array());
    expect(wire.mePut).toEqual([10000, 10000]);
    expect(wire.put.map(([, x, y]) => [x, y])).toEqual([
      [toCm(k.zone.player('b')?.x ?? 0), toCm(k.zone.player('b')?.y ?? 0)],
    ]);
    expect(a.conn.take()[0]?.mv).toEqual([[b.eid, toCm(k.zone.player('b')?.x ?? 0), 10000, 0]]);
  });
});
