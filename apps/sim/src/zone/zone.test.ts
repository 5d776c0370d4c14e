import { describe, expect, it } from 'vitest';
import {
  BASE_MOVE_SPEED,
  MOVE_TIME_TOLERANCE,
  PLAYOUT_CAP_MS,
  POSITION_FLUSH_MS,
  RECONNECT_GRACE_MS,
  TICK_HZ,
  TICK_MS,
  toCm,
} from '@necp/shared';
import { FakeConnection } from '../testing/fake-connection';
import { zoneKit } from '../testing/zone-kit';
import { MAX_QUEUED_INPUTS } from './player';
import { NOT_IN_ZONE } from '../net/refusals';

describe('Zone: joining', () => {
  it('welcomes a new character with zone, self (cm), tick and seq', () => {
    const k = zoneKit();
    k.step(3);
    const { conn, eid } = k.join('a', 100.5, 200.25);
    expect(conn.welcomes).toHaveLength(1);
    const w = conn.welcomes[0];
    expect(w?.zone).toMatchObject({ id: 'watson', name: 'Watson', width: 512, height: 512 });
    expect(w?.zone.spawnPoints.length).toBeGreaterThan(0);
    expect(w?.self).toMatchObject({
      eid,
      kind: 'player',
      x: 10050,
      y: 20025,
      characterId: 'a',
      speed: BASE_MOVE_SPEED,
      level: 3,
    });
    expect(w).toMatchObject({ tick: 3, tickHz: TICK_HZ, resumed: false, lastSeq: 0 });
  });

  it('clamps a saved position outside the zone into it', () => {
    const k = zoneKit();
    const { conn } = k.join('a', 9000, -5);
    expect(conn.welcomes[0]?.self).toMatchObject({ x: 51200, y: 0 });
  });
});

describe('Zone: movement', () => {
  it('applies queued inputs at the next tick and acks the last seq', () => {
    const k = zoneKit();
    const { conn } = k.join('a', 100, 100);
    k.move('a', conn, 1, 0, 50);
    expect(k.zone.player('a')?.x).toBe(100); // nothing happens before the tick
    k.step();
    const snap = conn.take();
    expect(snap).toHaveLength(1);
    expect(snap[0]).toMatchObject({
      t: 1,
      ack: k.lastSeq,
      me: [toCm(100 + BASE_MOVE_SPEED * 0.05), 10000],
      mv: [],
      add: [],
      del: [],
    });
  });

  it('moves an honest real-time client exactly as it predicted', () => {
    const k = zoneKit();
    const { conn } = k.join('a', 100, 100);
    for (let i = 0; i < 40; i++) {
      k.move('a', conn, 0, 1, TICK_MS);
      k.step();
    }
    expect(k.zone.player('a')?.y).toBeCloseTo(100 + BASE_MOVE_SPEED * 2, 6);
  });

  it('corrects a speed hack: 100 inputs in one tick move no further than the time budget', () => {
    const k = zoneKit();
    const { conn } = k.join('a', 100, 100);
    const results = Array.from({ length: 100 }, () => k.move('a', conn, 1, 0, 100));
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_QUEUED_INPUTS);
    expect(results.filter((r) => !r.ok && r.refusal.code === 'RATE_LIMITED')).toHaveLength(
      100 - MAX_QUEUED_INPUTS,
    );
    k.step();
    const maxStep = (BASE_MOVE_SPEED * TICK_MS * (1 + MOVE_TIME_TOLERANCE)) / 1000;
    const x = k.zone.player('a')?.x ?? 0;
    expect(x - 100).toBeGreaterThan(0);
    expect(x - 100).toBeLessThanOrEqual(maxStep + 1e-9);
    // the inputs were all consumed: the client is told so, and reconciles to `me`
    expect(conn.take()[0]?.ack).toBe(MAX_QUEUED_INPUTS);
  });

  it('plays a bunched burst out over the next ticks: no jump, nothing lost, acks in order', () => {
    const k = zoneKit();
    const { conn } = k.join('a', 100, 100);
    // a steady walk first (the budgets are full, as for any walking player)
    for (let i = 0; i < 10; i++) {
      k.move('a', conn, 1, 0, TICK_MS);
      k.step();
    }
    // the client's timer fires late: nothing for three ticks, then those 200 ms of
    // walking arrive at once, and the walk goes on at one input a tick
    k.step(3);
    conn.take();
    const start = k.zone.player('a')!.x;
    const burstFirstSeq = k.lastSeq + 1;
    for (let i = 0; i < 4; i++) k.move('a', conn, 1, 0, TICK_MS);
    const xs = [start];
    const acks: number[] = [];
    for (let t = 0; t < 12; t++) {
      if (t > 0) k.move('a', conn, 1, 0, TICK_MS);
      k.step();
      xs.push(k.zone.player('a')!.x);
      acks.push(conn.take().at(-1)?.ack ?? acks.at(-1) ?? 0);
    }
    // no tick moves more than the play-out cap (0.6 m), not the whole burst (1.2 m) at once
    const steps = xs.slice(1).map((x, i) => x - xs[i]!);
    const cap = (BASE_MOVE_SPEED * PLAYOUT_CAP_MS) / 1000;
    for (const s of steps) expect(s).toBeLessThanOrEqual(cap + 1e-9);
    expect(steps[0]).toBeGreaterThan(0);
    // nothing is lost: 4 + 11 inputs of one tick each, all walked, all acked
    expect(xs.at(-1)! - start).toBeCloseTo((BASE_MOVE_SPEED * 15 * TICK_MS) / 1000, 6);
    expect(acks.at(-1)).toBe(k.lastSeq);
    expect(k.zone.player('a')!.inputs).toEqual([]);
    // the acks only move forward, and the first tick acks part of the burst, not all of it
    for (let i = 1; i < acks.length; i++) expect(acks[i]).toBeGreaterThanOrEqual(acks[i - 1]!);
    expect(acks[0]).toBeGreaterThanOrEqual(burstFirstSeq);
    expect(acks[0]).toBeLessThan(burstFirstSeq + 3);
  });

  it('keeps a sustained flood to max speed plus tolerance over a second', () => {
    const k = zoneKit();
    const { conn } = k.join('a', 100, 100);
    for (let t = 0; t < TICK_HZ; t++) {
      for (let i = 0; i < 10; i++) k.move('a', conn, 1, 0, 100);
      k.step();
    }
    const moved = (k.zone.player('a')?.x ?? 0) - 100;
    expect(moved).toBeLessThanOrEqual(BASE_MOVE_SPEED * (1 + MOVE_TIME_TOLERANCE) + 1e-9);
  });

  it('clamps movement to the zone bounds', () => {
    const k = zoneKit();
    const { conn } = k.join('a', 0.1, 511.95);
    for (let i = 0; i < 5; i++) {
      k.move('a', conn, -1, 1, 50);
      k.step();
    }
    expect(k.zone.player('a')).toMatchObject({ x: 0, y: 512 });
  });

  it('ignores inputs from a connection that no longer controls the character', () => {
    const k = zoneKit();
    const { conn } = k.join('a', 100, 100);
    expect(k.move('a', new FakeConnection(), 1, 0)).toEqual({ ok: false, refusal: NOT_IN_ZONE });
    expect(k.move('nobody', conn, 1, 0)).toEqual({ ok: false, refusal: NOT_IN_ZONE });
    // combat answers it the same way: every refusal explicit, none left to a missing answer
    const use = { ability: 'solo_attack' };
    expect(k.useAbility('a', new FakeConnection(), use)).toEqual({
      ok: false,
      refusal: NOT_IN_ZONE,
    });
  });
});

describe('Zone: area of interest', () => {
  it('adds an entity entering VIEW_RADIUS and deletes it only past LEAVE_RADIUS', () => {
    const k = zoneKit();
    const a = k.join('a', 100, 100);
    const b = k.join('b', 100, 150); // 50 m: beyond view (48)
    k.step();
    expect(a.conn.take()).toEqual([]);
    expect(b.conn.take()).toEqual([]);

    // b walks 3 m towards a: 47 m, inside view
    for (let i = 0; i < 10; i++) {
      k.move('b', b.conn, 0, -1, TICK_MS);
      k.step();
    }
    const aSnaps = a.conn.take();
    const added = aSnaps.flatMap((s) => s.add);
    expect(added).toEqual([
      expect.objectContaining({
        eid: b.eid,
        kind: 'player',
        name: 'b',
        level: 3,
        health: 100,
        maxHealth: 100,
      }),
    ]);
    expect(b.conn.take().flatMap((s) => s.add.map((e) => e.eid))).toEqual([a.eid]);

    // back out to 53 m: inside the hysteresis band, still in view (moves arrive as mv)
    a.conn.take();
    for (let i = 0; i < 20; i++) {
      k.move('b', b.conn, 0, 1, TICK_MS);
      k.step();
    }
    const band = a.conn.take();
    expect(band.flatMap((s) => s.del)).toEqual([]);
    // heading 64: towards +y
    expect(band.at(-1)?.mv).toEqual([[b.eid, toCm(100), toCm(k.zone.player('b')?.y ?? 0), 64]]);

    // past 56 m: leaves view
    for (let i = 0; i < 20; i++) {
      k.move('b', b.conn, 0, 1, TICK_MS);
      k.step();
    }
    expect(a.conn.take().flatMap((s) => s.del)).toEqual([b.eid]);
  });

  it('sends only what changed: nothing for idle clients, mv only for movers', () => {
    const k = zoneKit();
    const a = k.join('a', 100, 100);
    const b = k.join('b', 110, 100);
    const c = k.join('c', 100, 110);
    k.step();
    expect(
      a.conn
        .take()[0]
        ?.add.map((e) => e.eid)
        .sort(),
    ).toEqual([b.eid, c.eid].sort());
    k.step(3);
    expect(a.conn.take()).toEqual([]); // nobody moved

    k.move('b', b.conn, 1, 0, 50);
    k.step();
    const [snap] = a.conn.take();
    // heading 0: towards +x
    expect(snap).toMatchObject({
      ack: 0,
      add: [],
      del: [],
      mv: [[b.eid, toCm(110.3), toCm(100), 0]],
    });
    expect(snap?.me).toEqual([10000, 10000]);
  });

  it('never shows entities far away', () => {
    const k = zoneKit();
    const a = k.join('a', 10, 10);
    k.join('far', 400, 400);
    k.step();
    expect(a.conn.take()).toEqual([]);
  });
});

describe('Zone: dropped clients', () => {
  it('keeps a dropped character for the reconnect window, then saves and removes it', async () => {
    const k = zoneKit();
    const a = k.join('a', 100, 100);
    const b = k.join('b', 105, 100);
    k.move('a', a.conn, 1, 0, 50);
    k.step();
    b.conn.take();
    expect(k.detach('a', a.conn)).toBe(true);

    k.clock.advance(RECONNECT_GRACE_MS - 2 * TICK_MS);
    k.step();
    expect(k.zone.player('a')).toBeDefined();
    expect(b.conn.take().flatMap((s) => s.del)).toEqual([]);

    k.step(2);
    expect(k.zone.player('a')).toBeUndefined();
    expect(b.conn.take().flatMap((s) => s.del)).toEqual([a.eid]);
    await Promise.resolve();
    expect(k.sink.latest('a')).toEqual({
      characterId: 'a',
      zoneId: 'watson',
      x: 100.3,
      y: 100,
      health: 100,
    });
  });

  it('resumes the same entity when the character reconnects within the window', () => {
    const k = zoneKit();
    const a = k.join('a', 100, 100);
    k.move('a', a.conn, 0, 1, 50);
    k.step();
    k.detach('a', a.conn);
    k.clock.advance(RECONNECT_GRACE_MS / 2);
    k.step();
    const again = k.join('a', 1, 1); // DB position is stale; the live entity wins
    expect(again.resumed).toBe(true);
    expect(again.eid).toBe(a.eid);
    expect(again.conn.welcomes[0]).toMatchObject({
      resumed: true,
      lastSeq: k.lastSeq,
      self: { x: 10000, y: 10030 },
    });
    k.clock.advance(RECONNECT_GRACE_MS);
    k.step();
    expect(k.zone.player('a')).toBeDefined(); // connected again: no expiry
  });

  it('a taken-over connection cannot detach or drive the character any more', () => {
    const k = zoneKit();
    const first = k.join('a', 100, 100);
    const second = k.join('a', 100, 100);
    expect(second.resumed).toBe(true);
    expect(k.detach('a', first.conn)).toBe(false);
    expect(k.move('a', first.conn, 1, 0)).toEqual({ ok: false, refusal: NOT_IN_ZONE });
    expect(k.zone.player('a')?.conn).toBe(second.conn);
  });

  it('restores a character that just left from the newest known position', async () => {
    const k = zoneKit();
    const a = k.join('a', 100, 100);
    k.move('a', a.conn, 1, 0, 50);
    k.step();
    k.remove('a');
    await Promise.resolve();
    const back = k.join('a', 100, 100); // as loaded from a DB read that raced the save
    expect(back.conn.welcomes[0]?.self.x).toBe(10030);
  });
});

describe('Zone: persistence', () => {
  it('flushes moved characters every POSITION_FLUSH_MS, not idle ones', async () => {
    const k = zoneKit();
    const a = k.join('a', 100, 100);
    k.join('idle', 300, 300);
    k.move('a', a.conn, 1, 0, 50);
    k.step();
    expect(k.sink.saved).toEqual([]);
    k.clock.advance(POSITION_FLUSH_MS);
    k.step();
    await Promise.resolve();
    expect(k.sink.saved).toEqual([
      [{ characterId: 'a', zoneId: 'watson', x: 100.3, y: 100, health: 100 }],
    ]);
    k.clock.advance(POSITION_FLUSH_MS);
    k.step();
    await Promise.resolve();
    expect(k.sink.saved).toHaveLength(1); // nothing moved since
  });

  it('saves and removes everyone on shutdown', async () => {
    const k = zoneKit();
    k.join('a', 1, 2);
    k.join('b', 3, 4);
    await k.zone.shutdown();
    expect(k.zone.playerCount).toBe(0);
    expect(
      k.sink.saved
        .flat()
        .map((p) => p.characterId)
        .sort(),
    ).toEqual(['a', 'b']);
  });
});

describe('Zone: failure isolation', () => {
  it('a connection that throws does not stop the others from getting snapshots', () => {
    const k = zoneKit();
    const bad = k.join('bad', 100, 100);
    const good = k.join('good', 101, 100);
    bad.conn.snapshot = () => {
      throw new Error('socket exploded');
    };
    k.step();
    expect(good.conn.take()).toHaveLength(1);
  });

  it('a tick that throws is logged and the zone keeps ticking', () => {
    let fail = true;
    const k = zoneKit({
      positions: {
        enqueue() {
          if (fail) throw new Error('disk on fire');
        },
        flush: async () => undefined,
        latest: () => undefined,
        landed: async () => false,
      },
    });
    const a = k.join('a', 100, 100);
    k.move('a', a.conn, 1, 0);
    k.step();
    k.clock.advance(POSITION_FLUSH_MS);
    expect(() => k.step()).not.toThrow();
    fail = false;
    const tick = k.zone.tick;
    k.move('a', a.conn, 1, 0);
    k.step();
    expect(k.zone.tick).toBe(tick + 1);
    expect(a.conn.take().at(-1)?.ack).toBe(k.lastSeq);
  });
});
