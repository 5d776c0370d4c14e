import { describe, expect, it } from 'vitest';
import { createLog, type SimCharacter } from '@necp/game';
import { metroStations, zoneById, type ZoneContent } from '@necp/shared';
import { FakeConnection } from '../testing/fake-connection';
import { applyNow, zoneKit } from '../testing/zone-kit';
import { NOT_IN_ZONE } from '../net/refusals';
import { carriedCombat } from './zone-commands';
import { Zone } from './zone';

const station = metroStations((zoneById('watson') as ZoneContent).spawnPoints)[0] ?? { x: 0, y: 0 };

describe('Zone: leaving and arriving (metro)', () => {
  it('depart hands over the entity of the client in control only, removed and saved', () => {
    const k = zoneKit();
    const { conn } = k.join('a', station.x, station.y);
    expect(k.depart('a', new FakeConnection(), 'westbrook')).toEqual({
      ok: false,
      refusal: NOT_IN_ZONE,
    });
    expect(k.zone.player('a')).toBeDefined();
    const left = k.depart('a', conn, 'westbrook');
    expect(left).toMatchObject({ ok: true, player: { characterId: 'a', x: station.x } });
    expect(k.zone.player('a')).toBeUndefined();
    expect(k.sink.latest('a')).toMatchObject({ zoneId: 'watson', x: station.x, y: station.y });
  });

  it('attach with `at` and `carry`: placed there, saved with its zone at once, cooldowns carried, welcome left to the caller', () => {
    const k = zoneKit();
    const { conn } = k.join('a', station.x, station.y, 'user-a', { health: 64, maxHealth: 100 });
    const mine = k.zone.player('a');
    mine?.combat.cooldowns.set('solo_power_shot', k.clock.ms() + 30_000);
    const departed = k.depart('a', conn, 'westbrook');
    if (!departed.ok) throw new Error('not left');
    const left = departed.player;

    // a second zone sharing the position sink, as zones of one process do
    const westbrook = new Zone({
      content: zoneById('westbrook') as ZoneContent,
      clock: k.clock,
      log: createLog('t', 'silent'),
      positions: k.sink,
      npcs: false,
      applyCommands: 'at-once',
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
    const res = applyNow(
      westbrook,
      {
        k: 'attach',
        character,
        stats: { speed: left.speed, health: 64, maxHealth: 100, level: 3 },
        // not a service point: saved because it is an arrival
        at: { x: 380, y: 600 },
        carry: carriedCombat(left),
        sendWelcome: false,
      },
      arriving,
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
    expect(k.healPlayer('a', 20)).toBe(20);
    expect(k.healPlayer('a', 50)).toBe(10);
    expect(k.healPlayer('nobody', 50)).toBe(0);
    k.step();
    const [snap] = conn.take();
    expect(snap?.hp).toEqual([[eid, 100, 100]]);
    expect(snap?.ev?.filter((e) => e.k === 'heal')).toEqual([
      { k: 'heal', src: eid, dst: eid, n: 20 },
      { k: 'heal', src: eid, dst: eid, n: 10 },
    ]);

    k.join('dead', 110, 100, 'user-dead', { health: 0 });
    expect(k.healPlayer('dead', 50)).toBe(0);
    expect(k.zone.player('dead')?.health).toBe(0);
  });
});
