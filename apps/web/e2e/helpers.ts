import { expect, type Page } from '@playwright/test';
import { createDb } from '@necp/db';
import { uniqLetters } from '@necp/db/testing';
import { state } from './combat-helpers';
import { routeTo } from './route';

export const PASSWORD = 'correct-horse-battery';
/** short unique suffix so each run makes fresh accounts and characters */
/** 6 random letters for unique names in a run (letters the name filter never refuses). */
export const uid = () => uniqLetters(6);

export async function signUp(page: Page, username: string) {
  await page.goto('/signup');
  await page.getByLabel('Email').fill(`${username}@e2e.necp`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/characters');
}

export async function createCharacter(page: Page, name: string, origin: string, cls: string) {
  const form = page.getByTestId('create-character-form');
  if (!(await form.isVisible())) await page.getByTestId('new-character').click();
  await form.getByLabel('Name').fill(name);
  await page.locator(`[data-testid=picker-origin] [data-option=${origin}]`).click();
  await page.locator(`[data-testid=picker-class] [data-option=${cls}]`).click();
  await page.getByTestId('create-character-submit').click();
  const card = page.getByTestId('character-card').filter({ hasText: name });
  await expect(card).toBeVisible();
  await skipTutorialViaApi(page, (await card.getAttribute('data-id'))!);
}

/**
 * A new character starts Regina's welcome quest, whose hint panel holds back the
 * daily-login popup. Specs not about it skip it the way the panel's "Skip tutorial"
 * does (quests.abandon), so the city is as it was before the tutorial; tutorial.spec
 * creates its characters with `{ tutorial: true }`.
 */
export async function skipTutorialViaApi(page: Page, characterId: string) {
  const res = await page.request.post('/api/trpc/quests.abandon', {
    headers: { 'content-type': 'application/json' },
    data: { json: { characterId, questId: 'q_welcome' } },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** From the roster (/characters): Enter on the character's card, as a player does. */
export async function enterCity(page: Page, name: string) {
  await page.getByLabel(`Enter the city as ${name}`).click();
  await page.waitForURL(/\/play/);
  await inCity(page, name);
}

/**
 * Straight into the game at /play?c=<id> (the roster's Enter link, a bookmark, a
 * reload), for specs whose subject is not the roster: a page load less a player than
 * through /characters (~0.4 CPU-s of Chromium and the roster's server render and link
 * prefetches; the suite makes ~100 players on a CPU-bound 2-core machine).
 */
export async function playAs(page: Page, characterId: string, name: string) {
  await page.goto(`/play?c=${encodeURIComponent(characterId)}`);
  await inCity(page, name);
}

async function inCity(page: Page, name: string) {
  await expect(page.getByTestId('hud-connection')).toHaveAttribute('data-state', 'connected');
  await expect(page.getByTestId('hud-name')).toHaveText(name);
}

/** Where `viewer` currently sees the player called `name` (from the test-only AOI list). */
export async function seenPosition(
  viewer: Page,
  name: string,
): Promise<[number, number] | undefined> {
  const raw = await viewer.getByTestId('visible-players').getAttribute('data-positions');
  const map = JSON.parse(raw ?? '{}') as Record<string, [number, number]>;
  return map[name];
}

/**
 * Where the own character is now: the client's predictor (the test hook), not the HUD's
 * coordinates, which follow at the HUD's rate (each drawn frame, at most 10 a second)
 * and at the suite's frame cap lag a walk by up to a frame (e2e/test.ts).
 */
export async function ownPosition(page: Page): Promise<[number, number]> {
  const self = (await state(page)).self;
  if (!self) throw new Error('ownPosition: not in a zone');
  return [self.x, self.y];
}

/** Holds a movement key for `ms` milliseconds. */
export async function hold(page: Page, key: string, ms: number) {
  await page.getByTestId('game-canvas').focus();
  await page.keyboard.down(key);
  await page.waitForTimeout(ms);
  await page.keyboard.up(key);
}

/** The character id of the /play page (`?c=`). */
export function playingCharacterId(page: Page): string {
  const id = new URL(page.url()).searchParams.get('c');
  if (!id) throw new Error(`not on /play: ${page.url()}`);
  return id;
}

/**
 * Walks the own character to (x, y) (metres) with the movement keys, holding both
 * axes at once for diagonals and re-reading the HUD position between bursts.
 */
/**
 * Walks to (x, y) with the movement keys, round the buildings on the way (route.ts),
 * correcting as it goes. Refuses to start while the game holds a movement key nobody
 * pressed (a lost key-up would walk the character off on its own: a failure names it).
 */
export async function walkTo(page: Page, x: number, y: number, tolerance = 1) {
  await page.getByTestId('game-canvas').focus();
  const held = (await state(page)).keys ?? [];
  if (held.length > 0) throw new Error(`the game holds ${held.join(', ')} with no key down`);
  const plan = async () => {
    const s = await state(page);
    const from = s.self ?? { x, y };
    return routeTo(s.zoneId, from, { x, y });
  };
  let route = await plan();
  let still = 0;
  for (let i = 0; i < 120; i++) {
    const [px, py] = await ownPosition(page);
    const last = route.length === 1;
    const goal = route[0]!;
    // a corner on the way is passed within a metre; the end within the caller's tolerance
    const tol = last ? tolerance : Math.max(tolerance, 1);
    const dx = goal.x - px;
    const dy = goal.y - py;
    if (Math.abs(dx) <= tol && Math.abs(dy) <= tol) {
      if (last) return;
      route = route.slice(1);
      continue;
    }
    const keys: string[] = [];
    if (Math.abs(dx) > tol / 2) keys.push(dx > 0 ? 'd' : 'a');
    if (Math.abs(dy) > tol / 2) keys.push(dy > 0 ? 's' : 'w');
    // 6 m/s, slower on diagonals; stop short and correct rather than overshoot
    const axis = Math.min(
      ...keys.map((k) => (k === 'a' || k === 'd' ? Math.abs(dx) : Math.abs(dy))),
    );
    const speed = keys.length > 1 ? 6 / Math.SQRT2 : 6;
    const ms = Math.max(40, Math.min(4000, (axis / speed) * 1000 - 40));
    for (const k of keys) await page.keyboard.down(k);
    await page.waitForTimeout(ms);
    for (const k of keys) await page.keyboard.up(k);
    await page.waitForTimeout(120);
    // pushed off the way (a wall, a fight): a new route from here
    const [nx, ny] = await ownPosition(page);
    still = Math.hypot(nx - px, ny - py) < 0.2 ? still + 1 : 0;
    if (still >= 2) {
      still = 0;
      route = await plan();
    }
  }
  const s = await state(page);
  throw new Error(
    `could not reach ${x}, ${y}; at ${(await ownPosition(page)).join(', ')}` +
      ` (route ${JSON.stringify(route)}, keys held ${JSON.stringify(s.keys ?? [])})`,
  );
}

/**
 * The daily reward greets a new account; most specs are not about it. Once its status
 * is known the popup is either coming (unclaimed) or never will; closed with a click,
 * or a tap on a touch screen.
 */
export async function dismissDailyPopup(page: Page, with_: 'click' | 'tap' = 'click') {
  const button = page.getByTestId('hud-daily');
  await expect(button).toHaveAttribute('data-state', /claimable|claimed/);
  const daily = page.getByTestId('daily-reward');
  if ((await button.getAttribute('data-state')) === 'claimable') {
    await expect(daily).toBeVisible();
    await daily.getByRole('button', { name: 'Close daily login' })[with_]();
  }
  await expect(daily).toHaveCount(0);
}

/**
 * In the page: once every selector of `when` matches a visible element (at once when
 * empty), whether the topmost element at the centre of `sel` is (inside) it — otherwise
 * what is on top instead, so a failure names it; null while `when` does not hold yet.
 * The HUD lets clicks through to the map (pointer-events: none), which hit-testing
 * skips: it is made hit-testable for the look. Self-contained: it runs in the page (as a
 * function: the page's CSP refuses string evaluation).
 */
function topOf({ sel, when }: { sel: string; when: string[] }): { top: boolean | string } | null {
  if (!when.every((w) => document.querySelector(w)?.checkVisibility())) return null;
  const el = document.querySelector(sel);
  if (!el) return { top: false };
  // set through the CSSOM: the page's CSP refuses an injected <style>
  const hud = [...document.querySelectorAll<HTMLElement>('.hud, .hud *')];
  const before = hud.map((h) => h.style.getPropertyValue('pointer-events'));
  for (const h of hud) h.style.setProperty('pointer-events', 'auto', 'important');
  try {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (hit && (el === hit || el.contains(hit))) return { top: true };
    return {
      top: hit
        ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}[${hit.getAttribute('data-testid') ?? ''}]`
        : 'nothing',
    };
  } finally {
    hud.forEach((h, i) => {
      if (before[i]) h.style.setProperty('pointer-events', before[i]!);
      else h.style.removeProperty('pointer-events');
    });
  }
}

/** Whether `selector` is on top now (true), or what covers it. */
export const onTop = async (page: Page, selector: string) =>
  (await page.evaluate(topOf, { sel: selector, when: [] }))!.top;

/**
 * onTop judged in the same frame in which every selector of `when` first matches a
 * visible element: a fight moves on between two round trips (a pack can kill in the
 * time a loaded machine takes for one), so "hurt, and the health bar on top" is one
 * look, not two.
 */
export async function onTopWhen(page: Page, selector: string, when: string[], timeout: number) {
  const handle = await page.waitForFunction(
    topOf,
    { sel: selector, when },
    { timeout, polling: 50 },
  );
  return ((await handle.jsonValue()) as { top: boolean | string }).top;
}

/**
 * Signs `page`'s browser context up and in through the same HTTP endpoints the sign-up
 * form calls (tRPC auth.register, then next-auth's credentials callback), without the
 * form: for specs that are not about signing up (sign-up itself is tested through the
 * form in auth-validation, sign-in-protection, headers, https and two-players).
 * page.request shares the context's cookies, so the page is signed in afterwards.
 */
export async function signUpViaApi(page: Page, username: string) {
  const api = page.request;
  const json = { 'content-type': 'application/json' };
  const email = `${username}@e2e.necp`;
  const reg = await api.post('/api/trpc/auth.register', {
    headers: json,
    data: { json: { email, username, password: PASSWORD } },
  });
  expect(reg.status(), await reg.text()).toBe(200);
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const signIn = await api.post('/api/auth/callback/credentials', {
    form: { email, password: PASSWORD, csrfToken, json: 'true' },
    maxRedirects: 0,
  });
  expect(signIn.status(), await signIn.text()).toBeLessThan(400);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith('next-auth.session-token'))).toBe(true);
}

/** character.create through the API (what the creation form sends); the new id. */
export async function createCharacterViaApi(
  page: Page,
  name: string,
  origin: string,
  cls: string,
  o: { tutorial?: boolean } = {},
): Promise<string> {
  const res = await page.request.post('/api/trpc/character.create', {
    headers: { 'content-type': 'application/json' },
    data: { json: { name, origin, class: cls } },
  });
  expect(res.status(), await res.text()).toBe(200);
  const body = (await res.json()) as { result: { data: { json: { id: string } } } };
  const id = body.result.data.json.id;
  if (!o.tutorial) await skipTutorialViaApi(page, id);
  return id;
}

/**
 * A new account with one character, made through the API, and the page on /characters
 * with that character's card showing — what signUp + createCharacter leave behind.
 */
export async function newAccountWithCharacter(
  page: Page,
  username: string,
  name: string,
  origin: string,
  cls: string,
  o: { tutorial?: boolean } & StartAs = {},
): Promise<string> {
  await signUpViaApi(page, username);
  const id = await createCharacterViaApi(page, name, origin, cls, o);
  if (o.at || o.zoneId || o.health !== undefined) await startAs(id, o);
  await page.goto('/characters');
  await expect(page.getByTestId('character-card').filter({ hasText: name })).toBeVisible();
  return id;
}

/**
 * A new account with one character, made through the API, and that character in the
 * city (playAs) — for specs not about the roster; its id. `setUp` runs before it
 * enters (test-only grants and the like, against the e2e database).
 */
export async function newPlayerInCity(
  page: Page,
  username: string,
  name: string,
  origin: string,
  cls: string,
  o: { tutorial?: boolean; setUp?: (characterId: string) => Promise<void> } & StartAs = {},
): Promise<string> {
  await signUpViaApi(page, username);
  const id = await createCharacterViaApi(page, name, origin, cls, o);
  if (o.at || o.zoneId || o.health !== undefined) await startAs(id, o);
  await o.setUp?.(id);
  await playAs(page, id, name);
  return id;
}

/** Where and how a new character starts (startAs). */
export interface StartAs {
  /** the open-world zone it enters (default: where it was made, Watson) */
  zoneId?: string;
  /** the spot in its zone it enters at */
  at?: { x: number; y: number };
  /** its health as a fraction of the maximum */
  health?: number;
}

/**
 * Test-only set-up: a character not in the game yet starts at `at` in its zone, and
 * hurt (the e2e database, before it enters) instead of walking there or being worn
 * down from the start — for specs whose subject is what happens there, not the walk
 * (walkTo is tested by every spec that still walks). Refuses a character the sim
 * already holds: it would save over it.
 */
export async function startAs(characterId: string, o: StartAs) {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const c = await db.character.findUniqueOrThrow({ where: { id: characterId } });
    const placed = await db.character.updateMany({
      where: { id: characterId, presence: null },
      data: {
        ...(o.zoneId ? { zoneId: o.zoneId } : {}),
        ...(o.at ? { x: o.at.x, y: o.at.y } : {}),
        ...(o.health === undefined
          ? {}
          : { health: Math.max(1, Math.round(c.maxHealth * o.health)) }),
      },
    });
    expect(placed.count, 'startAs: the character is offline').toBe(1);
  } finally {
    await db.$disconnect();
  }
}

/** A new account made through the API, and the page on /characters — where signUp leaves it. */
export async function newAccount(page: Page, username: string) {
  await signUpViaApi(page, username);
  await page.goto('/characters');
  await page.waitForURL('**/characters');
}
