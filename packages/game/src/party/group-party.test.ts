import { afterAll, describe, expect, it } from 'vitest';
import { PARTY_MAX } from '@necp/shared';
import { domainError, testDb, testDeps } from '../accounts/test-deps';
import { newPlayer } from '../inventory/test-helpers';
import { formGroupParty, joinGroupParty } from './group-party';
import { acceptPartyInvite, inviteToParty } from './party';
import { partyOf } from './party-view';

const db = testDb(6);
afterAll(() => db.$disconnect());

async function char() {
  const p = await newPlayer(db);
  const c = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
  return { id: c.id, name: c.name };
}

async function pair(deps: ReturnType<typeof testDeps>) {
  const [lead, mate] = [await char(), await char()];
  const inv = await inviteToParty(deps, { characterId: lead.id, name: mate.name });
  const { party } = await acceptPartyInvite(deps, {
    characterId: mate.id,
    inviteId: inv.inviteId!,
  });
  return { lead, mate, partyId: party.id };
}

describe('a matched group as one party', () => {
  it('a premade pair and three solos: the pair’s party stays, led by its leader, the solos join it, need/greed', async () => {
    const deps = testDeps(db);
    const { lead, mate, partyId } = await pair(deps);
    const solos = [await char(), await char(), await char()];
    const ids = [solos[0]!.id, mate.id, solos[1]!.id, lead.id, solos[2]!.id];
    const joined = () =>
      db.outboxEvent.count({
        where: { type: 'party.joined', payload: { path: ['partyId'], equals: partyId } },
      });
    const before = await joined();
    const g = await formGroupParty(deps, { memberIds: ids, leaders: [solos[2]!.id] });
    expect(g).toEqual({
      partyId,
      former: [],
      formed: true,
      premade: [lead.id, mate.id].sort(),
    });
    const view = (await partyOf(deps, solos[0]!.id))!;
    expect(view).toMatchObject({ id: partyId, leaderId: lead.id, lootMode: 'need_greed' });
    expect(view.members.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(view.members.slice(0, 2).map((m) => m.id)).toEqual([lead.id, mate.id]);
    // party.joined for each newcomer only
    expect((await joined()) - before).toBe(3);
  });

  it('two premade parties: the larger stays the party, the smaller’s members join it and are premade too', async () => {
    const deps = testDeps(db);
    const big = await pair(deps);
    const third = await char();
    const inv = await inviteToParty(deps, { characterId: big.lead.id, name: third.name });
    await acceptPartyInvite(deps, { characterId: third.id, inviteId: inv.inviteId! });
    const small = await pair(deps);
    const ids = [small.lead.id, small.mate.id, big.lead.id, big.mate.id, third.id];
    const g = await formGroupParty(deps, { memberIds: ids, leaders: [small.lead.id] });
    expect(g).toEqual({
      partyId: big.partyId,
      former: [small.partyId],
      formed: true,
      // the small pair's companions are in this party now: an early leave keeps them in it
      premade: ids.slice().sort(),
    });
    expect((await partyOf(deps, small.mate.id))!.leaderId).toBe(big.lead.id);
    expect(await db.party.findUnique({ where: { id: small.partyId } })).toBeNull();
  });

  it('a home party with members outside the group and no room: a new party, its members still premade', async () => {
    const deps = testDeps(db);
    const home = await pair(deps);
    for (let i = 0; i < 2; i++) {
      const out = await char();
      const inv = await inviteToParty(deps, { characterId: home.lead.id, name: out.name });
      await acceptPartyInvite(deps, { characterId: out.id, inviteId: inv.inviteId! });
    }
    const solos = [await char(), await char(), await char()];
    const ids = [home.lead.id, home.mate.id, ...solos.map((s) => s.id)];
    const g = (await formGroupParty(deps, { memberIds: ids, leaders: [solos[0]!.id] }))!;
    expect(g.partyId).not.toBe(home.partyId);
    expect(g.premade).toEqual([home.lead.id, home.mate.id].sort());
    expect(g.former).toEqual([home.partyId]);
    // the two left outside keep their party
    expect(await db.partyMember.count({ where: { partyId: home.partyId } })).toBe(2);
  });

  it('strangers only: the first of the leaders given (the tank) leads; a party exactly the group is kept', async () => {
    const deps = testDeps(db);
    const solos = [await char(), await char(), await char()];
    const g = await formGroupParty(deps, {
      memberIds: solos.map((s) => s.id),
      leaders: ['not-a-member', solos[1]!.id],
    });
    expect((await partyOf(deps, solos[0]!.id))!.leaderId).toBe(solos[1]!.id);
    // formed again with the same members: nothing changes
    expect(await formGroupParty(deps, { memberIds: solos.map((s) => s.id), leaders: [] })).toEqual({
      partyId: g!.partyId,
      former: [],
      formed: false,
      premade: solos.map((s) => s.id).sort(),
    });
  });

  it('no group to make: one member, or more than a party holds', async () => {
    const deps = testDeps(db);
    const one = await char();
    expect(await formGroupParty(deps, { memberIds: [one.id, one.id], leaders: [] })).toBeNull();
    const many = await Promise.all(Array.from({ length: PARTY_MAX + 1 }, () => char()));
    expect(
      await formGroupParty(deps, { memberIds: many.map((c) => c.id), leaders: [] }),
    ).toBeNull();
    expect(
      await db.partyMember.count({ where: { characterId: { in: many.map((c) => c.id) } } }),
    ).toBe(0);
  });

  it('a replacement joins the group’s party, leaving its own; a full or gone party takes nobody', async () => {
    const deps = testDeps(db);
    const group = await Promise.all(Array.from({ length: PARTY_MAX - 1 }, () => char()));
    const g = (await formGroupParty(deps, { memberIds: group.map((c) => c.id), leaders: [] }))!;
    const { lead, mate, partyId: own } = await pair(deps);
    expect(await joinGroupParty(deps, { partyId: g.partyId, characterId: lead.id })).toEqual({
      joined: true,
      former: own,
    });
    expect((await partyOf(deps, lead.id))!.members).toHaveLength(PARTY_MAX);
    // its old party of one is no party
    expect(await partyOf(deps, mate.id)).toBeNull();
    // full now
    const late = await char();
    expect(await joinGroupParty(deps, { partyId: g.partyId, characterId: late.id })).toEqual({
      joined: false,
      former: null,
    });
    expect(await partyOf(deps, late.id)).toBeNull();
    expect(await joinGroupParty(deps, { partyId: 'no-such-party', characterId: late.id })).toEqual({
      joined: false,
      former: null,
    });
  });

  it('refuses bad ids as VALIDATION before any party is touched', async () => {
    const deps = testDeps(db);
    const solos = [await char(), await char()];
    const { lead, partyId } = await pair(deps);
    const ids = solos.map((s) => s.id);
    for (const bad of [`${ids[0]}\u0000`, '\uDC00', '']) {
      const calls = [
        formGroupParty(deps, { memberIds: [...ids, bad], leaders: [] }),
        formGroupParty(deps, { memberIds: ids, leaders: [bad] }),
        joinGroupParty(deps, { partyId: bad, characterId: solos[0]!.id }),
        joinGroupParty(deps, { partyId, characterId: bad }),
      ];
      for (const call of calls) expect((await domainError(call)).code).toBe('VALIDATION');
    }
    // no party formed, nobody joined, the pair's party as it was
    expect(await db.partyMember.count({ where: { characterId: { in: ids } } })).toBe(0);
    expect((await partyOf(deps, lead.id))!.members).toHaveLength(2);
  });
});
