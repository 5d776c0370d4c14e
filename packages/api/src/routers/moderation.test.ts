import { afterAll, describe, expect, it, vi } from 'vitest';
import { createTestCharacter, uniq } from '@necp/db/testing';
import { appendCombatLog, reportPlayer, type CombatLogRow } from '@necp/game';
import { rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());

const T0 = Date.UTC(2026, 6, 1, 9);
const row = (
  o: Partial<CombatLogRow> & Pick<CombatLogRow, 'sourceId' | 'targetId'>,
): CombatLogRow => ({
  at: new Date(T0),
  zoneId: 'watson',
  kind: 'hit',
  sourceKind: 'player',
  sourceName: 'src',
  targetKind: 'npc',
  targetName: 'tgt',
  amount: 7,
  ...o,
});

describe('moderation router', () => {
  it('refuses players, and a demoted moderator at once', async () => {
    const deps = testDeps(db);
    const player = await signedIn(deps, db);
    expect(await rejection(player.caller.moderation.combatLog({}))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const mod = await signedIn(deps, db, 'MODERATOR');
    await db.user.update({ where: { id: mod.user.id }, data: { role: 'PLAYER' } });
    // the session still says MODERATOR; the role is re-read from the database
    expect(await rejection(mod.caller.moderation.combatLog({}))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('lets moderators and admins read the log with filters, audit-logged', async () => {
    const deps = testDeps(db);
    const info = vi.spyOn(deps.log, 'info');
    const target = await signedIn(deps, db);
    const c = await createTestCharacter(db, target.user.id);
    const npc = `npc:${uniq('s')}#1`;
    await appendCombatLog(deps, [
      row({ sourceId: c.id, targetId: npc, at: new Date(T0) }),
      row({ sourceId: npc, targetId: c.id, at: new Date(T0 + 1000), zoneId: 'westbrook' }),
      row({ sourceId: c.id, targetId: npc, at: new Date(T0 + 2000), kind: 'death' }),
    ]);
    for (const role of ['MODERATOR', 'ADMIN'] as const) {
      const { caller, user } = await signedIn(deps, db, role);
      const all = await caller.moderation.combatLog({ characterId: c.id });
      expect(all.items.map((e) => [e.kind, e.zoneId])).toEqual([
        ['death', 'watson'],
        ['hit', 'westbrook'],
        ['hit', 'watson'],
      ]);
      const byName = await caller.moderation.combatLog({
        characterName: c.name,
        zoneId: 'westbrook',
      });
      expect(byName.items.map((e) => e.sourceId)).toEqual([npc]);
      const window = await caller.moderation.combatLog({
        characterId: c.id,
        since: new Date(T0 + 500),
        until: new Date(T0 + 1500),
      });
      expect(window.items).toHaveLength(1);
      const first = await caller.moderation.combatLog({ characterId: c.id, limit: 2 });
      expect(first.items).toHaveLength(2);
      const rest = await caller.moderation.combatLog({
        characterId: c.id,
        limit: 2,
        cursor: first.nextCursor ?? undefined,
      });
      expect(rest.items.map((e) => e.at)).toEqual([new Date(T0)]);
      expect(rest.nextCursor).toBeNull();
      expect(info).toHaveBeenCalledWith(
        expect.objectContaining({
          audit: true,
          userId: user.id,
          path: 'moderation.combatLog',
          ok: true,
        }),
        'staff procedure',
      );
    }
  });

  it('answers bad input with a typed error', async () => {
    const deps = testDeps(db);
    const mod = await signedIn(deps, db, 'MODERATOR');
    for (const input of [
      { limit: 500 },
      { limit: 0 },
      { cursor: 'abc' },
      { since: new Date(T0 + 1), until: new Date(T0) },
    ]) {
      const e = await rejection(mod.caller.moderation.combatLog(input));
      expect(e).toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(
      await rejection(mod.caller.moderation.combatLog({ characterName: 'NoSuchName99' })),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'No character by that name' });
  });
});

describe('chat mutes', () => {
  it('moderators mute and unmute; players may not', async () => {
    const deps = testDeps(db);
    const target = await signedIn(deps, db);
    const player = await signedIn(deps, db);
    expect(
      await rejection(
        player.caller.moderation.chatMute({ userId: target.user.id, minutes: 5, reason: 'spam' }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const mod = await signedIn(deps, db, 'MODERATOR');
    const muted = await mod.caller.moderation.chatMute({
      userId: target.user.id,
      minutes: 5,
      reason: 'spam',
    });
    expect(muted.reason).toBe('spam');
    expect(
      await db.chatMute.count({ where: { userId: target.user.id, byUserId: mod.user.id } }),
    ).toBe(1);
    expect(
      await rejection(
        mod.caller.moderation.chatMute({ userId: target.user.id, minutes: 0, reason: 'x' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await mod.caller.moderation.chatUnmute({ userId: target.user.id })).toEqual({
      ended: 1,
    });
  });

  // the rank rule of bans (issue 25): the reports queue's "Mute 1 h / 24 h" is this call too
  it('follow the rank rule of bans: nobody mutes or unmutes staff of their rank or above, nor themselves', async () => {
    const deps = testDeps(db);
    const mod = await signedIn(deps, db, 'MODERATOR');
    const otherMod = await signedIn(deps, db, 'MODERATOR');
    const admin = await signedIn(deps, db, 'ADMIN');
    const mute = (by: typeof mod, userId: string) =>
      by.caller.moderation.chatMute({ userId, minutes: 60, reason: 'rank test' });
    const forbidden = {
      code: 'FORBIDDEN',
      message: 'You can only ban, unban, mute or unmute accounts below your own role',
    };
    expect(await rejection(mute(mod, admin.user.id))).toMatchObject(forbidden);
    expect(await rejection(mute(mod, otherMod.user.id))).toMatchObject(forbidden);
    expect(await rejection(mute(mod, mod.user.id))).toMatchObject(forbidden);
    expect(await db.chatMute.count({ where: { byUserId: mod.user.id } })).toBe(0);
    // an admin mutes a moderator; the moderator cannot lift it, nor lift another's
    await mute(admin, mod.user.id);
    expect(
      await rejection(mod.caller.moderation.chatUnmute({ userId: mod.user.id })),
    ).toMatchObject(forbidden);
    await mute(admin, otherMod.user.id);
    expect(
      await rejection(mod.caller.moderation.chatUnmute({ userId: otherMod.user.id })),
    ).toMatchObject(forbidden);
    expect(
      await db.chatMute.count({
        where: { userId: { in: [mod.user.id, otherMod.user.id] }, until: { gt: deps.clock.now() } },
      }),
    ).toBe(2);
    // the admin, who outranks them, may
    expect(await admin.caller.moderation.chatUnmute({ userId: mod.user.id })).toEqual({ ended: 1 });
    // a player is refused as not staff; an unknown account is NOT_FOUND
    const player = await signedIn(deps, db);
    expect(
      await rejection(player.caller.moderation.chatUnmute({ userId: mod.user.id })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await rejection(mute(admin, 'no-such-account-id'))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('report queue', () => {
  it('moderators list and resolve players’ reports; players may not; bad input is refused', async () => {
    const deps = testDeps(db);
    const target = await signedIn(deps, db);
    const reporter = await signedIn(deps, db);
    const t = await createTestCharacter(db, target.user.id);
    const r = await createTestCharacter(db, reporter.user.id);
    await reportPlayer(deps, { reporterId: r.id, name: t.name, reason: 'cheating', note: 'speed' });

    expect(await rejection(reporter.caller.moderation.reports({}))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const mod = await signedIn(deps, db, 'MODERATOR');
    const { items: reports } = await mod.caller.moderation.reports({ limit: 50 });
    const mine = reports.find((x) => x.kind === 'player' && x.reporterId === r.id);
    expect(mine).toMatchObject({ targetName: t.name, targetUserId: target.user.id, note: 'speed' });

    expect(
      await rejection(
        reporter.caller.moderation.resolveReport({ kind: 'player', id: mine!.id, resolution: 'x' }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    for (const bad of [
      { kind: 'player', id: mine!.id, resolution: '' },
      { kind: 'user', id: mine!.id, resolution: 'ok' },
      { kind: 'player', id: mine!.id, resolution: 'a\u0000b' },
    ])
      expect(await rejection(mod.caller.moderation.resolveReport(bad as never))).toMatchObject({
        code: 'BAD_REQUEST',
      });
    expect(await rejection(mod.caller.moderation.reports({ limit: 51 }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(
      await mod.caller.moderation.resolveReport({
        kind: 'player',
        id: mine!.id,
        resolution: 'warned',
      }),
    ).toEqual({ resolved: true });
    expect(
      await rejection(
        mod.caller.moderation.resolveReport({ kind: 'player', id: mine!.id, resolution: 'again' }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
  });
});
