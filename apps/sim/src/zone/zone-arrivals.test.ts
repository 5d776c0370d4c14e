import { describe, expect, it } from 'vitest';
import { createLog, type SimCharacter } from '@necp/game';
import { zoneById, type ZoneContent } from '@necp/shared';
import { FakeConnection } from '../testing/fake-connection';
import { zoneKit } from '../testing/zone-kit';
import { Zone } from './zone';

describe('Zone: leaving and arriving (metro)', () => {
  it('leave() hands over the entity of the client in control only, removed and saved', () => {
    const k = zoneKit();
    const { conn } = k.join('a', 100, 100);
    expect(k.zone.leave('a', new FakeConnection())).toBeUndefined();
    expect(k.zone.player('a')).toBeDefined();
    const left = k.zone.leave('a', conn);
    expect(left).toMatchObject({ characterId: 'a', x: 100, y: 100 });
    expect(k.zone.player('a')).toBeUndefined();
    expect(k.sink.latest('a')).toMatchObject({ zoneId: 'watson', x: 100, y: 100 });
  });

  it('attach with `at` and `from`: placed there, saved with its zone at once, cooldowns carried, welcome left to the caller', () => {
    const k = zoneKit();
    const { conn } = k.join('a', 100, 100, 'user-a', { health: 64, maxHealth: 100 });
    const mine = k.zone.player('a');
    mine?.combat.cooldowns.set('solo_power_shot', k.clock.ms() + 30_000);
    const left = k.zone.leave('a', conn);
    if (!left) throw new Error('not left');

    // a second zone sharing the position sink, as zones of one process do
    const westbrook = new Zone({
      content: zoneById('westbrook') as ZoneContent,
      clock: k.clock,
      log: createLog('t', 'silent'),
      positions: k.sink,
      npcs: false,
    });
    const arriving = new FakeConnection();
    const character: SimCharacter = {
      id: 'a',
      userId: 'user-a',
      name: 'a',
      level: 3,
      classId: 'solo',
      health: 64,
      maxHealth: 100,
      zoneId: 'westbrook',
      x: 384,
      y: 672,
    };
    const res = westbrook.attach(
      character,
      arriving,
      { speed: left.speed, health: 64, maxHealth: 100, level: 3 },
      // not a service point: saved because it is an arrival
      { at: { x: 380, y: 600 }, from: left, sendWelcome: false },
    );
    expect(arriving.welcomes).toEqual([]);
    expect(res.resumed).toBe(false);
    expect(res.welcome).toMatchObject({
      zone: { id: 'westbrook' },
      self: { x: 38000, y: 60000, health: 64 },
    });
    expect(k.sink.saved.at(-1)).toEqual([
      { characterId: 'a', zoneId: 'westbrook', x: 380, y: 600, health: 64 },
    ]);
    expect(westbrook.player('a')?.combat.cooldowns.get('solo_power_shot')).toBe(
      k.clock.ms() + 30_000,
    );
  });

  it('healPlayer heals the living up to the maximum and shows it in the next snapshot', () => {
    const k = zoneKit();
    const { conn, eid } = k.join('a', 100, 100, 'user-a', { health: 70, maxHealth: 100 });
    k.step();
    conn.take();
    expect(k.zone.healPlayer('a', 20)).toBe(20);
    expect(k.zone.healPlayer('a', 50)).toBe(10);
    expect(k.zone.healPlayer('nobody', 50)).toBe(0);
    k.step();
    const [snap] = conn.take();
    expect(snap?.hp).toEqual([[eid, 100, 100]]);
    expect(snap?.ev?.filter((e) => e.k === 'heal')).toEqual([
      { k: 'heal', src: eid, dst: eid, n: 20 },
      { k: 'heal', src: eid, dst: eid, n: 10 },
    ]);

    k.join('dead', 110, 100, 'user-dead', { health: 0 });
    expect(k.zone.healPlayer('dead', 50)).toBe(0);
    expect(k.zone.player('dead')?.health).toBe(0);
  });
});
