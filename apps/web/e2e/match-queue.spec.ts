// Matchmaking in the browser: two new players queue for arena 1v1 in the group finder
// (K); the matcher pairs them and both get the ready-check popup with its countdown.
// A declines: A is barred (the window counts the penalty down) and B goes back to the
// queue. A third player queues, is paired with B, both accept: both are told the
// match is confirmed. Screenshots of the window and the popup at desktop and phone size.
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './test';
import { dismissDailyPopup } from './helpers';
import { cityPlayer, queueOneVsOne } from './queue-helpers';

const PHONE = { width: 390, height: 844 };

const toast = (page: Page, text: string | RegExp) =>
  page.getByTestId('toast').filter({ hasText: text }).last();

async function shot(page: Page, info: TestInfo, name: string) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}

// @arena-queue: the only test in the 1v1 queue while it runs (playwright.config.ts)
test(
  'queue for arena 1v1, a declined ready check, then a confirmed match',
  { tag: '@arena-queue' },
  async ({ browser }, info) => {
    const [ca, cb, cc] = await Promise.all([
      browser.newContext(),
      browser.newContext(),
      browser.newContext(),
    ]);
    try {
      const [pa, pb, pc] = await Promise.all([ca.newPage(), cb.newPage(), cc.newPage()]);
      const a = await cityPlayer(pa, 'Qa', 'solo');
      const b = await cityPlayer(pb, 'Qb', 'netrunner');

      await queueOneVsOne(pa);
      await expect(pa.getByTestId('queue-searching')).toBeVisible();
      await expect(pa.getByTestId('queue-estimate')).toHaveText(/no estimate yet|~/);
      await shot(pa, info, 'queue-searching-desktop');
      await queueOneVsOne(pb);

      // the matcher pairs them within a tick or two: the ready check pops up on both
      // both pages at once: the check lasts 20 s, and looking at one page after the
      // other took most of them on a slow machine
      await Promise.all(
        (
          [
            [pa, b],
            [pb, a],
          ] as const
        ).map(async ([p, other]) => {
          const check = p.getByTestId('ready-check');
          await expect(check).toBeVisible();
          await expect(check).toContainText('Arena 1v1');
          await expect(check).toContainText(other);
          const secs = Number(
            await p.getByTestId('ready-check-timer').getAttribute('data-seconds'),
          );
          expect(secs).toBeGreaterThan(0);
          expect(secs).toBeLessThanOrEqual(20);
          // the tab's title alerts (it blinks with the page's own)
          await expect.poll(() => p.title()).toContain('Match found');
        }),
      );
      // the countdown runs
      const before = Number(await pa.getByTestId('ready-check-timer').getAttribute('data-seconds'));
      await expect
        .poll(async () =>
          Number(await pa.getByTestId('ready-check-timer').getAttribute('data-seconds')),
        )
        .toBeLessThan(before);
      await shot(pa, info, 'ready-check-desktop');

      // A declines: A is penalised and told for how long, B is back in the queue
      // (a toast lasts 5 s from when it shows: both pages are read at once, not one
      // after the other)
      await pa.getByTestId('ready-check-decline').click();
      await Promise.all([
        (async () => {
          await expect(toast(pa, 'You declined the match.')).toBeVisible();
          await expect(pa.getByTestId('ready-check')).toHaveCount(0);
          await expect(pa.getByTestId('queue-penalty')).toContainText('you can queue again in');
          await expect(pa.getByTestId('queue-join')).toBeDisabled();
        })(),
        (async () => {
          await expect(toast(pb, 'you are back in the queue')).toBeVisible();
          await expect(pb.getByTestId('ready-check')).toHaveCount(0);
          await expect(pb.getByTestId('queue-indicator')).toHaveAttribute('data-state', 'queued');
        })(),
      ]);
      await shot(pa, info, 'queue-penalty-desktop');

      // a reload keeps B's place in the queue (match:status on connecting)
      await pb.reload();
      await expect(pb.getByTestId('hud-connection')).toHaveAttribute('data-state', 'connected');
      await dismissDailyPopup(pb);
      await expect(pb.getByTestId('queue-indicator')).toHaveAttribute('data-state', 'queued');

      // C, on a phone, queues and is paired with B (first in the queue): both accept
      await pc.setViewportSize(PHONE);
      await cityPlayer(pc, 'Qc', 'techie');
      await pc.getByTestId('hud-queue').click();
      const win = pc.getByTestId('queue-window');
      await win.locator('[data-testid=queue-option][data-queue=arena_1v1]').click();
      await shot(pc, info, 'queue-window-phone');
      await win.getByTestId('queue-join').click();
      // the check's 20 s run on the server from the pairing, and a step can take seconds
      // on a loaded machine: nothing but the two accepts between the popup and the end
      await Promise.all([
        expect(pc.getByTestId('ready-check')).toBeVisible(),
        expect(pb.getByTestId('ready-check')).toBeVisible(),
      ]);
      await pb.getByTestId('ready-check-accept').click();
      await expect(pb.getByTestId('ready-check-waiting')).toBeVisible();
      await expect(pc.getByTestId('ready-check-count')).toHaveText('1 / 2 ready');
      await pc.getByTestId('ready-check-accept').click();
      // both are told (the toast may wait for room: the arena's scoreboard takes the top);
      // a failure says what the page was told instead
      await Promise.all(
        [pb, pc].map(async (p) => {
          await expect(toast(p, 'Match confirmed: Arena 1v1'))
            .toBeAttached()
            .catch(async (err: Error) => {
              const told = await p.getByTestId('toast').allTextContents();
              throw new Error(`${err.message}\nthe page's toasts then: ${JSON.stringify(told)}`);
            });
          await expect(p.getByTestId('ready-check')).toHaveCount(0);
        }),
      );
      await shot(pc, info, 'match-confirmed-phone');
    } finally {
      await Promise.all([ca.close(), cb.close(), cc.close()]);
    }
  },
);
