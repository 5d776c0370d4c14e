import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, createTestUser } from '@necp/db/testing';
import { SIM_TICKET_TTL_SECONDS } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { verifySimTicket } from '../session/ticket';
import { enterWorld } from './enter-world';

const db = testDb(2);
afterAll(() => db.$disconnect());

describe('enterWorld', () => {
  it('mints a ticket naming the account, character and login session, and stamps lastPlayedAt', async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db, { role: 'MODERATOR' });
    const c = await createTestCharacter(db, u.id);
    await createTestCharacter(db, u.id); // a second character must not be the one named
    const out = await enterWorld(deps, { userId: u.id, characterId: c.id, sessionId: 's1' });
    expect(out.simUrl).toBe('http://localhost:3001');
    expect(out.expiresAt).toEqual(new Date(deps.clock.ms() + SIM_TICKET_TTL_SECONDS * 1000));
    const claims = await verifySimTicket(deps.config.simTicketSecret, out.ticket, deps.clock.ms());
    expect(claims).toMatchObject({ sub: u.id, cid: c.id, role: 'MODERATOR', sid: 's1' });
    expect((await db.character.findUniqueOrThrow({ where: { id: c.id } })).lastPlayedAt).toEqual(
      deps.clock.now(),
    );
    expect(
      await db.authEvent.count({
        where: { userId: u.id, kind: 'TICKET', detail: `character ${c.id}` },
      }),
    ).toBe(1);
    // the ticket is short-lived and bound to this deployment's secret
    await expectDomainError(
      verifySimTicket('another-secret', out.ticket, deps.clock.ms()),
      'UNAUTHENTICATED',
    );
    await expectDomainError(
      verifySimTicket(
        deps.config.simTicketSecret,
        out.ticket,
        deps.clock.ms() + (SIM_TICKET_TTL_SECONDS + 1) * 1000,
      ),
      'UNAUTHENTICATED',
    );
  });

  it('refuses deleted characters and those of other accounts', async () => {
    const deps = testDeps(db);
    const a = await createTestUser(db);
    const b = await createTestUser(db);
    const deleted = await createTestCharacter(db, a.id, { deletedAt: deps.clock.now() });
    const live = await createTestCharacter(db, a.id);
    await expectDomainError(
      enterWorld(deps, { userId: a.id, characterId: deleted.id, sessionId: 's1' }),
      'INVALID_STATE',
    );
    await expectDomainError(
      enterWorld(deps, { userId: b.id, characterId: live.id, sessionId: 's1' }),
      'NOT_FOUND',
      'Character not found',
    );
    expect(
      (await db.character.findUniqueOrThrow({ where: { id: live.id } })).lastPlayedAt,
    ).toBeNull();
  });

  it('puts the role from the database in the ticket, and refuses banned accounts', async () => {
    const deps = testDeps(db);
    const u = await createTestUser(db, { role: 'ADMIN' });
    const c = await createTestCharacter(db, u.id);
    const roleOf = async () => {
      const { ticket } = await enterWorld(deps, {
        userId: u.id,
        characterId: c.id,
        sessionId: 's1',
      });
      return (await verifySimTicket(deps.config.simTicketSecret, ticket, deps.clock.ms())).role;
    };
    expect(await roleOf()).toBe('ADMIN');
    await db.user.update({ where: { id: u.id }, data: { role: 'PLAYER' } });
    expect(await roleOf()).toBe('PLAYER');
    await db.user.update({
      where: { id: u.id },
      data: { bannedUntil: new Date(deps.clock.ms() + 1000) },
    });
    await expectDomainError(
      enterWorld(deps, { userId: u.id, characterId: c.id, sessionId: 's1' }),
      'FORBIDDEN',
      'This account cannot play now',
    );
  });
});
