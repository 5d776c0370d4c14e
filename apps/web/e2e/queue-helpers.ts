// Matchmaking helpers for e2e specs: a new player in the city (account and character
// through the API: the forms are not the subject), and queueing in the group finder.
import type { Page } from '@playwright/test';
import { expect } from './test';
import { createCharacterViaApi, dismissDailyPopup, enterCity, signUpViaApi, uid } from './helpers';

/** A new account with one character of `cls` in Watson; its name (`tag` + a unique id). */
export async function cityPlayer(page: Page, tag: string, cls: string): Promise<string> {
  const id = uid();
  const name = `${tag}${id}`;
  await signUpViaApi(page, `mq${tag.toLowerCase()}${id}`);
  await createCharacterViaApi(page, name, 'streetkid', cls);
  await page.goto('/characters');
  await enterCity(page, name);
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
