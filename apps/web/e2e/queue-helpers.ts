// Matchmaking helpers for e2e specs: a new player in the city (account and character
// through the API: the forms are not the subject), and queueing in the group finder.
import type { Page } from '@playwright/test';
import { createDb } from '@necp/db';
import { equipItem, grantItem } from '@necp/game';
import type { GroupRole } from '@necp/shared';
import { expect } from './test';
import {
  createCharacterViaApi,
  dismissDailyPopup,
  signUpViaApi,
  uid,
  newPlayerInCity,
  playAs,
} from './helpers';

/**
 * Test-only: sets a character's level straight in the e2e database (a queue's level
 * range is the setup, not the grind to it). Never a production path: the e2e database
 * URL exists only in the Playwright run.
 */
async function setLevel(name: string, level: number) {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await db.character.update({ where: { nameLower: name.toLowerCase() }, data: { level } });
  } finally {
    await db.$disconnect();
  }
}

/**
 * A new account with one character of `cls` in Watson (level 1, or `o.level` for a
 * queue's range: the raid is for 34–50); its name (`tag` + a unique id).
 */
export async function cityPlayer(
  page: Page,
  tag: string,
  cls: string,
  o: { level?: number } = {},
): Promise<string> {
  const id = uid();
  const name = `${tag}${id}`;
  await newPlayerInCity(page, `mq${tag.toLowerCase()}${id}`, name, 'streetkid', cls, {
    setUp: async () => {
      if (o.level) await setLevel(name, o.level);
    },
  });
  await dismissDailyPopup(page);
  return name;
}

/** Opens the group finder with K and joins the arena 1v1 queue (the window stays open). */
export async function queueOneVsOne(page: Page) {
  await page.getByTestId('game-canvas').focus();
  await page.keyboard.press('k');
  const win = page.getByTestId('queue-window');
  await expect(win).toBeVisible();
  await win.locator('[data-testid=queue-option][data-queue=arena_1v1]').click();
  await win.getByTestId('queue-join').click();
  // the second to queue may be matched at once
  await expect(page.getByTestId('queue-indicator')).toHaveAttribute(
    'data-state',
    /queued|ready_check/,
  );
}

/** Endgame gear for a solo: the fight is the subject, not the grind to level 50. */
const KIT = [
  'pistol_malorian',
  'shield_energy',
  'armor_militech_heavy',
  'helmet_militech',
  'legs_arasaka_exo',
  'boots_magnetic',
  'gauntlets_powered',
] as const;

/**
 * A new account with a level-50 solo in full kit, in Watson. Test-only setup straight
 * against the e2e database through the domain's own writers (items through the
 * ledger as an `admin` source, equipped with the game's equip rules) — no production
 * endpoint is involved. `o.level`: the kit is put on at 50, then the level is set to
 * this one (a queue's range: the vault is for 14–30).
 */
export async function veteran(
  page: Page,
  tag: string,
  o: { level?: number } = {},
): Promise<string> {
  const id = uid();
  const name = `${tag}${id}`;
  await signUpViaApi(page, `vt${tag.toLowerCase()}${id}`);
  const characterId = await createCharacterViaApi(page, name, 'streetkid', 'solo');
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const c = await db.character.update({
      where: { id: characterId },
      data: { level: 50, health: 100_000 },
      select: { id: true, userId: true },
    });
    for (const templateId of KIT) {
      const [placed] = await grantItem(
        { db },
        { characterId: c.id, templateId, quantity: 1, reason: 'admin' },
      );
      await equipItem({ db }, { characterId: c.id, itemId: placed!.itemId });
    }
  } finally {
    await db.$disconnect();
  }
  if (o.level) await setLevel(name, o.level);
  await playAs(page, characterId, name);
  await dismissDailyPopup(page);
  return name;
}

/** Enter puts the cursor in the chat input; Enter there sends. */
export async function say(page: Page, line: string) {
  await page.keyboard.press('Enter');
  const input = page.getByTestId('chat-input');
  await expect(input).toBeFocused();
  await input.pressSequentially(line);
  await page.keyboard.press('Enter');
}

/** The leader invites the mate with /invite; the mate accepts on the invitation card. */
export async function formParty(leader: Page, mate: Page, leaderName: string, mateName: string) {
  await say(leader, `/invite ${mateName}`);
  const invite = mate.locator(`[data-testid=party-invite][data-from="${leaderName}"]`);
  await expect(invite).toBeVisible();
  await invite.getByTestId('party-invite-accept').click();
  await expect(leader.getByTestId('party-loot-mode')).toBeVisible();
}

/**
 * The party leader queues the party for a dungeon or the raid as it is ("Just our
 * party"), with a role for itself and each member (by name); the window is closed.
 */
export async function queueGroupAsItIs(
  leader: Page,
  queue: 'dungeon' | 'raid',
  role: GroupRole,
  memberRoles: Record<string, GroupRole>,
) {
  await leader.getByTestId('game-canvas').focus();
  await leader.keyboard.press('k');
  const win = leader.getByTestId('queue-window');
  await win.locator(`[data-testid=queue-option][data-queue=${queue}]`).click();
  await win.locator(`[data-testid=queue-role] [data-role=${role}]`).click();
  for (const [name, r] of Object.entries(memberRoles))
    await win
      .locator(`[data-testid=queue-member-role][data-name="${name}"] [data-role=${r}]`)
      .click();
  await win.getByTestId('queue-premade').check();
  await win.getByTestId('queue-join').click();
  await leader.keyboard.press('Escape');
}
