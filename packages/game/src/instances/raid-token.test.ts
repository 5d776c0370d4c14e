// The raid's quantum_sync_token against real PostgreSQL (the match, its members,
// the instance) and real Redis (single use): minted only for a member of an open
// raid; forged, expired, replayed, another raid's, another group's and another
// character's tokens are refused, and a refused token is not burnt.
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { QUANTUM_SYNC_TOKEN_TTL_SECONDS } from '@necp/shared';
import { FakeClock } from '../core/clock';
import { disposeTestRedis, domainError, testDb, testDeps, testRedis } from '../accounts/test-deps';
import { newPlayer, type Player } from '../inventory/test-helpers';
import { recordMatchStarted } from '../matchmaking/record-match-started';
import { signSimTicket } from '../session/ticket';
import { RedisJtiStore } from '../session/jti-store';
import { closeInstance, openInstance } from './instance-membership';
import { groupDigest, mintQuantumSyncToken, verifyQuantumSyncToken } from './raid-token';

const db = testDb();
const redis = testRedis();
afterAll(async () => {
  await db.$disconnect();
  await disposeTestRedis(redis);
});

/** A raid of `size` fresh players whose instance is open (as InstanceHost.open leaves it). */
async function openRaid(size = 10, kind: 'raid' | 'arena' = 'raid') {
  const clock = new FakeClock();
  const deps = testDeps(db, { redis, clock });
  const players: Player[] = [];
  for (let i = 0; i < size; i++) players.push(await newPlayer(db));
  const ids = players.map((p) => p.characterId);
  const matchId = randomUUID();
  const teams = kind === 'raid' ? [ids] : [ids.slice(0, size / 2), ids.slice(size / 2)];
  await recordMatchStarted(deps, {
    match: { matchId, queue: kind === 'raid' ? 'raid' : 'arena_1v1', kind, bracket: null, teams },
  });
  const templateId = kind === 'raid' ? 'raid-quantum-reef' : 'arena-neon-pit';
  const zoneId = `${templateId}--${matchId}`;
  await openInstance(deps, {
    zoneId,
    matchId,
    templateId,
    kind,
    hostId: 'sim-a',
    memberIds: ids,
  });
  const jtis = new RedisJtiStore(redis, clock);
  return { deps, clock, jtis, players, ids, matchId, zoneId };
}
type Raid = Awaited<ReturnType<typeof openRaid>>;

const mint = (r: Raid, p: Pick<Player, 'characterId'>) =>
  mintQuantumSyncToken(r.deps, { characterId: p.characterId });
const entryOf = (r: Raid, p: Player) => ({
  matchId: r.matchId,
  characterId: p.characterId,
  memberIds: r.ids,
});
const refusal = async (p: Promise<unknown>) => {
  const e = await domainError(p);
  return { code: e.code, userMessage: e.userMessage };
};

describe('quantum_sync_token', () => {
  it('is minted for a member of an open raid and admits that member once', async () => {
    const r = await openRaid();
    const me = r.players[3]!;
    const minted = await mint(r, me);
    expect(minted.matchId).toBe(r.matchId);
    expect(minted.expiresAt).toEqual(
      new Date(r.clock.ms() + QUANTUM_SYNC_TOKEN_TTL_SECONDS * 1000),
    );
    const claims = await verifyQuantumSyncToken(r.deps, r.jtis, minted.token, entryOf(r, me));
    expect(claims).toMatchObject({
      matchId: r.matchId,
      characterId: me.characterId,
      // the member set in any order
      group: groupDigest([...r.ids].reverse()),
    });
    // replayed: refused, also by another process sharing Redis
    const again = verifyQuantumSyncToken(
      r.deps,
      new RedisJtiStore(redis, r.clock),
      minted.token,
      entryOf(r, me),
    );
    expect(await refusal(again)).toEqual({
      code: 'UNAUTHENTICATED',
      userMessage: 'This raid sync token was already used. Please re-enter the game.',
    });
    // a fresh one for the same member works
    const next = await mint(r, me);
    await verifyQuantumSyncToken(r.deps, r.jtis, next.token, entryOf(r, me));
  });

  it('is refused to non-members, a missing character, arenas and ended raids', async () => {
    const r = await openRaid();
    const outsider = await newPlayer(db);
    expect(await refusal(mint(r, outsider))).toEqual({
      code: 'FORBIDDEN',
      userMessage: 'This character is not in a raid group right now.',
    });
    // a missing character (whose it is, the API's characterProcedure checked)
    expect((await refusal(mint(r, { characterId: 'no-such-character' }))).code).toBe('NOT_FOUND');
    // an arena's member has no raid to enter
    const arena = await openRaid(2, 'arena');
    expect((await refusal(mint(arena, arena.players[0]!))).code).toBe('FORBIDDEN');
    // a raid whose match ended, or whose instance closed
    await db.match.update({ where: { id: r.matchId }, data: { endedAt: r.clock.now() } });
    expect((await refusal(mint(r, r.players[0]!))).code).toBe('FORBIDDEN');
    const closing = await openRaid(2);
    await closeInstance(closing.deps, { zoneId: closing.zoneId, reason: 'finished' });
    expect((await refusal(mint(closing, closing.players[0]!))).code).toBe('FORBIDDEN');
  });

  it('refuses forged, expired, another raid’s, group’s and character’s tokens (without burning them)', async () => {
    const r = await openRaid();
    const [a, b] = [r.players[0]!, r.players[1]!];
    const token = (await mint(r, a)).token;

    // missing
    expect(
      (await refusal(verifyQuantumSyncToken(r.deps, r.jtis, undefined, entryOf(r, a)))).code,
    ).toBe('UNAUTHENTICATED');
    // forged: the same claims signed with a guess (the ticket secret itself), a sim ticket,
    // a tampered payload
    const nowS = Math.floor(r.clock.ms() / 1000);
    const forged = await new SignJWT({
      matchId: r.matchId,
      characterId: a.characterId,
      group: groupDigest(r.ids),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'quantum_sync_token' })
      .setIssuer('necp-web')
      .setAudience('necp-raid')
      .setJti(randomUUID())
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + 60)
      .sign(new TextEncoder().encode(r.deps.config.simTicketSecret));
    const ticket = (
      await signSimTicket(
        r.deps.config.simTicketSecret,
        { userId: a.userId, characterId: a.characterId, role: 'PLAYER', sessionVersion: 0 },
        r.clock.ms(),
      )
    ).ticket;
    const [head, , sig] = token.split('.');
    const body = Buffer.from(
      JSON.stringify({ matchId: r.matchId, characterId: b.characterId, group: groupDigest(r.ids) }),
    ).toString('base64url');
    for (const bad of [forged, ticket, `${head}.${body}.${sig}`])
      expect(await refusal(verifyQuantumSyncToken(r.deps, r.jtis, bad, entryOf(r, a)))).toEqual({
        code: 'UNAUTHENTICATED',
        userMessage: 'Invalid raid sync token.',
      });

    // another raid's token (its own group): refused here
    const other = await openRaid(2);
    const theirs = (await mint(other, other.players[0]!)).token;
    expect(
      await refusal(
        verifyQuantumSyncToken(r.deps, r.jtis, theirs, {
          ...entryOf(r, a),
          characterId: other.players[0]!.characterId,
        }),
      ),
    ).toEqual({ code: 'FORBIDDEN', userMessage: 'This sync token is for another raid.' });
    // the same raid, but another group (a token minted for a member set that is not this one)
    expect(
      await refusal(
        verifyQuantumSyncToken(r.deps, r.jtis, token, {
          ...entryOf(r, a),
          memberIds: r.ids.slice(1),
        }),
      ),
    ).toEqual({ code: 'FORBIDDEN', userMessage: 'This sync token is for another raid group.' });
    // a's token presented for b
    expect(await refusal(verifyQuantumSyncToken(r.deps, r.jtis, token, entryOf(r, b)))).toEqual({
      code: 'FORBIDDEN',
      userMessage: 'This sync token is for another character.',
    });

    // none of those refusals burnt the token: it still admits a, within its minute
    r.clock.advance((QUANTUM_SYNC_TOKEN_TTL_SECONDS - 1) * 1000);
    await verifyQuantumSyncToken(r.deps, r.jtis, token, entryOf(r, a));

    // expired: a minute and a second after minting
    const late = (await mint(r, b)).token;
    r.clock.advance((QUANTUM_SYNC_TOKEN_TTL_SECONDS + 1) * 1000);
    expect(await refusal(verifyQuantumSyncToken(r.deps, r.jtis, late, entryOf(r, b)))).toEqual({
      code: 'UNAUTHENTICATED',
      userMessage: 'Your raid sync token expired. Please re-enter the game.',
    });
  });
});
