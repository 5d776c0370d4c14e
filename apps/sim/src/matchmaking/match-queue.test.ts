// Matchmaking through the real sim socket, one process (memory store, fake clock, the
// matcher ticked by hand): queue / status / leave, bad payloads, the status again
// after a reconnect, a ready check declined (the decliner penalised and refused, the
// other requeued) or timed out, a party queued by its leader only and withdrawn when
// the party changes, and the launcher called once per confirmed match.
import { describe, expect, it } from 'vitest';
import { READY_CHECK_MS, type MatchFoundMsg } from '@necp/shared';
import type { ConfirmedMatch } from '@necp/game';
import { testDb } from '../testing/test-db';
import { simPerTest } from '../testing/sim-per-test';
import { bootTestSim, createPlayerAt, type TestSim } from '../testing/test-sim';
import { releasingLauncher, type MatchLauncher } from './match-launcher';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

const ONE_V_ONE = { queue: 'arena', bracket: '1v1' } as const;

async function joined(s: TestSim = sim, level?: number) {
  const p = await createPlayerAt(db, 40, 110, { level });
  const { client } = await s.join(p);
  // the status on connecting
  expect(await client.next('match:status')).toEqual({
    reason: 'status',
    status: { state: 'idle' },
    penaltyMs: null,
  });
  return { ...p, client, name: p.character.name };
}
type Player = Awaited<ReturnType<typeof joined>>;

/** Both queue 1v1 and the matcher forms their match: the match:found each got. */
async function matched(a: Player, b: Player, s: TestSim = sim): Promise<MatchFoundMsg> {
  for (const p of [a, b]) {
    expect(await p.client.command('match:queue', ONE_V_ONE)).toMatchObject({ ok: true });
  }
  const tick = await s.server.matchmaking.tick();
  expect(tick.formed).toHaveLength(1);
  const found = await a.client.next('match:found');
  expect(await b.client.next('match:found')).toEqual(found);
  return found;
}

describe('match:* over the sim socket', () => {
  it('queues, reports the status (also after a reconnect) and leaves', async () => {
    const a = await joined();
    const queued = await a.client.command('match:queue', ONE_V_ONE);
    expect(queued).toMatchObject({
      ok: true,
      data: {
        reason: 'queued',
        status: { state: 'queued', queue: 'arena_1v1', memberIds: [a.characterId] },
        penaltyMs: null,
      },
    });
    sim.clock.advance(12_000);
    expect(await a.client.command('match:status', {})).toMatchObject({
      ok: true,
      data: {
        reason: 'status',
        status: { state: 'queued', waitedMs: 12_000, estimatedWaitMs: null },
      },
    });
    // queueing twice is refused
    expect(await a.client.command('match:queue', ONE_V_ONE)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'You are already in a queue.' },
    });

    // a reconnect (the same character, a new socket) finds the queue again
    a.client.close();
    const { client } = await sim.join(a);
    expect(await client.next('match:status')).toMatchObject({
      reason: 'status',
      status: { state: 'queued', queue: 'arena_1v1', waitedMs: 12_000 },
    });

    expect(await client.command('match:leave', {})).toEqual({ ok: true, data: undefined });
    expect(await client.next('match:status')).toMatchObject({
      reason: 'left',
      status: { state: 'idle' },
    });
    expect(await client.command('match:leave', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'You are not in a queue.' },
    });
  });

  it('refuses bad payloads with VALIDATION', async () => {
    const a = await joined();
    for (const bad of [
      { queue: 'arena', bracket: '2v2' },
      { queue: 'dungeon' },
      { queue: 'dungeon', role: 'healer' },
      'arena',
      null,
    ])
      expect(await a.client.command('match:queue', bad)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    expect(await a.client.command('match:answer', { matchId: 'x y', accept: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await a.client.command('match:answer', { matchId: 'm1', accept: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await a.client.command('match:leave', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    // a well-formed answer to a match that does not exist
    expect(await a.client.command('match:answer', { matchId: 'm1', accept: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('a decline: the decliner is penalised and refused, the other is back in the queue', async () => {
    const a = await joined();
    const b = await joined();
    const found = await matched(a, b);
    expect(found).toMatchObject({
      kind: 'arena',
      bracket: '1v1',
      queue: 'arena_1v1',
      remainingMs: READY_CHECK_MS,
    });
    expect(
      found.teams
        .map((t) => t.map((m) => m.name))
        .flat()
        .sort(),
    ).toEqual([a.name, b.name].sort());

    // B accepts: both hear of it
    expect(
      await b.client.command('match:answer', { matchId: found.matchId, accept: true }),
    ).toEqual({ ok: true, data: { state: 'pending' } });
    for (const p of [a, b])
      expect(await p.client.next('match:status')).toMatchObject({
        reason: 'accepted',
        status: { state: 'ready_check', acceptedCount: 1, memberCount: 2 },
      });
    // A declines: A is penalised (1 min), B requeued at the front
    expect(
      await a.client.command('match:answer', { matchId: found.matchId, accept: false }),
    ).toEqual({ ok: true, data: { state: 'dissolved' } });
    expect(await a.client.next('match:status')).toEqual({
      reason: 'penalised',
      status: { state: 'idle' },
      penaltyMs: 60_000,
      message: 'You declined the match.',
    });
    expect(await b.client.next('match:status')).toMatchObject({
      reason: 'requeued',
      status: { state: 'queued', queue: 'arena_1v1' },
    });

    // A may not queue for the minute, and is told for how long
    sim.clock.advance(29_500);
    expect(await a.client.command('match:queue', ONE_V_ONE)).toEqual({
      ok: false,
      error: {
        code: 'RATE_LIMITED',
        message: 'You declined or missed a ready check: you can queue again in 31 s.',
      },
    });
    expect(await a.client.command('match:status', {})).toMatchObject({
      ok: true,
      data: { status: { state: 'idle' }, penaltyMs: 30_500 },
    });
  });

  it('a ready check nobody answers times out: everyone is penalised', async () => {
    const a = await joined();
    const b = await joined();
    await matched(a, b);
    sim.clock.advance(READY_CHECK_MS);
    expect((await sim.server.matchmaking.tick()).dissolved).toHaveLength(1);
    for (const p of [a, b])
      expect(await p.client.next('match:status')).toMatchObject({
        reason: 'penalised',
        status: { state: 'idle' },
        penaltyMs: 60_000,
        message: 'You did not accept the match in time.',
      });
  });

  it('a party queues through its leader only, and leaves the queue when it changes', async () => {
    const leader = await joined();
    const member = await joined();
    const party = await db.party.create({ data: { leaderId: leader.characterId } });
    await db.partyMember.createMany({
      data: [
        { partyId: party.id, characterId: leader.characterId, joinedAt: new Date(1) },
        { partyId: party.id, characterId: member.characterId, joinedAt: new Date(2) },
      ],
    });
    const threes = { queue: 'arena', bracket: '3v3' } as const;
    expect(await member.client.command('match:queue', threes)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only the party leader can queue the party.' },
    });
    expect(await leader.client.command('match:queue', threes)).toMatchObject({
      ok: true,
      data: { status: { state: 'queued', memberIds: [leader.characterId, member.characterId] } },
    });
    expect(await member.client.next('match:status')).toMatchObject({
      reason: 'queued',
      status: { state: 'queued', queue: 'arena_3v3' },
      message: 'Your party leader queued the party.',
    });

    // the member leaves the party: the ticket (a snapshot of the party) is withdrawn
    expect(await member.client.command('party:leave', {})).toMatchObject({ ok: true });
    for (const p of [leader, member])
      expect(await p.client.next('match:status')).toMatchObject({
        reason: 'party_changed',
        status: { state: 'idle' },
      });
    // the member, now solo, may queue alone
    expect(await member.client.command('match:queue', threes)).toMatchObject({ ok: true });
  });

  it('a premade party goes into a dungeon as it is; a solo cannot ask for that', async () => {
    // within the vault's levels (14–30)
    const leader = await joined(sim, 20);
    const member = await joined(sim, 20);
    const loner = await joined(sim, 20);
    const party = await db.party.create({ data: { leaderId: leader.characterId } });
    await db.partyMember.createMany({
      data: [
        { partyId: party.id, characterId: leader.characterId, joinedAt: new Date(1) },
        { partyId: party.id, characterId: member.characterId, joinedAt: new Date(2) },
      ],
    });
    expect(
      await loner.client.command('match:queue', { queue: 'dungeon', role: 'tank', premade: true }),
    ).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Only a party can go in without others filling the group.',
      },
    });
    expect(
      await loner.client.command('match:queue', { queue: 'dungeon', role: 'x', premade: 'yes' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // the loner queues normally: a support the party would need, were it filling
    expect(
      await loner.client.command('match:queue', { queue: 'dungeon', role: 'support' }),
    ).toMatchObject({ ok: true });
    expect(
      await leader.client.command('match:queue', {
        queue: 'dungeon',
        role: 'tank',
        partyRoles: { [member.characterId]: 'damage' },
        premade: true,
      }),
    ).toMatchObject({ ok: true, data: { status: { state: 'queued', queue: 'dungeon' } } });
    const tick = await sim.server.matchmaking.tick();
    expect(tick.formed).toHaveLength(1);
    const found = await leader.client.next('match:found');
    expect(found.teams.flat().map((m) => [m.characterId, m.role])).toEqual([
      [leader.characterId, 'tank'],
      [member.characterId, 'damage'],
    ]);
    expect(await member.client.next('match:found')).toEqual(found);
    // the loner still waits
    expect(await loner.client.command('match:status', {})).toMatchObject({
      ok: true,
      data: { status: { state: 'queued', queue: 'dungeon' } },
    });
  });
});

describe('the match launcher', () => {
  /** A and B matched and both accepted (in turn) on `s`: the confirmed match's id. */
  async function confirmed(s: TestSim, a: Player, b: Player): Promise<string> {
    const found = await matched(a, b, s);
    await a.client.command('match:answer', { matchId: found.matchId, accept: true });
    expect(
      await b.client.command('match:answer', { matchId: found.matchId, accept: true }),
    ).toEqual({ ok: true, data: { state: 'confirmed' } });
    for (const p of [a, b]) {
      expect(await p.client.next('match:status')).toMatchObject({ reason: 'accepted' });
      expect(await p.client.next('match:status')).toMatchObject({
        reason: 'confirmed',
        status: { state: 'in_match', matchId: found.matchId, kind: 'arena' },
      });
    }
    return found.matchId;
  }

  it('the default without instances releases a confirmed match, so nobody is stuck in it', async () => {
    // the launcher needs the sim it is given to (its log and its matchmaking)
    const booted: { sim?: TestSim } = {};
    const launcher: MatchLauncher = {
      launch: (m) =>
        releasingLauncher({
          log: booted.sim!.deps.log,
          release: (id, message) => booted.sim!.server.matchmaking.release(id, message),
        }).launch(m),
    };
    const s = (booted.sim = await bootTestSim(db, { launcher }));
    try {
      const a = await joined(s);
      const b = await joined(s);
      await confirmed(s, a, b);
      for (const p of [a, b])
        expect(await p.client.next('match:status')).toMatchObject({
          reason: 'released',
          status: { state: 'idle' },
          message: 'No instance could be opened for the match: you may queue again.',
        });
      expect(await a.client.command('match:queue', ONE_V_ONE)).toMatchObject({ ok: true });
    } finally {
      await s.close();
    }
  });

  it('a launcher that fails: the match is released and its players told', async () => {
    const s = await bootTestSim(db, {
      launcher: { launch: () => Promise.reject(new Error('no arena today')) },
      logLevel: 'silent',
    });
    try {
      const a = await joined(s);
      const b = await joined(s);
      await confirmed(s, a, b);
      for (const p of [a, b])
        expect(await p.client.next('match:status')).toMatchObject({
          reason: 'released',
          status: { state: 'idle' },
          message: 'The match could not start: you may queue again.',
        });
    } finally {
      await s.close();
    }
  });

  it('is called exactly once per confirmed match, however the accepts race', async () => {
    const launched: ConfirmedMatch[] = [];
    const launcher: MatchLauncher = {
      launch: async (m) => {
        launched.push(m);
      },
    };
    const s = await bootTestSim(db, { launcher });
    try {
      const a = await joined(s);
      const b = await joined(s);
      const found = await matched(a, b, s);
      const answers = await Promise.all(
        [a, b].map((p) =>
          p.client.command('match:answer', { matchId: found.matchId, accept: true }),
        ),
      );
      expect(answers.map((r) => (r.ok ? r.data.state : r.error.code)).sort()).toEqual([
        'confirmed',
        'pending',
      ]);
      await expect.poll(() => launched.length).toBe(1);
      expect(launched[0]).toMatchObject({ matchId: found.matchId, kind: 'arena', bracket: '1v1' });
      expect(launched[0]!.teams.flat().sort()).toEqual([a.characterId, b.characterId].sort());
      // the match stands until the launcher's instance releases it
      expect(await a.client.command('match:status', {})).toMatchObject({
        ok: true,
        data: { status: { state: 'in_match', matchId: found.matchId } },
      });
      expect(await s.server.matchmaking.release(found.matchId)).toBe(true);
      expect(await a.client.command('match:status', {})).toMatchObject({
        ok: true,
        data: { status: { state: 'idle' } },
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(launched).toHaveLength(1);
    } finally {
      await s.close();
    }
  });
});
