import { describe, expect, it } from 'vitest';
import { createTestCharacter, createTestUser } from '@necp/db/testing';
import { SIM_TICKET_TTL_SECONDS, TICK_HZ } from '@necp/shared';
import { connectClient, expectRefused } from '../testing/test-client';
import { testDb } from '../testing/test-db';
import { bootTestSim, createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

/** Re-encodes a JWT's payload with one claim changed, keeping the original signature. */
function tamper(ticket: string, claims: Record<string, unknown>): string {
  const [header, body, signature] = ticket.split('.');
  const payload = {
    ...JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8')),
    ...claims,
  };
  return [header, Buffer.from(JSON.stringify(payload)).toString('base64url'), signature].join('.');
}

describe('sim handshake', () => {
  it('accepts a valid ticket and welcomes the character where it was saved', async () => {
    const p = await createPlayerAt(db, 120.5, 130);
    const { client, welcome } = await sim.join(p);
    expect(client.socket.connected).toBe(true);
    expect(welcome).toMatchObject({
      resumed: false,
      lastSeq: 0,
      tickHz: TICK_HZ,
      tick: sim.watson.tick,
      zone: { id: 'watson', width: 512, height: 512 },
      self: {
        characterId: p.characterId,
        name: p.character.name,
        kind: 'player',
        x: 12050,
        y: 13000,
        health: 110,
      },
    });
  });

  it("refuses a ticket minted before the account's sessions were revoked", async () => {
    const p = await createPlayerAt(db);
    // minted now (version 0), then "sign out everywhere" bumps the version
    const ticket = await sim.ticket(p.userId, p.characterId);
    await db.user.update({
      where: { id: p.userId },
      data: { sessionVersion: { increment: 1 } },
    });
    const r = await expectRefused(sim.server.port, { ticket });
    expect(r.message).toBe('ticket from a revoked session');
    expect(r.data).toEqual({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/signed out/),
    });
    // a ticket minted under the new version connects
    const { client } = await sim.join(p);
    expect(client.socket.connected).toBe(true);
  });

  it('refuses an expired ticket', async () => {
    const p = await createPlayerAt(db);
    const ticket = await sim.ticket(p.userId, p.characterId, {
      atMs: sim.clock.ms() - (SIM_TICKET_TTL_SECONDS + 1) * 1000,
    });
    const r = await expectRefused(sim.server.port, { ticket });
    expect(r.message).toBe('ticket expired');
    expect(r.data).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/expired/) });
  });

  it('refuses a tampered ticket (character swapped) and one signed with another secret', async () => {
    const mine = await createPlayerAt(db);
    const theirs = await createPlayerAt(db);
    const ticket = await sim.ticket(mine.userId, mine.characterId);
    const forged = tamper(ticket, { cid: theirs.characterId, sub: theirs.userId });
    expect((await expectRefused(sim.server.port, { ticket: forged })).data).toMatchObject({
      code: 'UNAUTHENTICATED',
    });

    const wrongSecret = await sim.ticket(mine.userId, mine.characterId, {
      secret: 'not-the-sim-secret-at-all-000',
    });
    const r = await expectRefused(sim.server.port, { ticket: wrongSecret });
    expect(r).toMatchObject({ message: 'invalid ticket', data: { code: 'UNAUTHENTICATED' } });
  });

  it("refuses a validly signed ticket for another user's character", async () => {
    const me = await createTestUser(db);
    const victim = await createPlayerAt(db);
    const ticket = await sim.ticket(me.id, victim.characterId);
    // same answer as for a missing character: ids cannot be probed
    expect((await expectRefused(sim.server.port, { ticket })).data.code).toBe('NOT_FOUND');
    expect(sim.watson.player(victim.characterId)).toBeUndefined();
  });

  it('refuses a soft-deleted character', async () => {
    const u = await createTestUser(db);
    const c = await createTestCharacter(db, u.id, { deletedAt: new Date() });
    const ticket = await sim.ticket(u.id, c.id);
    expect((await expectRefused(sim.server.port, { ticket })).data.code).toBe('NOT_FOUND');
  });

  it('refuses a replayed ticket and leaves the first connection alone', async () => {
    const p = await createPlayerAt(db);
    const ticket = await sim.ticket(p.userId, p.characterId);
    const { client } = await connectClient(sim.server.port, { ticket });
    try {
      const r = await expectRefused(sim.server.port, { ticket });
      expect(r).toMatchObject({
        message: 'ticket already used',
        data: { code: 'UNAUTHENTICATED' },
      });
      await client.sync();
      expect(client.socket.connected).toBe(true);
      expect(client.pending('session:kicked')).toBe(0);
    } finally {
      client.close();
    }
  });

  it('refuses a validly signed ticket whose ids hold a NUL as invalid, not as an internal error', async () => {
    const p = await createPlayerAt(db);
    for (const [userId, characterId] of [
      [p.userId, `${p.characterId}\u0000`],
      [`${p.userId}\u0000x`, p.characterId],
    ] as const) {
      const ticket = await sim.ticket(userId, characterId, { sessionVersion: 0 });
      const r = await expectRefused(sim.server.port, { ticket });
      expect(r).toMatchObject({ message: 'invalid ticket', data: { code: 'UNAUTHENTICATED' } });
    }
    expect(sim.watson.player(p.characterId)).toBeUndefined();
  });

  it('refuses a missing or malformed auth payload', async () => {
    for (const auth of [{}, { ticket: 42 }, { ticket: 'short' }, { ticket: 'x'.repeat(5000) }]) {
      expect((await expectRefused(sim.server.port, auth)).data.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a character saved in a zone this sim does not serve', async () => {
    const watsonOnly = await bootTestSim(db, { zoneIds: ['watson'] });
    try {
      expect([...watsonOnly.server.zones.keys()]).toEqual(['watson']);
      const u = await createTestUser(db);
      const c = await createTestCharacter(db, u.id, { zoneId: 'westbrook', x: 10, y: 10 });
      const ticket = await watsonOnly.ticket(u.id, c.id);
      expect((await expectRefused(watsonOnly.server.port, { ticket })).data.code).toBe(
        'INVALID_STATE',
      );
    } finally {
      await watsonOnly.close();
    }
  });
});
