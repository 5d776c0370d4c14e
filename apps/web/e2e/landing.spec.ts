// The public face of the game: the landing page says only what the game has and shows
// real screenshots of it; every public page carries OpenGraph and Twitter tags whose
// picture is drawn for that page (the site, a board, a runner, a guild); the 404 keeps
// the site header.
import type { Page, TestInfo } from '@playwright/test';
import { createDb } from '@necp/db';
import { recordCurrency } from '@necp/game';
import { expect, test } from './test';
import { createCharacterViaApi, signUpViaApi, uid } from './helpers';

async function shot(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
}

/** What the game does not have (yet): a landing page that promises it is lying. */
const NOT_IN_THE_GAME = /territor/i;

for (const size of [
  { name: 'desktop', width: 1400, height: 900 },
  { name: 'phone', width: 390, height: 844 },
]) {
  test(`the landing page promises only what exists and shows the game (${size.name})`, async ({
    page,
  }, info) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(page.locator('main')).not.toContainText(NOT_IN_THE_GAME);
    // what exists is said: face-to-face trade, the auction house and crafting (issue 28) among the rest
    await expect(page.locator('main')).toContainText('face-to-face trade');
    await expect(page.locator('main')).toContainText('Reef Exchange auction house');
    await expect(page.locator('main')).toContainText('sealed-bid lots each season');
    await expect(page.locator('main')).toContainText('an order book for materials and stims');
    await expect(page.locator('main')).toContainText('Contracts pay from escrow');
    await expect(page.locator('main')).toContainText('Workbenches turn loot into gear');
    const shots = page.getByTestId('landing-screens').locator('img');
    await expect(shots).toHaveCount(3);
    for (const img of await shots.all()) {
      await img.scrollIntoViewIfNeeded();
      // loaded, and a real picture (the game's 1280×800 screenshots), not a broken icon
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
        .toBe(1280);
      expect(await img.getAttribute('alt')).toBeTruthy();
    }
    await shot(page, info, `landing-${size.name}`);
  });
}

interface Social {
  ogTitle: string | null;
  ogDescription: string | null;
  ogImage: string | null;
  twitterCard: string | null;
  twitterImage: string | null;
}

async function socialTags(page: Page, path: string): Promise<Social> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  const meta = (sel: string) => page.locator(`head meta[${sel}]`).first().getAttribute('content');
  return {
    ogTitle: await meta('property="og:title"'),
    ogDescription: await meta('property="og:description"'),
    ogImage: await meta('property="og:image"'),
    twitterCard: await meta('name="twitter:card"'),
    twitterImage: await meta('name="twitter:image"'),
  };
}

/** Fetches a card and reads its PNG header: 1200×630. */
async function expectCard(page: Page, url: string) {
  const res = await page.request.get(new URL(url).pathname);
  expect(res.status(), url).toBe(200);
  expect(res.headers()['content-type']).toBe('image/png');
  const png = await res.body();
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
}

/** Test-only setup: eddies for the guild fee, from the ledgered `admin` source. */
async function giveEddies(characterId: string, delta: number) {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await db.$transaction((tx) => recordCurrency(tx, { reason: 'admin', characterId, delta }));
  } finally {
    await db.$disconnect();
  }
}

test('every public page has OpenGraph and Twitter tags with a card drawn for it', async ({
  browser,
}, info) => {
  test.setTimeout(120_000);
  const id = uid();
  const name = `Og${id}`;
  const tag = `OG${id.replace(/[^a-z]/g, '').toUpperCase()}XYZ`.slice(0, 5);
  const founder = await browser.newPage();
  await signUpViaApi(founder, `og${id}`);
  const characterId = await createCharacterViaApi(founder, name, 'streetkid', 'solo');
  await giveEddies(characterId, 5_000);
  const created = await founder.request.post('/api/trpc/guild.create', {
    headers: { 'content-type': 'application/json' },
    data: { json: { characterId, name: `Og Crew ${id}`, tag } },
  });
  expect(created.status(), await created.text()).toBe(200);
  await founder.close();

  // signed out, as a chat app's preview bot would ask
  const page = await browser.newPage();
  const pages: { path: string; card: RegExp; title: RegExp }[] = [
    { path: '/', card: /\/api\/og\/site$/, title: /NECP/ },
    { path: '/about', card: /\/api\/og\/site$/, title: /About/ },
    { path: '/signin', card: /\/api\/og\/site$/, title: /NECP/ },
    { path: '/leaderboards', card: /\/api\/og\/board\/level$/, title: /Leaderboards/ },
    { path: '/leaderboards/wealth', card: /\/api\/og\/board\/wealth$/, title: /./ },
    { path: `/players/${name}`, card: new RegExp(`/api/og/player/${name}$`), title: /Og/ },
    { path: `/guilds/${tag}`, card: new RegExp(`/api/og/guild/${tag}$`), title: /Og Crew/ },
  ];
  for (const p of pages) {
    const s = await socialTags(page, p.path);
    expect(s.ogTitle, p.path).toMatch(p.title);
    expect(s.ogDescription, p.path).toBeTruthy();
    expect(s.ogImage, p.path).toMatch(p.card);
    expect(s.twitterCard, p.path).toBe('summary_large_image');
    expect(s.twitterImage, p.path).toBe(s.ogImage);
    await expectCard(page, s.ogImage!);
  }
  // a card is drawn only for what exists
  expect((await page.request.get('/api/og/player/NoSuchRunnerXyz')).status()).toBe(404);
  expect((await page.request.get('/api/og/board/nonsense')).status()).toBe(404);
  expect((await page.request.get('/api/og/guild/QQQQQ')).status()).toBe(404);

  // the runner's card, looked at
  const card = await page.request.get(`/api/og/player/${name}`);
  const path = info.outputPath('player-card.png');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, await card.body());
  await info.attach('player-card', { path, contentType: 'image/png' });
});

test('the 404 page keeps the site header', async ({ page }) => {
  const res = await page.goto('/no-such-page-at-all');
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toBeVisible();
  await expect(page.getByTestId('header-leaderboards')).toBeVisible();
  await page.getByTestId('header-leaderboards').click();
  await expect(page).toHaveURL(/\/leaderboards$/);
});
