/**
 * The level rules every store must show (docs/matchmaking.md "Level ranges"), run
 * against each beside the main suite (memory-store.test.ts, redis-store.test.ts):
 * a queue out of range is refused with the reason — for a party, naming who — and
 * nothing is queued; tickets of different level bands never match, however long
 * they wait; a backfill takes a solo of the group's band only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../core/clock';
import { expectDomainError, testDb } from '../accounts/test-deps';
import { requestBackfill } from './backfill';
import { LevelRangeError } from './errors';
import { joinQueue } from './join-queue';
import { readQueueStatus } from './queue-status';
import type { StoreHarness } from './queue-behaviour';
import { runMatchmakerTick } from './run-matchmaker';
import { character, mmDeps, party } from './test-helpers';
import { matchMemberIds } from './tickets';

const ARENA_1V1 = { queue: 'arena', bracket: '1v1' } as const;
/** long past the widest rating window: only the band can keep two tickets apart */
const LONG_WAIT_MS = 10 * 60_000;

export function describeLevelBehaviour(name: string, harness: StoreHarness) {
  describe(`matchmaking level ranges and bands (${name} store)`, () => {
    const db = testDb();
    afterAll(() => db.$disconnect());
    let closers: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of closers) await c();
      closers = [];
    });
    async function setup() {
      const clock = new FakeClock();
      const h = await harness.open(clock);
      closers.push(h.close);
      return { d: mmDeps(db, h.store, clock), clock, peer: () => mmDeps(db, h.peer(), clock) };
    }
    const nameOf = async (id: string) =>
      (await db.character.findUniqueOrThrow({ where: { id } })).name;

    it('a solo out of a dungeon’s or raid’s range is refused with the range, and not queued', async () => {
      const { d } = await setup();
      const newbie = await character(db, { level: 1 });
      const e = await expectDomainError(
        joinQueue(d, { characterId: newbie, request: { queue: 'dungeon', role: 'damage' } }),
        'FORBIDDEN',
        'Arasaka Data Vault is for levels 14–30: you are level 1.',
      );
      expect(e).toBeInstanceOf(LevelRangeError);
      expect((e as LevelRangeError).characterIds).toEqual([newbie]);
      expect(await readQueueStatus(d, { characterId: newbie })).toEqual({ state: 'idle' });
      const veteran = await character(db, { level: 31 });
      await expectDomainError(
        joinQueue(d, { characterId: veteran, request: { queue: 'dungeon', role: 'tank' } }),
        'FORBIDDEN',
        'Arasaka Data Vault is for levels 14–30: you are level 31.',
      );
      await expectDomainError(
        joinQueue(d, { characterId: veteran, request: { queue: 'raid', role: 'tank' } }),
        'FORBIDDEN',
        'Quantum Reef Siege is for levels 34–50: you are level 31.',
      );
      // the edges are in; the arena takes anyone
      const edge = await character(db, { level: 14 });
      await joinQueue(d, { characterId: edge, request: { queue: 'dungeon', role: 'tank' } });
      expect(await readQueueStatus(d, { characterId: edge })).toMatchObject({ state: 'queued' });
      await joinQueue(d, { characterId: newbie, request: ARENA_1V1 });
      expect(await readQueueStatus(d, { characterId: newbie })).toMatchObject({
        state: 'queued',
        queue: 'arena_1v1',
      });
    });

    it('a party is refused when any member is out of range: the message names them', async () => {
      const { d, peer } = await setup();
      const lead = await character(db, { level: 20 });
      const low = await character(db, { level: 2 });
      const ok = await character(db, { level: 16 });
      await party(db, [lead, low, ok]);
      const lowName = await nameOf(low);
      const e = await expectDomainError(
        joinQueue(d, {
          characterId: lead,
          request: {
            queue: 'dungeon',
            role: 'tank',
            partyRoles: { [low]: 'damage', [ok]: 'support' },
          },
        }),
        'FORBIDDEN',
        `Arasaka Data Vault is for levels 14–30: ${lowName} (level 2) is not.`,
      );
      expect((e as LevelRangeError).characterIds).toEqual([low]);
      for (const id of [lead, low, ok])
        expect(await readQueueStatus(peer(), { characterId: id })).toEqual({ state: 'idle' });
      await db.character.update({ where: { id: low }, data: { level: 14 } });
      await joinQueue(d, {
        characterId: lead,
        request: {
          queue: 'dungeon',
          role: 'tank',
          partyRoles: { [low]: 'damage', [ok]: 'support' },
        },
      });
      expect(await readQueueStatus(peer(), { characterId: low })).toMatchObject({
        state: 'queued',
      });
    });

    it('arena tickets of two level bands never match, however long they wait', async () => {
      const { d, clock, peer } = await setup();
      const nine = await character(db, { level: 9 });
      const ten = await character(db, { level: 10 });
      await joinQueue(d, { characterId: nine, request: ARENA_1V1 });
      await joinQueue(peer(), { characterId: ten, request: ARENA_1V1 });
      clock.advance(LONG_WAIT_MS);
      expect((await runMatchmakerTick(d)).formed).toEqual([]);
      // one of ten's band arrives: they meet; nine waits for a 1–9
      const nineteen = await character(db, { level: 19 });
      await joinQueue(d, { characterId: nineteen, request: ARENA_1V1 });
      const { formed } = await runMatchmakerTick(peer());
      expect(formed.map((m) => matchMemberIds(m).sort())).toEqual([[ten, nineteen].sort()]);
      expect(await readQueueStatus(d, { characterId: nine })).toMatchObject({ state: 'queued' });
    });

    it('a 3v3 party plays in its strongest member’s band', async () => {
      const { d, clock } = await setup();
      const mixed = [await character(db, { level: 5 }), await character(db, { level: 12 })];
      await party(db, mixed);
      await joinQueue(d, { characterId: mixed[0]!, request: { queue: 'arena', bracket: '3v3' } });
      const low = [];
      for (let i = 0; i < 4; i++) low.push(await character(db, { level: 3 + i }));
      for (const id of low)
        await joinQueue(d, { characterId: id, request: { queue: 'arena', bracket: '3v3' } });
      clock.advance(LONG_WAIT_MS);
      // four of 1–9 and a party of the 10–19 band: no six of one band
      expect((await runMatchmakerTick(d, { queues: ['arena_3v3'] })).formed).toEqual([]);
      const teens = [];
      for (let i = 0; i < 4; i++) teens.push(await character(db, { level: 10 + i }));
      for (const id of teens)
        await joinQueue(d, { characterId: id, request: { queue: 'arena', bracket: '3v3' } });
      const { formed } = await runMatchmakerTick(d, { queues: ['arena_3v3'] });
      expect(formed.map((m) => matchMemberIds(m).sort())).toEqual([[...mixed, ...teens].sort()]);
    });

    it('a backfill takes a solo of its group’s band and spread only', async () => {
      const { d } = await setup();
      // the matcher serves backfills of open instances only
      const matchId = randomUUID();
      const instanceId = `dungeon-arasaka-vault--${matchId}`;
      await db.instance.create({
        data: {
          id: instanceId,
          matchId,
          templateId: 'dungeon-arasaka-vault',
          kind: 'dungeon',
          hostId: 'h',
        },
      });
      await requestBackfill(d, {
        queue: 'dungeon',
        matchId,
        instanceId,
        role: 'damage',
        levels: [28, 30],
      });
      const far = await character(db, { level: 16 });
      await joinQueue(d, { characterId: far, request: { queue: 'dungeon', role: 'damage' } });
      expect((await runMatchmakerTick(d, { queues: ['dungeon'] })).formed).toEqual([]);
      const near = await character(db, { level: 26 });
      await joinQueue(d, { characterId: near, request: { queue: 'dungeon', role: 'damage' } });
      const { formed } = await runMatchmakerTick(d, { queues: ['dungeon'] });
      expect(formed.map((m) => matchMemberIds(m))).toEqual([[near]]);
    });
  });
}
