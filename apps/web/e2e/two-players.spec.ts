// The foundation flow: two players in two browsers register, create characters,
// enter Watson, and each sees the other move.
import { expect, test } from './test';
import type { Page } from '@playwright/test';
// the window.__necp declaration
import type {} from '../src/game/test-hook';
import {
  createCharacter,
  enterCity,
  hold,
  newAccountWithCharacter,
  ownPosition,
  seenPosition,
  signUp,
  uid,
} from './helpers';

test('two players register, enter the zone and see each other move', async ({ browser }) => {
  const id = uid();
  const a = { user: `alice${id}`, char: `Vee${id}` };
  const b = { user: `bob${id}`, char: `Jackie${id}` };
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const pa = await ctxA.newPage();
  const pb = await ctxB.newPage();

  await signUp(pa, a.user);
  await signUp(pb, b.user);
  await createCharacter(pa, a.char, 'streetkid', 'solo');
  await createCharacter(pb, b.char, 'nomad', 'netrunner');
  await enterCity(pa, a.char);
  await enterCity(pb, b.char);
  await expect(pa.getByTestId('game-canvas')).toBeVisible();

  // both start at Kabuki Market: each is in the other's area of interest
  await expect.poll(() => seenPosition(pb, a.char)).toBeDefined();
  await expect.poll(() => seenPosition(pa, b.char)).toBeDefined();

  // A walks east: A's own position, its HUD and B's view of A all move right — and smoothly:
  // B samples where it draws A on every animation frame while A walks
  const aStart = await ownPosition(pa);
  const aSeenStart = (await seenPosition(pb, a.char))!;
  const [track] = await Promise.all([drawnTrack(pb, a.char, 3000), hold(pa, 'd', 1200)]);
  await expect.poll(async () => (await ownPosition(pa))[0]).toBeGreaterThan(aStart[0] + 3);
  // the HUD's coordinates follow, as the player reads them
  const hudX = async () => {
    const text = (await pa.getByTestId('hud-coords').textContent()) ?? '';
    return Number(/X (-?[\d.]+)/.exec(text)?.[1] ?? NaN);
  };
  await expect.poll(hudX).toBeGreaterThan(aStart[0] + 3);
  await expect
    .poll(async () => (await seenPosition(pb, a.char))?.[0] ?? 0)
    .toBeGreaterThan(aSeenStart[0] + 3);
  // movement is straight east: y unchanged as B sees it
  expect((await seenPosition(pb, a.char))?.[1]).toBeCloseTo(aSeenStart[1], 0);
  // interpolated: never backwards, no jump beyond what ~6 m/s covers in the frame's time
  const xs = track.map((p) => p.x);
  // frames come slowly on a loaded machine (6 in 2.5 s seen at load 16 on 2 cores): the bound scales with dt
  expect(xs.length).toBeGreaterThanOrEqual(5);
  expect(
    xs[xs.length - 1]! - xs[0]!,
    `drawn x: ${xs.map((x) => x.toFixed(2)).join(' ')}`,
  ).toBeGreaterThan(3);
  // at most one catch-up frame (a late snapshot: ~0.8 m seen 2 runs in 5 after the tick
  // inbox landed — open in issue 11's note), and never a jump of a resync or teleport
  const catchUps: number[] = [];
  for (let i = 1; i < track.length; i++) {
    const step = track[i]!.x - track[i - 1]!.x;
    const dt = Math.max(track[i]!.t - track[i - 1]!.t, 16);
    expect(step).toBeGreaterThanOrEqual(-0.01);
    // a resync or teleport is metres; a display frame late on a loaded CI machine (240 ms:
    // 1.44 m at 6 m/s, seen in a clean-clone run) is not a jump, and neither is the one
    // catch-up frame counted below landing on such a frame (1.86 m in 169 ms, seen once)
    const bound = Math.max(1.2, 0.3 + (dt / 1000) * 8);
    expect(step, `step at frame ${i} (${dt.toFixed(0)} ms)`).toBeLessThanOrEqual(bound + 1);
    if (step > 0.3 + (dt / 1000) * 8) catchUps.push(step);
    expect(Math.abs(track[i]!.y - track[0]!.y)).toBeLessThan(0.05);
  }
  expect(catchUps.length, `catch-up frames: ${catchUps.join(', ')}`).toBeLessThanOrEqual(1);

  // B walks south (arrow key): A sees B's y grow
  const bSeenStart = (await seenPosition(pa, b.char))!;
  await hold(pb, 'ArrowDown', 1200);
  await expect
    .poll(async () => (await seenPosition(pa, b.char))?.[1] ?? 0)
    .toBeGreaterThan(bSeenStart[1] + 3);

  await ctxA.close();
  await ctxB.close();
});

/** Where `viewer` draws the player `name`, sampled every animation frame for `ms` (the client's test hook). */
function drawnTrack(viewer: Page, name: string, ms: number) {
  return viewer.evaluate(
    ({ name, ms }) =>
      new Promise<{ t: number; x: number; y: number }[]>((resolve) => {
        const out: { t: number; x: number; y: number }[] = [];
        const start = performance.now();
        const sample = () => {
          // state() interpolates at performance.now(): stamp the sample with the same clock
          const t = performance.now();
          const e = window.__necp?.state().entities.find((x) => x.name === name);
          if (e) out.push({ t, x: e.x, y: e.y });
          if (t - start < ms) requestAnimationFrame(sample);
          else resolve(out);
        };
        requestAnimationFrame(sample);
      }),
    { name, ms },
  );
}

test('a second sign-in on the same character takes over and tells the first why', async ({
  browser,
}) => {
  const id = uid();
  const user = `carol${id}`;
  const char = `Judy${id}`;
  const ctx1 = await browser.newContext();
  const p1 = await ctx1.newPage();
  await newAccountWithCharacter(p1, user, char, 'corpo', 'techie');
  await enterCity(p1, char);

  // same account, another browser
  const ctx2 = await browser.newContext();
  const p2 = await ctx2.newPage();
  await p2.goto('/signin');
  await p2.getByLabel('Email').fill(`${user}@e2e.necp`);
  await p2.getByLabel('Password').fill('correct-horse-battery');
  await p2.getByRole('button', { name: /sign in/i }).click();
  await p2.waitForURL('**/characters');
  await enterCity(p2, char);

  await expect(p1.getByTestId('kicked-overlay')).toBeVisible();
  await expect(p1.getByTestId('kicked-overlay')).toHaveAttribute('data-reason', 'takeover');
  await expect(p2.getByTestId('hud-connection')).toHaveAttribute('data-state', 'connected');
  await ctx1.close();
  await ctx2.close();
});
