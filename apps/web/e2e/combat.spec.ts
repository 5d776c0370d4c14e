// Combat through the real client: a brand-new Solo (starter kit only) walks to the Tyger Claws Punks by the
// Kabuki Market, targets one with Tab, kills it with the ability keys, sees the XP
// arrive, picks up its loot with F, and keeps fighting until the HUD shows level 2
// (level 1 → 2 needs 100 XP; a level-2 punk gives 58).
import { expect, test } from './test';
import type { Page } from '@playwright/test';
import { npcTemplateById, zoneById } from '@necp/shared';
import type { NecpTestView } from '../src/game/test-hook';
import { fightTarget, living, loneliest, state, tabTo, waitForOwnDropNear } from './combat-helpers';
import { enterCity, newAccountWithCharacter, playingCharacterId, uid, walkTo } from './helpers';

const PUNK = 'tyger_claws_punk';
const watson = zoneById('watson')!;
const plaza = watson.npcSpawns.find((s) => s.templateId === PUNK)!;
const start = watson.spawnPoints.find((p) => p.kind === 'player_start')!;

const AGGRO = npcTemplateById(PUNK)!.behaviour.aggroRange;
/** further apart than the sim's assist radius (6 m): pulling one does not pull the other */
const LONE = 8;
/** health fraction to rest back to before pulling the next punk */
const REST_TO = 0.8;

const xpBar = (page: Page) => page.getByTestId('hud-xp');
/** one of the plaza's pack (on its spawn circle, or a little off it chasing someone) */
const atPlaza = (p: { x: number; y: number }) =>
  Math.hypot(p.x - plaza.x, p.y - plaza.y) <= plaza.radius + 8;

// @plaza: the only test at the plaza's pack while it runs (playwright.config.ts)
test(
  'hunt Tyger Claws Punks: target, kill, loot, level up',
  { tag: '@plaza' },
  async ({ page }) => {
    test.setTimeout(240_000);
    const id = uid();
    await newAccountWithCharacter(page, `fighter${id}`, `Solo${id}`, 'streetkid', 'solo');
    // nothing is seeded: the character fights with what a new Solo has (its starter kit)
    const card = page.getByTestId('character-card').filter({ hasText: `Solo${id}` });
    const characterId = await card.getAttribute('data-id');
    expect(characterId).toBeTruthy();
    await enterCity(page, `Solo${id}`);
    expect(playingCharacterId(page)).toBe(characterId);

    await expect(page.getByTestId('hud-level')).toHaveText('1');
    await expect(xpBar(page)).toHaveAttribute('data-level', '1');
    await expect(page.getByTestId('ability-bar')).toBeVisible();
    await expect(
      page.locator('[data-testid=ability-slot][data-ability=solo_attack]'),
    ).toHaveAttribute('data-slot', '0');

    // stand ~20 m from the plaza's centre, on the side of the start: outside the aggro
    // range of most of the pack (one patrolling to the near edge may come: it is fought)
    const dx = start.x - plaza.x;
    const dy = start.y - plaza.y;
    const len = Math.hypot(dx, dy);
    const back = 20;
    const stand = { x: plaza.x + (dx / len) * back, y: plaza.y + (dy / len) * back };
    await walkTo(page, stand.x, stand.y, 1.5);
    await expect.poll(async () => (await living(page, PUNK)).length).toBeGreaterThan(0);

    /**
     * The punk to fight now: one already on us; otherwise one of this plaza's pack on
     * screen (Tab reaches only those; never one of the west pack: chasing it leads
     * there) within Power Shot's reach and with no mate close enough to join — one
     * punk at a time is a fight a new Solo wins; two can flatline it.
     */
    const pick = (s: NecpTestView) => {
      const away = (p: { x: number; y: number }) => Math.hypot(p.x - s.self!.x, p.y - s.self!.y);
      const punks = s.entities.filter((e) => e.templateId === PUNK && !e.dead);
      const near = punks.find((p) => away(p) < AGGRO + 2);
      if (near) return near;
      const alone = punks.filter(
        (p) =>
          p.inView &&
          atPlaza(p) &&
          away(p) <= 23 &&
          punks.every((o) => o === p || Math.hypot(o.x - p.x, o.y - p.y) > LONE),
      );
      return loneliest(alone) ?? null;
    };
    const healthy = async () => {
      const s = await state(page);
      return s.self!.health / s.self!.maxHealth;
    };

    let kills = 0;
    let looted = false;
    let xpBefore = Number(await xpBar(page).getAttribute('data-value'));
    while (kills < 6 && (!looted || (await page.getByTestId('hud-level').textContent()) !== '2')) {
      // rested before the next pull (out of combat health comes back at 2 %/s)
      if (!pick(await state(page)) || (await healthy()) < REST_TO)
        await expect
          .poll(
            async () => {
              const s = await state(page);
              const prey = pick(s);
              // one already on us does not wait for health
              if (prey && Math.hypot(prey.x - s.self!.x, prey.y - s.self!.y) < AGGRO + 2)
                return true;
              return !!prey && s.self!.health / s.self!.maxHealth >= REST_TO;
            },
            // a lone punk comes by as the pack patrols, or the pack respawns (60 s)
            { timeout: 100_000 },
          )
          .toBe(true);
      const prey = pick(await state(page));
      if (!prey) continue;
      await tabTo(page, prey.eid);
      const frame = page.getByTestId('target-frame');
      await expect(frame).toHaveAttribute('data-eid', String(prey.eid));
      await expect(page.getByTestId('target-name')).toHaveText('Tyger Claws Punk');

      const corpse = await fightTarget(page, prey.eid, 45_000, AGGRO + 2);
      if (!corpse) continue; // it fled out of sight: it comes back, or another one will
      kills++;
      // the frame shows the corpse — unless an ability key pressed as it died already
      // took the next punk (an ability with a dead target picks the nearest, like Tab)
      if ((await state(page)).target === prey.eid)
        await expect(frame).toHaveAttribute('data-dead', 'true');

      // the kill pays XP: the bar moves and the log says so
      await expect
        .poll(async () => {
          const level = Number(await xpBar(page).getAttribute('data-level'));
          const value = Number(await xpBar(page).getAttribute('data-value'));
          return level > 1 || value > xpBefore;
        })
        .toBe(true);
      xpBefore = Number(await xpBar(page).getAttribute('data-value'));
      await page.keyboard.press('l');
      await expect(
        page
          .getByTestId('combat-log-line')
          .filter({ hasText: /You gain \d+ XP/ })
          .last(),
      ).toBeVisible();
      await expect(
        page
          .getByTestId('combat-log-line')
          .filter({ hasText: 'You killed Tyger Claws Punk' })
          .last(),
      ).toBeVisible();
      await page.keyboard.press('l');

      // loot lies at the corpse (items are rolled: not every kill drops one)
      if (!looted) {
        // the drop is written with the XP (one transaction), then shown: seconds on a loaded
        // machine. A punk coming for us meanwhile is fought first (the next round picks it):
        // standing by the corpse while it hit us flatlined a new Solo in three CI runs
        const drop = await waitForOwnDropNear(page, corpse, 3, 10_000, AGGRO + 2);
        if (drop) {
          await walkTo(page, drop.x, drop.y, 1);
          const hint = page.getByTestId('interaction-hint');
          await expect(hint).toHaveAttribute('data-kind', 'drop');
          const mine = async () => (await state(page)).drops.filter((d) => d.mine).length;
          const before = await mine();
          await page.keyboard.press('f');
          await expect(
            page.getByTestId('toast').filter({ hasText: 'Picked up' }).last(),
          ).toBeVisible();
          // one of ours left the ground: a kill can drop two items on one spot, and F takes
          // the nearest, not necessarily the one we walked to (ci-7 and ci-8 failed waiting
          // for that one while the other had been picked up)
          await expect.poll(mine).toBeLessThan(before);
          looted = true;
          // back out of the pack's reach before pulling the next one
          await walkTo(page, stand.x, stand.y, 1.5);
        }
      }
    }

    // 2 kills × 58 XP: level 2 on the HUD, the XP bar and in the log
    await expect(page.getByTestId('hud-level')).toHaveText('2');
    await expect(xpBar(page)).toHaveAttribute('data-level', '2');
    await page.keyboard.press('l');
    await expect(
      page.getByTestId('combat-log-line').filter({ hasText: 'You reached level 2!' }),
    ).toHaveCount(1);
    expect(looted).toBe(true);
  },
);
