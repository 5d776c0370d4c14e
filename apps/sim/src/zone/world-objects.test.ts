import { describe, expect, it } from 'vitest';
import {
  BANK_RANGE,
  DROP_DESPAWN_MS,
  DROP_OWNER_MS,
  INTERACT_RANGE,
  TICK_MS,
  contactById,
  contactsInZone,
  zoneById,
} from '@necp/shared';
import type { ZoneDrop } from '@necp/game';
import { zoneKit } from '../testing/zone-kit';

const watson = zoneById('watson');
const crateSpot = watson?.spawnPoints.find((s) => s.kind === 'loot_crate');
const bank = watson?.spawnPoints.find((s) => s.kind === 'bank_terminal');
const metro = watson?.spawnPoints.find((s) => s.kind === 'metro_station');
const regina = contactById('regina');
if (!crateSpot || !bank || !metro || !regina)
  throw new Error('watson needs a loot_crate, a bank_terminal, a metro_station and Regina');

const aDrop = (over: Partial<ZoneDrop> = {}): ZoneDrop => ({
  id: 'drop-1',
  zoneId: 'watson',
  x: 101,
  y: 100,
  itemId: 'item-1',
  templateId: 'scrap_metal',
  name: 'Scrap Metal',
  rarity: 'common',
  quantity: 3,
  ownerCharacterId: 'a',
  ownerName: 'Ana',
  partyId: null,
  rollUntil: null,
  freeAt: Date.UTC(2026, 0, 1) + DROP_OWNER_MS,
  despawnAt: Date.UTC(2026, 0, 1) + DROP_DESPAWN_MS,
  ...over,
});

describe('Zone: drops', () => {
  it('shows a drop with its item and loot rights, and deletes it once removed', () => {
    const k = zoneKit({ snapshotEvery: 1 });
    const { conn } = k.join('a', 100, 100);
    k.step();
    conn.take();
    const e = k.addDrop(aDrop());
    expect(k.addDrop(aDrop())?.eid).toBe(e?.eid); // idempotent
    k.step();
    expect(conn.take().flatMap((s) => s.add)).toEqual([
      {
        eid: e?.eid,
        kind: 'drop',
        name: 'Scrap Metal',
        level: 0,
        health: 0,
        maxHealth: 0,
        x: 10100,
        y: 10000,
        item: { templateId: 'scrap_metal', quantity: 3, rarity: 'common' },
        ownerCharacterId: 'a',
        ownerName: 'Ana',
        freeAt: aDrop().freeAt,
      },
    ]);
    expect(k.zone.dropByEid(e?.eid ?? 0)?.id).toBe('drop-1');
    expect(k.removeDrop('drop-1')).toBe(true);
    k.step();
    expect(conn.take().flatMap((s) => s.del)).toEqual([e?.eid]);
    expect(k.zone.dropByEid(e?.eid ?? 0)).toBeUndefined();
  });

  it('hides a drop on the clock once its despawnAt passes', () => {
    const k = zoneKit({ snapshotEvery: 1 });
    const { conn } = k.join('a', 100, 100);
    const e = k.addDrop(aDrop({ despawnAt: k.clock.ms() + 10 * TICK_MS }));
    k.step(9);
    expect(conn.take().flatMap((s) => s.del)).toEqual([]);
    k.step();
    expect(conn.take().flatMap((s) => s.del)).toEqual([e?.eid]);
    expect(k.zone.dropCount).toBe(0);
  });

  it('ignores a drop of another zone', () => {
    const k = zoneKit();
    expect(k.addDrop(aDrop({ zoneId: 'westbrook' }))).toBeUndefined();
    expect(k.zone.dropCount).toBe(0);
  });
});

describe('Zone: crates', () => {
  it('shows loot_crate spawn points as crate entities', () => {
    const k = zoneKit();
    const { conn } = k.join('a', crateSpot.x + 2, crateSpot.y);
    k.step();
    const crate = conn
      .take()
      .flatMap((s) => s.add)
      .find((e) => e.kind === 'crate');
    expect(crate).toMatchObject({ kind: 'crate', name: crateSpot.name, x: crateSpot.x * 100 });
    expect(k.zone.crateByEid(crate?.eid ?? 0)).toMatchObject({
      spawnId: crateSpot.id,
      lootTable: 'crate_watson_common',
    });
    expect(k.zone.dropByEid(crate?.eid ?? 0)).toBeUndefined();
  });
});

describe('Zone: contacts', () => {
  it("shows the zone's contacts as contact entities that never fight", () => {
    const k = zoneKit();
    const { conn } = k.join('a', regina.x, regina.y + 10);
    k.step();
    const contacts = conn
      .take()
      .flatMap((s) => s.add)
      .filter((e) => e.kind === 'contact');
    expect(contacts).toContainEqual({
      eid: expect.any(Number),
      kind: 'contact',
      name: regina.name,
      level: 0,
      health: 0,
      maxHealth: 0,
      x: regina.x * 100,
      y: regina.y * 100,
      templateId: 'regina',
    });
    for (const c of contacts) {
      expect(contactById(c.templateId ?? '')?.zoneId).toBe('watson');
      // not a fighter: abilities cannot target it, NPC brains do not see it
      expect(k.zone.fighter(c.eid)).toBeUndefined();
    }
  });

  it('shows only contacts of its own zone', () => {
    const k = zoneKit({ content: zoneById('westbrook') });
    const ids = contactsInZone('westbrook').map((c) => c.id);
    const seen: string[] = [];
    for (const c of [...contactsInZone('westbrook'), ...contactsInZone('watson')]) {
      const { conn } = k.join(`near-${c.id}`, c.x, c.y);
      k.step();
      for (const e of conn.take().flatMap((s) => s.add))
        if (e.kind === 'contact') seen.push(e.templateId ?? '');
      k.remove(`near-${c.id}`);
    }
    expect([...new Set(seen)].toSorted()).toEqual(ids.toSorted());
  });
});

describe('Zone: bank proximity', () => {
  it('saves the position at once when a character enters and leaves BANK_RANGE', () => {
    const k = zoneKit();
    const start = bank.y + BANK_RANGE + 1.4; // 0.3 m per tick
    const { conn } = k.join('a', bank.x, start);
    const walk = (dy: number, ticks: number) => {
      for (let i = 0; i < ticks; i++) {
        k.move('a', conn, 0, dy, TICK_MS);
        k.step();
      }
    };
    walk(-1, 4); // 1.2 m: still outside
    expect(k.sink.saved).toEqual([]);
    walk(-1, 1);
    expect(k.sink.saved).toHaveLength(1);
    const entered = k.sink.saved[0]?.[0];
    expect(entered?.characterId).toBe('a');
    expect(Math.abs((entered?.y ?? 0) - bank.y)).toBeLessThanOrEqual(BANK_RANGE);

    walk(-1, 10); // moving inside the range writes nothing more
    expect(k.sink.saved).toHaveLength(1);
    walk(1, 30);
    expect(k.sink.saved).toHaveLength(2);
    expect(Math.abs((k.sink.saved[1]?.[0]?.y ?? 0) - bank.y)).toBeGreaterThan(BANK_RANGE);
  });
});

describe('Zone: stats', () => {
  it('moves a character at the speed its stats give it', () => {
    const k = zoneKit();
    const { conn } = k.join('a', 100, 100);
    k.setStats('a', { speed: 3, health: 50, maxHealth: 120, level: 3 });
    k.move('a', conn, 1, 0, TICK_MS);
    k.step();
    expect(k.zone.player('a')?.x).toBeCloseTo(100 + 3 * (TICK_MS / 1000), 9);
    // the zone owns health: new stats change the maximum, not the simulated health…
    expect(k.zone.player('a')).toMatchObject({ health: 100, maxHealth: 120 });
    // …unless told to take the loaded health
    k.setStats('a', { speed: 3, health: 50, maxHealth: 120, level: 3 }, 'take');
    expect(k.zone.player('a')).toMatchObject({ health: 50, maxHealth: 120 });
  });
});

describe('Zone: service point proximity', () => {
  /** Walks `id` n ticks along (dx, dy), one tick's input each. */
  const walker =
    (k: ReturnType<typeof zoneKit>, id: string, conn: Parameters<typeof k.move>[1]) =>
    (dx: number, dy: number, ticks: number) => {
      for (let i = 0; i < ticks; i++) {
        k.move(id, conn, dx, dy, TICK_MS);
        k.step();
      }
    };

  it('saves the position at once when a character enters and leaves INTERACT_RANGE of a contact', () => {
    const k = zoneKit();
    const { conn } = k.join('a', regina.x, regina.y + INTERACT_RANGE + 1.4);
    const walk = walker(k, 'a', conn);
    walk(0, -1, 4); // 1.2 m: still outside
    expect(k.sink.saved).toEqual([]);
    walk(0, -1, 1);
    expect(k.sink.saved).toHaveLength(1);
    const entered = k.sink.saved[0]?.[0];
    expect(
      Math.hypot((entered?.x ?? 0) - regina.x, (entered?.y ?? 0) - regina.y),
    ).toBeLessThanOrEqual(INTERACT_RANGE);
    walk(0, -1, 3); // still in range: nothing more
    expect(k.sink.saved).toHaveLength(1);
    walk(0, 1, 10);
    expect(k.sink.saved).toHaveLength(2);
    const left = k.sink.saved[1]?.[0];
    expect(Math.hypot((left?.x ?? 0) - regina.x, (left?.y ?? 0) - regina.y)).toBeGreaterThan(
      INTERACT_RANGE,
    );
  });

  it('saves at once at a metro station, and when joining already next to one', () => {
    const k = zoneKit();
    const { conn } = k.join('a', metro.x + INTERACT_RANGE + 0.2, metro.y);
    walker(k, 'a', conn)(-1, 0, 1);
    expect(k.sink.saved).toHaveLength(1);
    expect(k.sink.saved[0]?.[0]?.x).toBeLessThanOrEqual(metro.x + INTERACT_RANGE);

    k.join('b', metro.x, metro.y + 1);
    expect(k.sink.saved).toHaveLength(2);
    expect(k.sink.saved[1]).toEqual([
      expect.objectContaining({ characterId: 'b', zoneId: 'watson', x: metro.x, y: metro.y + 1 }),
    ]);
  });
});
