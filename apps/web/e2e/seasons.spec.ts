// Seasons on the public pages, signed out. Test-only setup through the domain, straight
// in the e2e database: two runners fight a 1v1, the current season is ended by the
// season job's own function (with a clock just past its scheduled end), and they fight
// again in the new season. Then, in the browser: the 1v1 board's season filter opens the
// past season's final standings, and the winner's profile shows this season's rating,
// the recent matches with the opponent and the rating change, and the past season.
import { createDb, type Db } from '@necp/db';
import { createTestUser } from '@necp/db/testing';
import {
  FakeClock,
  createCharacter,
  createLog,
  endDueSeason,
  finishArenaMatch,
  nameRefusal,
  seededRng,
  systemClock,
  type GameDeps,
} from '@necp/game';
import { expect, test } from './test';
import { uid } from './helpers';

function nameFor(prefix: string): string {
  for (;;) {
    const name = `${prefix}${uid()}`.slice(0, 16);
    if (!nameRefusal(name)) return name;
  }
}

/** Test-only setup: returns the runners' names and the season that ended. */
async function seed(db: Db): Promise<{ ace: string; rook: string; ended: string }> {
  const deps: GameDeps = {
    db,
    clock: systemClock,
    rng: seededRng(26),
    log: createLog('e2e-seasons', 'silent'),
    config: { simTicketSecret: 'e2e-unused-secret-0123456789', simPublicUrl: 'http://localhost' },
  };
  const names = { ace: nameFor('Ssn'), rook: nameFor('Rook') };
  const make = async (name: string) =>
    (
      await createCharacter(deps, {
        userId: (await createTestUser(db)).id,
        name,
        origin: 'streetkid',
        class: 'solo',
      })
    ).id;
  const [ace, rook] = [await make(names.ace), await make(names.rook)];
  const fight = (winner: string, loser: string) =>
    finishArenaMatch(deps, {
      matchId: `e2e-season-${uid()}${uid()}`,
      bracket: '1v1',
      teams: [[winner], [loser]],
      winner: 0,
      // a fought match (a forfeit nobody fought would not count: docs/matchmaking.md)
      fight: { foughtMs: 60_000, by: 'defeat', damageByTeam: [500, 500] },
    });
  await fight(ace, rook);
  // the season job's work, as it runs once the season's end has passed
  const current = await db.season.findFirstOrThrow({ where: { state: 'active' } });
  const ended = await endDueSeason({
    ...deps,
    clock: new FakeClock(current.endsAt.getTime() + 1000),
  });
  expect(ended?.ended).toBe(current.key);
  await fight(ace, rook);
  return { ...names, ended: current.key };
}

test('season filter and the profile arena section, signed out', async ({ browser }) => {
  test.setTimeout(180_000);
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 2 });
  const s = await seed(db).finally(() => db.$disconnect());
  const ctx = await browser.newContext();
  const page = await ctx.newPage();

  // the 1v1 board (perhaps cached from before the season ended: read again until the filter shows)
  await page.goto('/leaderboards/arena-1v1');
  const pastChip = page.locator(`[data-testid=lb-season][data-season=${s.ended}]`);
  await expect
    .poll(
      async () => {
        if ((await pastChip.count()) > 0) return true;
        await page.waitForTimeout(2_000);
        await page.reload();
        return (await pastChip.count()) > 0;
      },
      { timeout: 75_000, intervals: [0] },
    )
    .toBe(true);
  await pastChip.click();
  await page.waitForURL(`**/leaderboards/arena-1v1?season=${s.ended}`);
  await expect(page.getByTestId('lb-archived')).toBeVisible();
  await expect(page.getByTestId('lb-title')).toContainText(`season ${s.ended} final standings`);
  const rows = await page
    .getByTestId('lb-row')
    .evaluateAll((r) => r.map((x) => x.getAttribute('data-name')));
  expect(rows.indexOf(s.ace)).toBeGreaterThanOrEqual(0);
  expect(rows.indexOf(s.ace)).toBeLessThan(rows.indexOf(s.rook));
  // the class filter keeps the season
  await page.locator('[data-testid=lb-class][data-class=solo]').click();
  await page.waitForURL(`**/leaderboards/arena-1v1?season=${s.ended}&class=solo`);
  await expect(page.getByTestId('lb-archived')).toBeVisible();

  // the winner's profile: this season's 1v1 rating, the two matches, the past season
  await page.goto(`/players/${s.ace}`);
  const arena = page.getByTestId('pp-arena');
  await expect(arena.locator('[data-testid=pp-arena-rating][data-bracket="1v1"]')).toBeVisible();
  const matches = arena.getByTestId('pp-match');
  await expect(matches).toHaveCount(2);
  await expect(matches.first()).toHaveAttribute('data-result', 'win');
  await expect(matches.first()).toHaveAttribute('data-opponents', s.rook);
  expect(Number(await matches.first().getAttribute('data-change'))).toBeGreaterThan(0);
  await expect(
    page.locator(
      `[data-testid=pp-past-season][data-season=${s.ended}][data-board=arena-1v1][data-scope=all]`,
    ),
  ).toBeVisible();

  // an unknown season is the site's 404
  const res = await ctx.request.get('/leaderboards/arena-1v1?season=S999');
  expect(res.status()).toBe(404);
  await ctx.close();
});
