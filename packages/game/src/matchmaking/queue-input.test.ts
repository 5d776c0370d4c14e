// Bad ids reaching joinQueue and answerReadyCheck (NUL, lone surrogates, empty): refused
// as VALIDATION with the player's message, nothing queued, accepted or penalised. The
// request shapes themselves are queue-behaviour.ts's "bad input is refused at the edge".
import { afterAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../core/clock';
import { expectDomainError, testDb } from '../accounts/test-deps';
import { joinQueue } from './join-queue';
import { MemoryMatchmakingStore } from './memory-store';
import { readQueueStatus } from './queue-status';
import { answerReadyCheck } from './ready-check';
import { runMatchmakerTick } from './run-matchmaker';
import { characters, mmDeps } from './test-helpers';

const db = testDb(2);
afterAll(() => db.$disconnect());

const ARENA_1V1 = { queue: 'arena', bracket: '1v1' } as const;
const BAD_IDS = ['\u0000', 'c\u0000', '\uD800', 'c\uDC00', ''];
const QUEUE_REFUSED = 'That is not a queue you can join.';

describe('matchmaking input', () => {
  it('joinQueue refuses a bad character id or party-role key; nothing is queued', async () => {
    const clock = new FakeClock();
    const d = mmDeps(db, new MemoryMatchmakingStore(clock), clock);
    const [a] = await characters(db, 1);
    for (const bad of BAD_IDS) {
      await expectDomainError(
        joinQueue(d, { characterId: bad, request: ARENA_1V1 }),
        'VALIDATION',
        QUEUE_REFUSED,
      );
      await expectDomainError(
        joinQueue(d, {
          characterId: a!,
          request: { queue: 'dungeon', role: 'tank', partyRoles: { [bad]: 'damage' } },
        }),
        'VALIDATION',
        QUEUE_REFUSED,
      );
    }
    expect(await readQueueStatus(d, { characterId: a! })).toEqual({ state: 'idle' });
    expect(await d.store.oldestTickets('arena_1v1', 10)).toEqual([]);
    expect(await d.store.oldestTickets('dungeon', 10)).toEqual([]);
  });

  it('answerReadyCheck refuses a bad id or answer; the check is as it was', async () => {
    const clock = new FakeClock();
    const d = mmDeps(db, new MemoryMatchmakingStore(clock), clock);
    const [a, b] = await characters(db, 2);
    await joinQueue(d, { characterId: a!, request: ARENA_1V1 });
    await joinQueue(d, { characterId: b!, request: ARENA_1V1 });
    const [m] = (await runMatchmakerTick(d)).formed;
    const before = await d.store.match(m!.id);
    for (const bad of BAD_IDS) {
      for (const input of [
        { characterId: bad, matchId: m!.id, accept: false },
        { characterId: a!, matchId: bad, accept: false },
      ])
        await expectDomainError(answerReadyCheck(d, input), 'VALIDATION', 'Invalid answer.');
    }
    await expectDomainError(
      answerReadyCheck(d, { characterId: a!, matchId: m!.id, accept: 'no' as never }),
      'VALIDATION',
      'Invalid answer.',
    );
    // still pending, nobody accepted, nobody penalised for a decline
    expect(await d.store.match(m!.id)).toEqual(before);
    expect(await db.queuePenalty.count({ where: { characterId: { in: [a!, b!] } } })).toBe(0);
  });
});
