// Crafting through the API: a crafter at a workbench sees its recipes, starts a craft,
// is told to wait, finishes it and salvages what it made; someone else's character is
// NOT_FOUND, bad input BAD_REQUEST, away from a station FORBIDDEN.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter } from '@necp/db/testing';
import { DISCIPLINES, RECIPES, recipeById, zoneById } from '@necp/shared';
import { FakeClock, grantItem } from '@necp/game';
import { rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());
const station = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'crafting_station')!;
const at = { x: station.x, y: station.y + 2 };
const knife = recipeById('ws_combat_knife')!;

describe('crafting router', () => {
  it('views, starts, finishes and salvages; refuses others, bad input and the far away', async () => {
    // years ahead: the wall-clock worker of other suites never finishes these crafts
    const clock = new FakeClock(Date.UTC(2044, 0, 1));
    const deps = { ...testDeps(db), clock };
    const me = await signedIn(deps, db);
    const other = await signedIn(deps, db);
    const c = await createTestCharacter(db, me.user.id, at);
    const oc = await createTestCharacter(db, other.user.id, at);
    for (const i of knife.inputs)
      await grantItem(
        { db },
        { characterId: c.id, ...i, quantity: i.quantity * 2, reason: 'admin' },
      );

    const view = await me.caller.crafting.view({ characterId: c.id });
    expect(view.atStation).toBe(true);
    expect(view.casting).toBeNull();
    expect(Object.keys(view.skills)).toEqual([...DISCIPLINES]);
    expect(view.recipes).toHaveLength(RECIPES.length);
    expect(view.recipes.find((r) => r.id === knife.id)).toMatchObject({
      learnable: true,
      craftable: true,
      color: 'orange',
      inputs: knife.inputs.map((i) => ({ ...i, owned: i.quantity * 2 })),
    });

    const started = await me.caller.crafting.start({
      characterId: c.id,
      recipeId: knife.id,
      idempotencyKey: 'api-craft-1',
    });
    expect(started).toMatchObject({ state: 'casting', outcome: null });
    expect((await me.caller.crafting.view({ characterId: c.id })).casting?.id).toBe(started.id);
    expect(
      await rejection(me.caller.crafting.finish({ characterId: c.id, craftId: started.id })),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', message: 'Still crafting…' });
    clock.advance(knife.castMs);
    const done = await me.caller.crafting.finish({ characterId: c.id, craftId: started.id });
    expect(done.state).toBe('done');
    expect(done.outcome?.seed).toBeTruthy();

    // someone else's character and craft
    expect(await rejection(other.caller.crafting.view({ characterId: c.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await rejection(other.caller.crafting.cancel({ characterId: oc.id, craftId: started.id })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    // bad input
    expect(
      await rejection(
        me.caller.crafting.start({ characterId: c.id, recipeId: 'Knife!', idempotencyKey: 'k' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await rejection(
        me.caller.crafting.salvage({ characterId: c.id, itemId: 'x', idempotencyKey: 'a b' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });

    // salvage (anywhere: no station needed)
    await db.character.update({ where: { id: c.id }, data: { x: 20, y: 20 } });
    const [pistol] = await grantItem(
      { db },
      { characterId: c.id, templateId: 'pistol_unity', quantity: 1, reason: 'admin' },
    );
    const salvage = { characterId: c.id, itemId: pistol!.itemId, idempotencyKey: 'api-salvage-1' };
    const s = await me.caller.crafting.salvage(salvage);
    expect(s).toMatchObject({ itemId: pistol!.itemId, tableId: 'weapon_common' });
    expect(await me.caller.crafting.salvage(salvage)).toEqual(s);
    // far from a station
    expect(
      await rejection(
        me.caller.crafting.start({
          characterId: c.id,
          recipeId: knife.id,
          idempotencyKey: 'api-craft-2',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'You need to be at a crafting station' });
  });
});
