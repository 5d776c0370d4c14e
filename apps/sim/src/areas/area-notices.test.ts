import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TICK_MS, zoneById, type AreaEnteredMsg } from '@necp/shared';
import {
  DomainError,
  FakeClock,
  createLog,
  type RecordAreaEnteredInput,
  type recordAreaEntered,
} from '@necp/game';
import { testDb } from '../testing/test-db';
import { bootTestSim, createPlayerAt, type TestSim } from '../testing/test-sim';
import type { Player } from '../zone/player';
import { AREA_NOTICE_MS, AREA_RETRY_DELAYS_MS, AreaNotices } from './area-notices';
import { WAIT } from '../testing/eventually';

const KABUKI = zoneById('watson')?.areas.find((a) => a.id === 'kabuki_market');
if (!KABUKI) throw new Error('watson needs the kabuki_market area');
const kabuki = KABUKI;

describe('AreaNotices (unit)', () => {
  function setup(fail: (attempt: number) => Error | null) {
    const clock = new FakeClock();
    const calls: RecordAreaEnteredInput[] = [];
    const record = (async (_deps: unknown, input: RecordAreaEnteredInput) => {
      calls.push(input);
      const err = fail(calls.length);
      if (err) throw err;
      return true;
    }) as unknown as typeof recordAreaEntered;
    const notices = new AreaNotices(
      { db: undefined as never, clock },
      'watson',
      createLog('t', 'silent'),
      record,
    );
    const banners: AreaEnteredMsg[] = [];
    const player = {
      characterId: 'c1',
      conn: { area: (m: AreaEnteredMsg) => banners.push(m) },
    } as unknown as Player;
    return { clock, calls, notices, banners, player };
  }

  it('tells the client and publishes once per character and area per minute', async () => {
    const k = setup(() => null);
    k.notices.entered(k.player, kabuki);
    k.clock.advance(AREA_NOTICE_MS - 1);
    k.notices.entered(k.player, kabuki);
    await k.notices.idle();
    expect(k.banners).toEqual([{ areaId: 'kabuki_market', name: 'Kabuki Market' }]);
    expect(k.calls).toEqual([
      {
        characterId: 'c1',
        zoneId: 'watson',
        areaId: 'kabuki_market',
        key: `area.entered:c1:kabuki_market:${k.clock.ms() - AREA_NOTICE_MS + 1}`,
      },
    ]);
    k.clock.advance(1);
    k.notices.entered(k.player, kabuki);
    await k.notices.idle();
    expect(k.banners).toHaveLength(2);
    expect(k.calls.map((c) => c.key)).toEqual([
      expect.any(String),
      `area.entered:c1:kabuki_market:${k.clock.ms()}`,
    ]);
  });

  it('retries a failed publish with the same key until it lands, never giving up', async () => {
    let failing = true;
    const k = setup(() => (failing ? new Error('db down') : null));
    k.notices.entered(k.player, kabuki);
    await k.notices.idle();
    const last = AREA_RETRY_DELAYS_MS.at(-1)!;
    // the schedule, then once more at its last delay
    for (const delay of [...AREA_RETRY_DELAYS_MS, last]) {
      k.clock.advance(delay);
      k.notices.tick(k.clock.ms());
      await k.notices.idle();
    }
    // past the schedule: still waiting, at the last delay
    expect(k.calls).toHaveLength(2 + AREA_RETRY_DELAYS_MS.length);
    expect(k.notices.retries.waiting).toBe(1);
    failing = false;
    k.clock.advance(last);
    k.notices.tick(k.clock.ms());
    await k.notices.idle();
    expect(k.calls).toHaveLength(3 + AREA_RETRY_DELAYS_MS.length);
    expect(new Set(k.calls.map((c) => c.key)).size).toBe(1);
    expect(k.notices.retries.waiting).toBe(0);
  });

  it('does not retry a domain refusal (e.g. the character was deleted)', async () => {
    const k = setup(() => new DomainError('NOT_FOUND', 'gone'));
    k.notices.entered(k.player, kabuki);
    await k.notices.idle();
    expect(k.notices.retries.waiting).toBe(0);
    expect(k.calls).toHaveLength(1);
  });
});

const db = testDb();
afterAll(() => db.$disconnect());

describe('entering an area (socket)', () => {
  let sim: TestSim;
  beforeEach(async () => {
    sim = await bootTestSim(db);
  });
  afterEach(() => sim.close());

  const events = (characterId: string) =>
    db.outboxEvent.findMany({
      where: { type: 'area.entered', key: { startsWith: `area.entered:${characterId}:` } },
      orderBy: { id: 'asc' },
    });

  it('walking in sends zone:area and publishes area.entered; walking the edge does not flood', async () => {
    // 1.2 m (4 ticks) north of the edge (the south side holds q_welcome's Plaza Edge)
    const p = await createPlayerAt(db, kabuki.x, kabuki.y - kabuki.radius - 1.2);
    const { client } = await sim.join(p);
    let seq = 0;
    const walk = async (dy: number, ticks: number) => {
      for (let i = 0; i < ticks; i++) {
        await client.move({ seq: ++seq, dx: 0, dy, ms: TICK_MS });
        sim.step();
      }
      await client.sync();
    };
    await walk(1, 3);
    expect(client.pending('zone:area')).toBe(0);
    await walk(1, 2);
    expect(client.take('zone:area')).toEqual([{ areaId: 'kabuki_market', name: 'Kabuki Market' }]);
    await vi.waitFor(async () => expect(await events(p.characterId)).toHaveLength(1), WAIT);
    const [first] = await events(p.characterId);
    expect(first).toMatchObject({
      payload: { characterId: p.characterId, zoneId: 'watson', areaId: 'kabuki_market' },
    });
    expect(first?.key).toMatch(new RegExp(`^area\\.entered:${p.characterId}:kabuki_market:\\d+$`));

    // out and back in within the minute: nothing more
    await walk(-1, 3);
    await walk(1, 3);
    expect(client.pending('zone:area')).toBe(0);
    // a minute later it counts again
    await walk(-1, 3);
    sim.clock.advance(AREA_NOTICE_MS);
    await walk(1, 3);
    expect(client.take('zone:area')).toHaveLength(1);
    await vi.waitFor(async () => expect(await events(p.characterId)).toHaveLength(2), WAIT);
  });

  it('a character that enters the world inside an area has entered it', async () => {
    const p = await createPlayerAt(db, kabuki.x, kabuki.y);
    const { client } = await sim.join(p);
    expect(client.pending('zone:area')).toBe(0);
    sim.step();
    expect(await client.next('zone:area')).toEqual({
      areaId: 'kabuki_market',
      name: 'Kabuki Market',
    });
    await vi.waitFor(async () => expect(await events(p.characterId)).toHaveLength(1), WAIT);
  });
});
