import { afterAll, describe, expect, it } from 'vitest';
import { PARTY_INVITE_MS, PARTY_MAX, emitTo } from '@necp/shared';
import { domainError, testDb, testDeps } from '../accounts/test-deps';
import { blockCharacter } from '../chat/blocks';
import { inTransaction } from '../core/transaction';
import { newPlayer } from '../inventory/test-helpers';
import {
  acceptPartyInvite,
  declinePartyInvite,
  disbandParty,
  inviteToParty,
  kickFromParty,
  leaveParty,
  promoteInParty,
  publishPartyJoined,
  setPartyLootMode,
} from './party';
import { partyOf } from './party-view';

const db = testDb(6);
afterAll(() => db.$disconnect());

async function char() {
  const p = await newPlayer(db);
  const c = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
  return { id: c.id, name: c.name };
}

/** `leader` invites and `who` accepts. */
async function join(
  deps: ReturnType<typeof testDeps>,
  leader: { id: string },
  who: { id: string; name: string },
) {
  const inv = await inviteToParty(deps, { characterId: leader.id, name: who.name });
  return (await acceptPartyInvite(deps, { characterId: who.id, inviteId: inv.inviteId! })).party;
}

describe('parties', () => {
  it('an accepted invitation makes a party led by the inviter; members list in join order', async () => {
    const deps = testDeps(db);
    const [a, b, c] = [await char(), await char(), await char()];
    const view = await join(deps, a, b);
    expect(view).toMatchObject({ leaderId: a.id, lootMode: 'free_for_all' });
    expect(view.members.map((m) => m.id)).toEqual([a.id, b.id]);
    // only the leader invites
    expect((await domainError(inviteToParty(deps, { characterId: b.id, name: c.name }))).code).toBe(
      'FORBIDDEN',
    );
    // someone already in a party cannot be invited
    const d = await char();
    expect((await domainError(inviteToParty(deps, { characterId: d.id, name: b.name }))).code).toBe(
      'CONFLICT',
    );
    expect((await domainError(inviteToParty(deps, { characterId: a.id, name: a.name }))).code).toBe(
      'VALIDATION',
    );
  });

  it(`at most ${PARTY_MAX}: a sixth is refused, also when invitations are accepted at once`, async () => {
    const deps = testDeps(db);
    const leader = await char();
    const others = await Promise.all(Array.from({ length: PARTY_MAX + 1 }, () => char()));
    await join(deps, leader, others[0]!);
    await join(deps, leader, others[1]!);
    await join(deps, leader, others[2]!);
    // two more invitations out while the party has four: both accepted at once → one fits
    const late = [others[3]!, others[4]!];
    const invites: Awaited<ReturnType<typeof inviteToParty>>[] = [];
    for (const o of late)
      invites.push(await inviteToParty(deps, { characterId: leader.id, name: o.name }));
    const results = await Promise.allSettled(
      late.map((o, i) =>
        acceptPartyInvite(deps, { characterId: o.id, inviteId: invites[i]!.inviteId! }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await partyOf(deps, leader.id))!.members).toHaveLength(PARTY_MAX);
    expect(
      (await domainError(inviteToParty(deps, { characterId: leader.id, name: others[5]!.name })))
        .userMessage,
    ).toBe(`Your party is full (${PARTY_MAX}).`);
  });

  it('invitations expire after a minute, can be declined, and a blocked inviter’s vanish', async () => {
    const deps = testDeps(db);
    const [a, b, c] = [await char(), await char(), await char()];
    const inv = await inviteToParty(deps, { characterId: a.id, name: b.name });
    deps.clock.advance(PARTY_INVITE_MS + 1);
    expect(
      await domainError(acceptPartyInvite(deps, { characterId: b.id, inviteId: inv.inviteId! })),
    ).toMatchObject({
      code: 'NOT_FOUND',
      userMessage: 'That invitation is no longer valid.',
    });
    const again = await inviteToParty(deps, { characterId: a.id, name: b.name });
    await declinePartyInvite(deps, { characterId: b.id, inviteId: again.inviteId! });
    expect(
      (await domainError(acceptPartyInvite(deps, { characterId: b.id, inviteId: again.inviteId! })))
        .code,
    ).toBe('NOT_FOUND');
    await blockCharacter(deps, { characterId: c.id, name: a.name });
    expect(await inviteToParty(deps, { characterId: a.id, name: c.name })).toMatchObject({
      inviteId: null,
    });
    expect(await db.partyInvite.count({ where: { toId: c.id } })).toBe(0);
  });

  it('leaving hands the lead to the longest member; kick, promote; the last one out or a disband ends it', async () => {
    const deps = testDeps(db);
    const [a, b, c] = [await char(), await char(), await char()];
    await join(deps, a, b);
    await join(deps, a, c);
    expect(await leaveParty(deps, { characterId: a.id })).toMatchObject({ disbanded: false });
    const p = await partyOf(deps, c.id);
    expect(p).toMatchObject({ leaderId: b.id });
    expect(p!.members.map((m) => m.id)).toEqual([b.id, c.id]);
    expect(
      (await domainError(kickFromParty(deps, { characterId: c.id, memberId: b.id }))).code,
    ).toBe('FORBIDDEN');
    await promoteInParty(deps, { characterId: b.id, memberId: c.id });
    expect((await partyOf(deps, b.id))!.leaderId).toBe(c.id);
    expect(await kickFromParty(deps, { characterId: c.id, memberId: b.id })).toMatchObject({
      disbanded: true,
    });
    expect(await partyOf(deps, c.id)).toBeNull();
    expect((await domainError(leaveParty(deps, { characterId: c.id }))).userMessage).toBe(
      'You are not in a party.',
    );

    const [d, e] = [await char(), await char()];
    const { id: partyId } = await join(deps, d, e);
    expect(await disbandParty(deps, { characterId: d.id })).toMatchObject({
      partyId,
      memberIds: expect.arrayContaining([d.id, e.id]),
    });
    expect(await partyOf(deps, e.id)).toBeNull();
  });

  it('each change returns what the members are told: who leaves the room, the party to the rest', async () => {
    const deps = testDeps(db);
    const [a, b, c] = [await char(), await char(), await char()];
    const inv = await inviteToParty(deps, { characterId: a.id, name: b.name });
    // the invitation: to the invitee only, from the inviter by name
    expect(inv.pushes).toEqual([
      emitTo({ characters: [b.id] }, 'party:invited', {
        inviteId: inv.inviteId!,
        fromId: a.id,
        from: a.name,
        expiresAt: inv.expiresAt,
      }),
    ]);
    const { party, pushes: joined } = await acceptPartyInvite(deps, {
      characterId: b.id,
      inviteId: inv.inviteId!,
    });
    const ids = (v: { members: { id: string }[] } | null) => v!.members.map((m) => m.id);
    expect(ids(party).toSorted()).toEqual([a.id, b.id].toSorted());
    expect(joined).toEqual([
      { kind: 'join', characters: ids(party), room: { party: party.id } },
      emitTo({ party: party.id }, 'party:update', { party }),
    ]);
    await join(deps, a, c);

    // c leaves a party of three: c out of the room and told "none", the two see the party
    const left = await leaveParty(deps, { characterId: c.id });
    const now = await partyOf(deps, a.id);
    expect(left.memberIds.toSorted()).toEqual([a.id, b.id, c.id].toSorted());
    expect(left.pushes).toEqual([
      { kind: 'leave', characters: [c.id], room: { party: party.id } },
      emitTo({ characters: [c.id] }, 'party:update', { party: null }),
      { kind: 'join', characters: ids(now), room: { party: party.id } },
      emitTo({ party: party.id }, 'party:update', { party: now }),
    ]);

    // a kick that leaves one: the party is gone, for both
    const kicked = await kickFromParty(deps, { characterId: a.id, memberId: b.id });
    expect(kicked.disbanded).toBe(true);
    const both = kicked.memberIds;
    expect(both.toSorted()).toEqual([a.id, b.id].toSorted());
    expect(kicked.pushes).toEqual([
      { kind: 'leave', characters: both, room: { party: party.id } },
      emitTo({ characters: both }, 'party:update', { party: null }),
    ]);

    // a blocked inviter's invitation goes nowhere: nothing to push
    await blockCharacter(deps, { characterId: c.id, name: a.name });
    expect((await inviteToParty(deps, { characterId: a.id, name: c.name })).pushes).toEqual([]);
  });

  it('refuses bad input as VALIDATION before anything is written', async () => {
    const deps = testDeps(db);
    const [a, b, c] = [await char(), await char(), await char()];
    const party = await join(deps, a, b);
    const inv = await inviteToParty(deps, { characterId: a.id, name: c.name });
    // NUL, a lone surrogate, an empty id, too long, not a string
    const badIds = [`${a.id}\u0000`, '\uD800', '', 'x'.repeat(65), 42 as never];
    const calls = (id: string) => [
      inviteToParty(deps, { characterId: id, name: c.name }),
      inviteToParty(deps, { characterId: a.id, name: `${c.name}\u0000` }),
      acceptPartyInvite(deps, { characterId: c.id, inviteId: id }),
      acceptPartyInvite(deps, { characterId: id, inviteId: inv.inviteId! }),
      declinePartyInvite(deps, { characterId: c.id, inviteId: id }),
      leaveParty(deps, { characterId: id }),
      kickFromParty(deps, { characterId: a.id, memberId: id }),
      promoteInParty(deps, { characterId: a.id, memberId: id }),
      disbandParty(deps, { characterId: id }),
      setPartyLootMode(deps, { characterId: id, mode: 'leader' }),
      setPartyLootMode(deps, { characterId: a.id, mode: 'dice' as never }),
      setPartyLootMode(deps, { characterId: a.id, mode: 'leader', threshold: 'shiny' as never }),
    ];
    for (const id of badIds)
      for (const call of calls(id)) expect((await domainError(call)).code).toBe('VALIDATION');
    // the party, its loot mode and the open invitation are as they were
    expect(await partyOf(deps, b.id)).toEqual(party);
    expect(await db.partyInvite.count({ where: { id: inv.inviteId! } })).toBe(1);
    expect(await db.partyMember.count({ where: { characterId: c.id } })).toBe(0);
  });

  it('party.joined is named by the membership: written again it publishes once; joining again is another', async () => {
    const deps = testDeps(db);
    const [a, b, c] = [await char(), await char(), await char()];
    const party = await join(deps, a, b);
    await join(deps, a, c);
    const joins = async () =>
      (
        await db.outboxEvent.findMany({
          where: { type: 'party.joined', key: { startsWith: `party.joined:${party.id}:` } },
          orderBy: { id: 'asc' },
        })
      ).map((e) => (e.payload as { characterId: string }).characterId);
    expect(await joins()).toEqual([a.id, b.id, c.id]);
    const first = await db.partyMember.findUniqueOrThrow({ where: { characterId: b.id } });
    // b's membership written again outside its transaction (a retry that lost its answer)
    await inTransaction(db, (tx) => publishPartyJoined(tx, first));
    expect(await joins()).toEqual([a.id, b.id, c.id]);
    // b leaves and joins the same party again: another membership, another event
    await leaveParty(deps, { characterId: b.id });
    await join(deps, a, b);
    expect(await joins()).toEqual([a.id, b.id, c.id, b.id]);
  });
});
