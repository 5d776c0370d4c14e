import { describe, expect, it } from 'vitest';
import { DROP_DESPAWN_MS, DROP_OWNER_MS } from '@necp/shared';
import type { SimCharacter, ZoneDrop } from '@necp/game';
import { FakeConnection } from '../testing/fake-connection';
import { zoneKit } from '../testing/zone-kit';
import { SimRefusal, ZONE_BUSY } from '../net/refusals';

const character = (id: string): SimCharacter => ({
  id,
  userId: `user-${id}`,
  name: id,
  level: 3,
  classId: 'solo',
  health: 60,
  maxHealth: 100,
  zoneId: 'watson',
  x: 100,
  y: 100,
});

const drop = (id: string): ZoneDrop => ({
  id,
  zoneId: 'watson',
  x: 101,
  y: 100,
  itemId: `item-${id}`,
  templateId: 'scrap_metal',
  name: 'Scrap Metal',
  rarity: 'common',
  quantity: 1,
  ownerCharacterId: null,
  ownerName: null,
  partyId: null,
  rollUntil: null,
  freeAt: Date.UTC(2026, 0, 1) + DROP_OWNER_MS,
  despawnAt: Date.UTC(2026, 0, 1) + DROP_DESPAWN_MS,
});

/** Remembers how each submitted command was answered, in answer order. */
function answers() {
  const got: { k: string; err: unknown; result: unknown }[] = [];
  const hear = (k: string) => (err: unknown, result?: unknown) => {
    got.push({ k, err, result });
  };
  return { got, hear };
}

describe('Zone inbox: the cap on client commands', () => {
  it('refuses client commands beyond the cap at once with UNAVAILABLE; database results and the lifecycle still enter and apply', () => {
    const k = zoneKit({ applyCommands: 'in-tick', inboxCap: 4 });
    const conns = ['a', 'b'].map((id) => {
      const conn = new FakeConnection();
      k.zone.submit({ k: 'attach', character: character(id) }, conn);
      return conn;
    });
    k.step();
    const [ca, cb] = conns as [FakeConnection, FakeConnection];
    expect(k.zone.playerCount).toBe(2);

    const { got, hear } = answers();
    // 3 × 30 ms: within one tick's play-out (PLAYOUT_CAP_MS), so all three apply in it
    for (let seq = 1; seq <= 3; seq++)
      k.zone.submit(
        { k: 'move', characterId: 'a', input: { seq, dx: 1, dy: 0, ms: 30 } },
        ca,
        hear('move'),
      );
    k.zone.submit({ k: 'cancel', characterId: 'b' }, cb, hear('cancel')); // the 4th: full now
    expect(got).toEqual([]);
    // beyond the cap: each kind of client command is refused now, never queued
    k.zone.submit(
      { k: 'move', characterId: 'b', input: { seq: 1, dx: 1, dy: 0, ms: 50 } },
      cb,
      hear('move'),
    );
    k.zone.submit({ k: 'use', characterId: 'b', use: { ability: 'solo_attack' } }, cb, hear('use'));
    k.zone.submit({ k: 'respawn', characterId: 'b' }, cb, hear('respawn'));
    k.zone.submit({ k: 'depart', characterId: 'b', to: 'westbrook' }, cb, hear('depart'));
    // a throwing answer does not take the zone down
    k.zone.submit({ k: 'cancel', characterId: 'b' }, cb, () => {
      throw new Error('a broken ack');
    });
    expect(got.map((g) => g.k)).toEqual(['move', 'use', 'respawn', 'depart']);
    for (const g of got) {
      expect(g.err).toBeInstanceOf(SimRefusal);
      expect(g.err).toMatchObject({ code: ZONE_BUSY.code, userMessage: ZONE_BUSY.message });
    }
    got.length = 0;

    // database results and the connection lifecycle are never refused, whatever the count
    for (let i = 0; i < 20; i++)
      k.zone.submit({ k: 'drop_add', drop: drop(`d${i}`) }, null, hear('drop'));
    k.zone.submit({ k: 'heal', characterId: 'a', amount: 15 }, null, hear('heal'));
    const late = new FakeConnection();
    k.zone.submit({ k: 'attach', character: character('c') }, late, hear('attach'));
    k.zone.submit({ k: 'detach', characterId: 'b' }, cb, hear('detach'));
    expect(got).toEqual([]);
    expect(k.zone.inboxSize).toBe(4 + 20 + 3);

    k.step();
    expect(got.filter((g) => g.err !== null)).toEqual([]);
    expect(got.filter((g) => g.k === 'drop' && g.result !== undefined)).toHaveLength(20);
    expect(k.zone.dropCount).toBe(20);
    expect(k.zone.player('a')?.health).toBe(75);
    expect(k.zone.player('c')).toBeDefined();
    expect(k.zone.player('b')?.conn).toBeNull();
    expect(k.zone.player('a')?.lastSeq).toBe(3);

    // the tick emptied the inbox: client commands are taken again
    got.length = 0;
    k.zone.submit({ k: 'cancel', characterId: 'a' }, ca, hear('cancel'));
    k.step();
    expect(got).toEqual([{ k: 'cancel', err: null, result: false }]);
  });

  it('counts per zone: the per-player input cap still refuses first (RATE_LIMITED)', () => {
    const k = zoneKit({ applyCommands: 'in-tick', inboxCap: 1_000 });
    const conn = new FakeConnection();
    k.zone.submit({ k: 'attach', character: character('a') }, conn);
    k.step();
    const { got, hear } = answers();
    for (let seq = 1; seq <= 70; seq++)
      k.zone.submit(
        { k: 'move', characterId: 'a', input: { seq, dx: 1, dy: 0, ms: 50 } },
        conn,
        hear('move'),
      );
    const refused = got.filter((g) => g.result !== undefined);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.result).toMatchObject({ ok: false, refusal: { code: 'RATE_LIMITED' } });
  });
});
