// The arena story (issue 14): two new Solos queue for arena 1v1 in the group finder,
// both accept the ready check, the transition takes them into the Neon Pit, the
// scoreboard counts the gates down, they fight until one is down, both see the result
// with their rating change, are sent back to Watson, and the public arena board —
// signed out — ranks the winner above the loser.
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { stepTowards, state, tabTo } from './combat-helpers';
import { walkTo } from './helpers';
import { cityPlayer, queueOneVsOne } from './queue-helpers';

/** The Neon Pit's row clear of the pillars: both fight from it (line of sight). */
const LANE_Y = 25;

/**
 * Fights the enemy player until the arena says the match is over: Power Shot, then
 * the attack, stepping closer along a lane clear of the pillars when out of reach.
 */
async function fight(page: Page, enemyEid: number, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const handle = await page.waitForFunction(
      ({ eid, lane }) => {
        const board = document.querySelector<HTMLElement>('[data-testid=arena-scoreboard]');
        if (!board || board.dataset.phase === 'over') return { act: 'over' };
        const s = window.__necp?.state();
        if (!s?.self) return null;
        if (s.self.dead) return { act: 'over' };
        const t = s.entities.find((e) => e.eid === eid);
        if (!t || t.dead) return null;
        if (s.target !== eid) return { act: 'retarget' };
        // off the lane (the gates may hold a fighter back from reaching it before the
        // fight): onto it first — from beside the holo-column neither could hit the other,
        // and neither stepped, until the match timed out
        if (Math.abs(s.self.y - lane) > 1.2)
          return { act: 'approach', x: s.self.x, y: t.y, sx: s.self.x, sy: s.self.y };
        const d = Math.hypot(t.x - s.self.x, t.y - s.self.y);
        const slot = (ability: string) =>
          document.querySelector<HTMLElement>(
            `[data-testid=ability-slot][data-ability=${ability}]`,
          );
        const ready = (ability: string, reach: number) =>
          slot(ability)?.dataset.ready === 'true' && d <= reach;
        if (ready('solo_power_shot', 24))
          return { act: 'key', key: slot('solo_power_shot')!.dataset.slot };
        if (ready('solo_attack', 19)) return { act: 'key', key: slot('solo_attack')!.dataset.slot };
        if (d > 18) return { act: 'approach', x: t.x, y: t.y, sx: s.self.x, sy: s.self.y };
        return null;
      },
      { eid: enemyEid, lane: LANE_Y },
      { polling: 50, timeout: Math.max(1000, until - Date.now()) },
    );
    const a = (await handle.jsonValue()) as {
      act: string;
      key?: string;
      x?: number;
      y?: number;
      sx?: number;
      sy?: number;
    };
    if (a.act === 'over') return;
    if (a.act === 'retarget') await tabTo(page, enemyEid);
    // closer along the lane, never towards the enemy's y: a diagonal step once took a
    // player beside a pillar, which then stood between them until the fight timed out
    else if (a.act === 'approach')
      await stepTowards(page, { x: a.sx!, y: a.sy! }, { x: a.x!, y: LANE_Y });
    else if (a.act === 'key') await page.keyboard.press(String(Number(a.key) + 1));
  }
  throw new Error('the arena match did not end');
}

// @arena-queue: the only test in the 1v1 queue while it runs (playwright.config.ts)
test(
  'arena 1v1: queue, ready check, fight, ratings change, the public board shows it',
  { tag: '@arena-queue' },
  async ({ browser }) => {
    test.setTimeout(240_000);
    const [ca, cb, anon] = await Promise.all([
      browser.newContext(),
      browser.newContext(),
      browser.newContext(),
    ]);
    try {
      const [pa, pb] = await Promise.all([ca.newPage(), cb.newPage()]);
      const names = await Promise.all([
        cityPlayer(pa, 'Ava', 'solo'),
        cityPlayer(pb, 'Bex', 'solo'),
      ]);
      for (const p of [pa, pb]) {
        await queueOneVsOne(p);
        await p.keyboard.press('Escape');
      }

      // both accept the ready check: the transition takes them into the arena
      for (const p of [pa, pb]) {
        await expect(p.getByTestId('ready-check')).toBeVisible();
        await p.getByTestId('ready-check-accept').click();
      }
      // the transition is brief: watched on both pages at once, in one look each (one after
      // the other, the second could be over before it was looked at)
      await Promise.all(
        [pa, pb].map((p) =>
          expect(
            p.locator('[data-testid=instance-transition][data-direction=enter]', {
              hasText: 'Neon Pit Arena',
            }),
          ).toBeVisible(),
        ),
      );
      for (const p of [pa, pb]) {
        await expect(p.getByTestId('arena-scoreboard')).toBeVisible({ timeout: 30_000 });
        await expect.poll(async () => (await state(p)).zoneId).toMatch(/^arena-neon-pit--/);
      }
      // both on the board; the gates count down, then open
      const board = pa.getByTestId('arena-scoreboard');
      await expect(board.getByTestId('arena-member')).toHaveCount(2);
      await expect(board).toHaveAttribute('data-phase', /countdown|fighting/);

      // to a lane clear of the pillars while the gates are shut (west player: the gate at x 8)
      const lanes = await Promise.all(
        [pa, pb].map(async (p) =>
          (await state(p)).self!.x < 32 ? { x: 22, y: LANE_Y } : { x: 42, y: LANE_Y },
        ),
      );
      await Promise.all([
        walkTo(pa, lanes[0]!.x, lanes[0]!.y, 1.5),
        walkTo(pb, lanes[1]!.x, lanes[1]!.y, 1.5),
      ]);
      await expect(board).toHaveAttribute('data-phase', 'fighting', { timeout: 15_000 });

      // each sees the other as an enemy: fight until one is down
      const enemyOf = async (p: Page, other: string) => {
        const row = p.locator(`[data-testid=arena-member][data-side=enemy][data-name="${other}"]`);
        await expect(row).toHaveCount(1);
        const s = await state(p);
        const e = s.entities.find((x) => x.kind === 'player' && x.name === other);
        expect(e?.disposition).toBe('hostile');
        return e!.eid;
      };
      const [eb, ea] = await Promise.all([enemyOf(pa, names[1]), enemyOf(pb, names[0])]);
      await Promise.all([fight(pa, eb, 150_000), fight(pb, ea, 150_000)]);

      // the result: one victory, one defeat, both ratings moved (the winner's up)
      const outcomes = await Promise.all(
        [pa, pb].map(async (p) => {
          const result = p.getByTestId('arena-result');
          await expect(result).toBeVisible({ timeout: 15_000 });
          return result.getAttribute('data-outcome');
        }),
      );
      expect([...outcomes].sort()).toEqual(['defeat', 'victory']);
      const winIdx = outcomes[0] === 'victory' ? 0 : 1;
      const winPage = [pa, pb][winIdx]!;
      const winName = names[winIdx]!;
      const loseName = names[1 - winIdx]!;
      const delta = async (name: string) =>
        Number(
          await winPage
            .locator(`[data-testid=arena-rating-row][data-name="${name}"]`)
            .getAttribute('data-delta'),
        );
      expect(await delta(winName)).toBeGreaterThan(0);
      expect(await delta(loseName)).toBeLessThan(0);

      // back to Watson after the result (the transition comes and goes on both at once)
      await Promise.all(
        [pa, pb].map((p) =>
          expect.poll(async () => (await state(p)).zoneId, { timeout: 40_000 }).toBe('watson'),
        ),
      );

      // signed out: the arena board ranks the winner above the loser
      const pub = await anon.newPage();
      const rankOf = async (name: string) =>
        Number(
          await pub.locator(`[data-testid=lb-row][data-name="${name}"]`).getAttribute('data-rank'),
        );
      await expect
        .poll(
          async () => {
            await pub.goto('/leaderboards/arena-1v1');
            const rows = pub.locator('[data-testid=lb-row]');
            if ((await rows.filter({ hasText: winName }).count()) === 0) return false;
            if ((await rows.filter({ hasText: loseName }).count()) === 0) return false;
            return (await rankOf(winName)) < (await rankOf(loseName));
          },
          { timeout: 75_000, intervals: [1_000, 5_000] },
        )
        .toBe(true);
    } finally {
      await Promise.all([ca.close(), cb.close(), anon.close()]);
    }
  },
);
