import { afterAll, describe, expect, it } from 'vitest';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { give, newPlayer, secondCharacter } from '../inventory/test-helpers';
import { equipDirect } from '../progression/test-helpers';
import { loadCharacterStats } from './character-stats';
import { loadCharacterForSim } from './load-character';
import { loadSimEntry } from './sim-entry';

const db = testDb(2);
afterAll(() => db.$disconnect());
const deps = testDeps(db);

describe('loadSimEntry (a handshake in one query)', () => {
  it('loads the same character and stats as loadCharacterForSim and loadCharacterStats', async () => {
    const p = await newPlayer(db, { class: 'netrunner' });
    await equipDirect(db, p.characterId, 'pistol_unity', 'main_hand');
    const jacket = await equipDirect(db, p.characterId, 'jacket_kevlar', 'body');
    await db.item.update({ where: { id: jacket.id }, data: { durability: 0 } });
    await give(db, p, 'scrap_metal', 99 * 5);
    const entry = await loadSimEntry(deps, { ...p.ref, sessionVersion: 0 });
    expect(entry.character).toEqual(await loadCharacterForSim(deps, p.ref));
    expect(entry.stats).toEqual(await loadCharacterStats(deps, p.characterId));
    expect(entry.stats.weapon?.templateId).toBe('pistol_unity');
  });

  it('loads a character that carries nothing', async () => {
    const p = await newPlayer(db);
    const entry = await loadSimEntry(deps, { ...p.ref, sessionVersion: 0 });
    expect(entry.stats).toEqual(await loadCharacterStats(deps, p.characterId));
  });

  it("refuses someone else's character, a deleted one and an unknown account", async () => {
    const a = await newPlayer(db);
    const b = await newPlayer(db);
    await expectDomainError(
      loadSimEntry(deps, { userId: a.userId, characterId: b.characterId, sessionVersion: 0 }),
      'NOT_FOUND',
    );
    const other = await secondCharacter(db, a);
    await db.character.update({
      where: { id: other.characterId },
      data: { deletedAt: new Date() },
    });
    await expectDomainError(loadSimEntry(deps, { ...other.ref, sessionVersion: 0 }), 'NOT_FOUND');
    await expectDomainError(
      loadSimEntry(deps, { userId: 'nobody', characterId: a.characterId, sessionVersion: 0 }),
      'UNAUTHENTICATED',
    );
  });

  it('refuses a banned account, an old session version and a signed-out session', async () => {
    const p = await newPlayer(db);
    await expectDomainError(loadSimEntry(deps, { ...p.ref, sessionVersion: 1 }), 'UNAUTHENTICATED');
    await db.revokedSession.create({
      data: {
        id: `s-${p.userId}`,
        userId: p.userId,
        expiresAt: new Date(deps.clock.ms() + 60_000),
      },
    });
    await expectDomainError(
      loadSimEntry(deps, { ...p.ref, sessionVersion: 0, sessionId: `s-${p.userId}` }),
      'UNAUTHENTICATED',
    );
    // another session of the same account still enters
    await loadSimEntry(deps, { ...p.ref, sessionVersion: 0, sessionId: `t-${p.userId}` });
    await db.user.update({
      where: { id: p.userId },
      data: { bannedUntil: new Date(deps.clock.ms() + 60_000) },
    });
    await expectDomainError(loadSimEntry(deps, { ...p.ref, sessionVersion: 0 }), 'FORBIDDEN');
    // a ban that ran out no longer refuses
    deps.clock.advance(120_000);
    await loadSimEntry(deps, { ...p.ref, sessionVersion: 0 });
  });
});
