// Takes the landing page's screenshots (public/screens/*.jpg) in the real game: two
// runners in Watson by the Kabuki Market, a fight with a Tyger Claws punk, the
// Rankings window. See README.md here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { zoneById } from '@necp/shared';
import { expect, test } from '../e2e/test';
import { living, loneliest, stepTowards, state, tabTo } from '../e2e/combat-helpers';
import { dismissDailyPopup, enterCity, newAccountWithCharacter, uid, walkTo } from '../e2e/helpers';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'screens');
const SIZE = { width: 1280, height: 800 };
const PUNK = 'tyger_claws_punk';
const watson = zoneById('watson')!;
const plaza = watson.npcSpawns.find((s) => s.templateId === PUNK)!;
const start = watson.spawnPoints.find((p) => p.kind === 'player_start')!;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(OUT, `${name}.jpg`), type: 'jpeg', quality: 80 });

test('screenshots of the game for the landing page', async ({ browser }) => {
  test.setTimeout(240_000);
  const id = uid();
  const a = await (await browser.newContext({ viewport: SIZE })).newPage();
  const b = await (await browser.newContext({ viewport: SIZE })).newPage();
  await newAccountWithCharacter(a, `shotA${id}`, `Kira${id.slice(0, 3)}`, 'streetkid', 'solo');
  await newAccountWithCharacter(b, `shotB${id}`, `Vex${id.slice(0, 3)}`, 'corpo', 'netrunner');
  await enterCity(a, `Kira${id.slice(0, 3)}`);
  await enterCity(b, `Vex${id.slice(0, 3)}`);
  await dismissDailyPopup(a);
  await dismissDailyPopup(b);

  // both walk towards the market and stop short of the pack; A says hello in chat
  const dx = start.x - plaza.x;
  const dy = start.y - plaza.y;
  const len = Math.hypot(dx, dy);
  const stand = { x: plaza.x + (dx / len) * 22, y: plaza.y + (dy / len) * 22 };
  await Promise.all([walkTo(a, stand.x, stand.y, 1.5), walkTo(b, stand.x + 3, stand.y + 2, 1.5)]);
  await a.getByTestId('game-canvas').focus();
  await a.keyboard.press('Enter');
  await a.getByTestId('chat-input').pressSequentially('anyone up for the Kabuki punks?');
  await a.keyboard.press('Enter');
  await expect(b.locator('[data-testid=chat-line]', { hasText: 'Kabuki punks' })).toBeVisible();
  await b.getByTestId('game-canvas').focus();
  await b.waitForTimeout(800);
  await shot(b, 'city');

  // A picks the loneliest punk and fights it; the picture is taken mid-fight
  await expect.poll(async () => (await living(a, PUNK)).length).toBeGreaterThan(0);
  const prey = loneliest(await living(a, PUNK));
  expect(prey).not.toBeNull();
  for (let i = 0; i < 40; i++) {
    const s = await state(a);
    const t = s.entities.find((e) => e.eid === prey!.eid);
    if (!s.self || !t || Math.hypot(t.x - s.self.x, t.y - s.self.y) < 16) break;
    await stepTowards(a, s.self, t);
  }
  await tabTo(a, prey!.eid);
  // a couple of shots in: the punk hurt, damage numbers up, the runner still standing
  for (let i = 0; i < 2; i++) {
    await a.keyboard.press('1');
    await a.waitForTimeout(600);
  }
  await shot(a, 'fight');

  // the Rankings window over the street
  await b.getByTestId('game-canvas').focus();
  await b.keyboard.press('u');
  await expect(b.getByTestId('rankings-panel')).toBeVisible();
  await b.waitForTimeout(500);
  await shot(b, 'rankings');
});
