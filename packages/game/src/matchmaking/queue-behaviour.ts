/**
 * The matchmaking behaviour every store must show, written once and run against
 * each (memory-store.test.ts, redis-store.test.ts): queueing, widening windows,
 * team and group formation, the ready check, penalties, estimates, reconnects and
 * refused input — through the domain services, on real PostgreSQL, with a fake clock.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../core/clock';
import { expectDomainError, testDb } from '../accounts/test-deps';
import { QueuePenaltyError } from './errors';
import { joinQueue } from './join-queue';
import { leaveQueue } from './leave-queue';
import type { MatchmakingStore } from './matchmaking-store';
import { readQueueStatus } from './queue-status';
import { answerReadyCheck } from './ready-check';
import { releaseMatch } from './release-match';
import { runMatchmakerTick } from './run-matchmaker';
import { character, characters, mmDeps, party } from './test-helpers';
import { matchMemberIds, type MatchState } from './tickets';

export interface StoreHarness {
  /** A fresh, empty store; `peer` is another handle on the same queues (another process, a reconnect). */
  open(clock: FakeClock): Promise<{
    store: MatchmakingStore;
    peer: () => MatchmakingStore;
    close: () => Promise<void>;
  }>;
}

const ARENA_1V1 = { queue: 'arena', bracket: '1v1' } as const;
const ARENA_3V3 = { queue: 'arena', bracket: '3v3' } as const;
const DUNGEON_LEVEL = { level: 20 }; // within the vault's levels (14–30)
const sorted = (ids: readonly string[]) => [...ids].sort();
const teamsOf = (m: MatchState) =>
  m.teams.map((t) => sorted(t.flatMap((x) => x.members.map((y) => y.characterId))));

export function describeMatchmakingBehaviour(name: string, harness: StoreHarness) {
  describe(`matchmaking behaviour (${name} store)`, () => {
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
      const d = mmDeps(db, h.store, clock);
      return { d, clock, peer: () => mmDeps(db, h.peer(), clock) };
    }
    const nameOf = async (id: string) =>
      (await db.character.findUniqueOrThrow({ where: { id } })).name;

    it('queues, shows the wait after a reconnect, refuses a second queue, leaves', async () => {
      const { d, clock, peer } = await setup();
      const a = await character(db, { level: 20 });
      expect(await joinQueue(d, { characterId: a, request: ARENA_1V1 })).toMatchObject({
        state: 'queued',
        queue: 'arena_1v1',
        waitedMs: 0,
        estimatedWaitMs: null,
        memberIds: [a],
      });
      clock.advance(5_000);
      expect(await readQueueStatus(peer(), { characterId: a })).toMatchObject({
        state: 'queued',
        waitedMs: 5_000,
        enqueuedAt: clock.ms() - 5_000,
      });
      await expectDomainError(
        joinQueue(d, { characterId: a, request: { queue: 'dungeon', role: 'tank' } }),
        'CONFLICT',
        'You are already in a queue.',
      );
      expect(await leaveQueue(peer(), { characterId: a })).toEqual({ memberIds: [a] });
      expect(await readQueueStatus(d, { characterId: a })).toEqual({ state: 'idle' });
      await expectDomainError(
        leaveQueue(d, { characterId: a }),
        'NOT_FOUND',
        'You are not in a queue.',
      );
    });

    it('the rating window widens: a 1500 and an 1800 meet only after 40 s', async () => {
      const { d, clock } = await setup();
      const a = await character(db, { rating: 1500 });
      const b = await character(db, { rating: 1800 });
      await joinQueue(d, { characterId: a, request: ARENA_1V1 });
      await joinQueue(d, { characterId: b, request: ARENA_1V1 });
      expect((await runMatchmakerTick(d)).formed).toEqual([]);
      clock.advance(30_000);
      expect((await runMatchmakerTick(d)).formed).toEqual([]);
      clock.advance(10_000);
      const { formed } = await runMatchmakerTick(d);
      expect(formed).toHaveLength(1);
      expect(sorted(teamsOf(formed[0]!).flat())).toEqual(sorted([a, b]));
      expect(formed[0]).toMatchObject({ kind: 'arena', bracket: '1v1', phase: 'pending' });
      expect(await readQueueStatus(d, { characterId: a })).toMatchObject({
        state: 'ready_check',
        matchId: formed[0]!.id,
        remainingMs: 20_000,
        accepted: false,
        memberCount: 2,
      });
    });

    it('3v3: a party queued by its leader stays one team; its members cannot queue elsewhere', async () => {
      const { d } = await setup();
      const trio = await characters(db, 3);
      await party(db, trio);
      await expectDomainError(
        joinQueue(d, { characterId: trio[1]!, request: ARENA_3V3 }),
        'FORBIDDEN',
        'Only the party leader can queue the party.',
      );
      await joinQueue(d, { characterId: trio[0]!, request: ARENA_3V3 });
      await expectDomainError(
        joinQueue(d, { characterId: trio[2]!, request: ARENA_1V1 }),
        'CONFLICT',
        'You are already in a queue.',
      );
      const solos = await characters(db, 3);
      for (const s of solos) await joinQueue(d, { characterId: s, request: ARENA_3V3 });
      const { formed } = await runMatchmakerTick(d, { queues: ['arena_3v3'] });
      expect(formed).toHaveLength(1);
      expect(teamsOf(formed[0]!)).toContainEqual(sorted(trio));
      expect(teamsOf(formed[0]!)).toContainEqual(sorted(solos));

      const four = await characters(db, 4);
      await party(db, four);
      await expectDomainError(
        joinQueue(d, { characterId: four[0]!, request: ARENA_3V3 }),
        'VALIDATION',
      );
    });

    it('dungeon: 1 tank, 1 support, 3 damage; a party brings the roles its leader chose', async () => {
      const { d, clock } = await setup();
      const duo = await characters(db, 2, DUNGEON_LEVEL);
      await party(db, duo);
      await expectDomainError(
        joinQueue(d, { characterId: duo[0]!, request: { queue: 'dungeon', role: 'tank' } }),
        'VALIDATION',
        `Choose a role for ${await nameOf(duo[1]!)}.`,
      );
      await expectDomainError(
        joinQueue(d, {
          characterId: duo[0]!,
          request: { queue: 'dungeon', role: 'tank', partyRoles: { [duo[1]!]: 'tank' } },
        }),
        'VALIDATION',
      );
      await joinQueue(d, {
        characterId: duo[0]!,
        request: { queue: 'dungeon', role: 'tank', partyRoles: { [duo[1]!]: 'damage' } },
      });
      const [sup, dmg1, dmg2, extra] = await characters(db, 4, DUNGEON_LEVEL);
      await joinQueue(d, { characterId: sup!, request: { queue: 'dungeon', role: 'support' } });
      for (const c of [dmg1!, dmg2!, extra!]) {
        clock.advance(1); // queue order decides who of the damage gets in
        await joinQueue(d, { characterId: c, request: { queue: 'dungeon', role: 'damage' } });
      }
      const { formed } = await runMatchmakerTick(d, { queues: ['dungeon'] });
      expect(formed).toHaveLength(1);
      expect(sorted(matchMemberIds(formed[0]!))).toEqual(sorted([...duo, sup!, dmg1!, dmg2!]));
      const roles = formed[0]!.teams[0]!.flatMap((t) => t.members.map((m) => m.role)).sort();
      expect(roles).toEqual(['damage', 'damage', 'damage', 'support', 'tank']);
      expect(await readQueueStatus(d, { characterId: extra! })).toMatchObject({ state: 'queued' });
    });

    it('ready check: all accept → confirmed once; nobody in it can queue until it is released', async () => {
      const { d } = await setup();
      const [a, b] = await characters(db, 2, DUNGEON_LEVEL);
      await joinQueue(d, { characterId: a!, request: ARENA_1V1 });
      await joinQueue(d, { characterId: b!, request: ARENA_1V1 });
      const [m] = (await runMatchmakerTick(d)).formed;
      const answer = (id: string, accept = true) =>
        answerReadyCheck(d, { characterId: id, matchId: m!.id, accept });
      expect(await answer(a!)).toEqual({
        state: 'pending',
        matchId: m!.id,
        acceptedCount: 1,
        memberCount: 2,
      });
      expect(await answer(a!)).toMatchObject({ state: 'pending', acceptedCount: 1 });
      const done = await answer(b!);
      expect(done).toEqual({
        state: 'confirmed',
        match: {
          matchId: m!.id,
          queue: 'arena_1v1',
          kind: 'arena',
          bracket: '1v1',
          teams: m!.teams.map((t) => t.flatMap((x) => x.members.map((y) => y.characterId))),
        },
      });
      await expectDomainError(answer(a!), 'INVALID_STATE');
      await expectDomainError(answer(a!, false), 'INVALID_STATE');
      expect(await readQueueStatus(d, { characterId: a! })).toMatchObject({ state: 'in_match' });
      await expectDomainError(
        joinQueue(d, { characterId: b!, request: { queue: 'dungeon', role: 'damage' } }),
        'CONFLICT',
        'You are already in a match.',
      );
      expect((await runMatchmakerTick(d)).formed).toEqual([]);
      expect(await releaseMatch(d, { matchId: m!.id })).toBe(true);
      expect(await releaseMatch(d, { matchId: m!.id })).toBe(false);
      expect(await readQueueStatus(d, { characterId: a! })).toEqual({ state: 'idle' });
      await joinQueue(d, { characterId: a!, request: ARENA_1V1 });
    });

    it('decline: the decliner gets a growing penalty; the others go back to the front with their time', async () => {
      const { d, clock } = await setup();
      const a = await character(db, { rating: 1500 });
      const b = await character(db, { rating: 1500 });
      const far = await character(db, { rating: 2500 });
      const t0 = clock.ms();
      await joinQueue(d, { characterId: a, request: ARENA_1V1 });
      clock.advance(500);
      await joinQueue(d, { characterId: far, request: ARENA_1V1 });
      clock.advance(500);
      await joinQueue(d, { characterId: b, request: ARENA_1V1 });
      const [m] = (await runMatchmakerTick(d)).formed;
      expect(sorted(matchMemberIds(m!))).toEqual(sorted([a, b]));
      await answerReadyCheck(d, { characterId: a, matchId: m!.id, accept: true });
      const out = await answerReadyCheck(d, { characterId: b, matchId: m!.id, accept: false });
      expect(out).toEqual({
        state: 'dissolved',
        dissolved: {
          matchId: m!.id,
          queue: 'arena_1v1',
          reason: 'declined',
          requeued: [a],
          freed: [],
          penalised: [{ characterId: b, until: clock.ms() + 60_000 }],
        },
      });
      expect(await readQueueStatus(d, { characterId: a })).toMatchObject({
        state: 'queued',
        enqueuedAt: t0,
      });
      const front = await d.store.oldestTickets('arena_1v1', 10);
      expect(front.map((t) => t.leaderId)).toEqual([a, far]);
      expect(await readQueueStatus(d, { characterId: b })).toEqual({ state: 'idle' });

      const e = await expectDomainError(
        joinQueue(d, { characterId: b, request: ARENA_1V1 }),
        'RATE_LIMITED',
        'You declined or missed a ready check: you can queue again in 1 min.',
      );
      expect(e).toBeInstanceOf(QueuePenaltyError);
      expect((e as QueuePenaltyError).until.getTime()).toBe(clock.ms() + 60_000);
      clock.advance(60_000);
      await joinQueue(d, { characterId: b, request: ARENA_1V1 });
      const [again] = (await runMatchmakerTick(d)).formed;
      expect(sorted(matchMemberIds(again!))).toEqual(sorted([a, b]));
      await answerReadyCheck(d, { characterId: b, matchId: again!.id, accept: false });
      clock.advance(60_000);
      await expectDomainError(
        joinQueue(d, { characterId: b, request: ARENA_1V1 }),
        'RATE_LIMITED',
        'You declined or missed a ready check: you can queue again in 4 min.',
      );
    });

    it('timeout: silent members are penalised, acceptors requeued at their time; a late accept is too late', async () => {
      const { d, clock } = await setup();
      const [a, b] = await characters(db, 2);
      const t0 = clock.ms();
      await joinQueue(d, { characterId: a!, request: ARENA_1V1 });
      await joinQueue(d, { characterId: b!, request: ARENA_1V1 });
      const [m] = (await runMatchmakerTick(d)).formed;
      await answerReadyCheck(d, { characterId: a!, matchId: m!.id, accept: true });
      clock.advance(19_999);
      expect((await runMatchmakerTick(d, { queues: [] })).dissolved).toEqual([]);
      clock.advance(1);
      const { dissolved, formed } = await runMatchmakerTick(d);
      expect(formed).toEqual([]);
      expect(dissolved).toEqual([
        {
          matchId: m!.id,
          queue: 'arena_1v1',
          reason: 'timeout',
          requeued: [a],
          freed: [],
          penalised: [{ characterId: b, until: clock.ms() + 60_000 }],
        },
      ]);
      expect(await readQueueStatus(d, { characterId: a! })).toMatchObject({
        state: 'queued',
        enqueuedAt: t0,
      });
      await expectDomainError(
        joinQueue(d, { characterId: b!, request: ARENA_1V1 }),
        'RATE_LIMITED',
      );
      await expectDomainError(
        answerReadyCheck(d, { characterId: b!, matchId: m!.id, accept: true }),
        'NOT_FOUND',
      );

      // an accept that arrives after the deadline but before any sweep dissolves the check itself
      const c = await character(db);
      await joinQueue(d, { characterId: c, request: ARENA_1V1 });
      const [m2] = (await runMatchmakerTick(d)).formed;
      clock.advance(20_000);
      const late = await answerReadyCheck(d, { characterId: c, matchId: m2!.id, accept: true });
      expect(late).toMatchObject({
        state: 'dissolved',
        dissolved: { reason: 'timeout', requeued: [] },
      });
      if (late.state !== 'dissolved') throw new Error('not dissolved');
      expect(sorted(late.dissolved.penalised.map((p) => p.characterId))).toEqual(sorted([a!, c]));
    });

    it('a party member who misses the ready check costs the party its place; only they are penalised', async () => {
      const { d, clock } = await setup();
      const trio = await characters(db, 3);
      await party(db, trio);
      await joinQueue(d, { characterId: trio[0]!, request: ARENA_3V3 });
      const solos = await characters(db, 3);
      for (const s of solos) await joinQueue(d, { characterId: s, request: ARENA_3V3 });
      const [m] = (await runMatchmakerTick(d)).formed;
      for (const id of [...solos, trio[0]!, trio[1]!])
        await answerReadyCheck(d, { characterId: id, matchId: m!.id, accept: true });
      clock.advance(20_000);
      const [gone] = (await runMatchmakerTick(d, { queues: [] })).dissolved;
      expect(sorted(gone!.requeued)).toEqual(sorted(solos));
      expect(sorted(gone!.freed)).toEqual(sorted([trio[0]!, trio[1]!]));
      expect(gone!.penalised.map((p) => p.characterId)).toEqual([trio[2]]);
      await expectDomainError(
        joinQueue(d, { characterId: trio[0]!, request: ARENA_3V3 }),
        'RATE_LIMITED',
        `${await nameOf(trio[2]!)} declined or missed a ready check and cannot queue for 1 min.`,
      );
    });

    it('the estimated wait is the median of the queue’s recent waits', async () => {
      const { d, clock } = await setup();
      const a = await character(db, { rating: 1500 });
      const b = await character(db, { rating: 1800 });
      await joinQueue(d, { characterId: a, request: ARENA_1V1 });
      await joinQueue(d, { characterId: b, request: ARENA_1V1 });
      clock.advance(40_000);
      expect((await runMatchmakerTick(d)).formed).toHaveLength(1);
      const c = await character(db);
      expect(await joinQueue(d, { characterId: c, request: ARENA_1V1 })).toMatchObject({
        estimatedWaitMs: 40_000,
      });
      expect(await d.store.recentWaits('arena_3v3')).toEqual([]);
    });

    it('bad input is refused at the edge', async () => {
      const { d } = await setup();
      const [a, b] = await characters(db, 2);
      const bad = [
        { queue: 'battleground' },
        { queue: 'arena', bracket: '2v2' },
        { queue: 'arena' },
        { queue: 'dungeon', role: 'healer' },
        { queue: 'raid', role: 'tank', partyRoles: { x: 'dps' } },
        { queue: 'dungeon', role: 'tank', extra: 1 },
      ];
      for (const request of bad)
        await expectDomainError(
          joinQueue(d, { characterId: a!, request: request as never }),
          'VALIDATION',
          'That is not a queue you can join.',
        );
      await expectDomainError(
        joinQueue(d, {
          characterId: a!,
          request: { queue: 'dungeon', role: 'tank', partyRoles: { [b!]: 'damage' } },
        }),
        'VALIDATION',
        'Roles are for your party members.',
      );
      await expectDomainError(
        answerReadyCheck(d, { characterId: a!, matchId: 'x y', accept: true }),
        'VALIDATION',
      );
      await expectDomainError(
        answerReadyCheck(d, { characterId: a!, matchId: 'nope', accept: true }),
        'NOT_FOUND',
      );
      // someone else's ready check
      await joinQueue(d, { characterId: a!, request: ARENA_1V1 });
      await joinQueue(d, { characterId: b!, request: ARENA_1V1 });
      const [m] = (await runMatchmakerTick(d)).formed;
      const stranger = await character(db);
      await expectDomainError(
        answerReadyCheck(d, { characterId: stranger, matchId: m!.id, accept: false }),
        'NOT_FOUND',
      );
      expect(await readQueueStatus(d, { characterId: stranger })).toEqual({ state: 'idle' });
    });
  });
}
