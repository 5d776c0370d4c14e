// The raid's door (issue 14): a party's leader queues it for Quantum Reef Siege as it
// is; both accept the ready check. Each client, told by its ticket that the character
// is in a raid, asks the web for its quantum_sync_token (raid.syncToken) and presents
// it to the sim: both land on the raid's dock, the zone panel names the raid. One
// leaves from the HUD and is back in Watson.
import { expect, test } from './test';
import { state } from './combat-helpers';
import { cityPlayer, formParty, queueGroupAsItIs } from './queue-helpers';

test('a party enters Quantum Reef Siege with its sync tokens', async ({ browser }) => {
  test.setTimeout(180_000);
  const [ca, cb] = await Promise.all([browser.newContext(), browser.newContext()]);
  try {
    const [pa, pb] = await Promise.all([ca.newPage(), cb.newPage()]);
    const [lead, mate] = await Promise.all([
      // the raid is for levels 34–50
      cityPlayer(pa, 'Kai', 'solo', { level: 40 }),
      cityPlayer(pb, 'Noa', 'solo', { level: 40 }),
    ]);
    await formParty(pa, pb, lead, mate);
    await queueGroupAsItIs(pa, 'raid', 'tank', { [mate]: 'support' });

    // each accepts; each client fetches its own token before it connects to the raid
    const minted = [pa, pb].map((p) =>
      p.waitForResponse((r) => r.url().includes('raid.syncToken') && r.ok(), { timeout: 60_000 }),
    );
    for (const p of [pa, pb]) {
      await expect(p.getByTestId('ready-check')).toBeVisible({ timeout: 15_000 });
      await p.getByTestId('ready-check-accept').click();
    }
    // the transition is brief: watched on both pages at once while the tokens are
    // fetched (one after the other, the second may be over before it is looked at)
    const transitions = [pa, pb].map((p) =>
      expect(p.getByTestId('instance-transition')).toContainText('Quantum Reef Siege'),
    );
    await Promise.all(minted);
    await Promise.all(transitions);
    for (const p of [pa, pb]) {
      await expect
        .poll(async () => (await state(p)).zoneId, { timeout: 30_000 })
        .toMatch(/^raid-quantum-reef--/);
      await expect(p.getByTestId('hud-zone')).toContainText(/quantum reef siege/i);
    }
    // the two of them on the dock, each seeing the other
    await expect
      .poll(async () => (await state(pa)).entities.some((e) => e.name === mate))
      .toBe(true);

    // the mate leaves from the HUD (a raid bars nobody): back in Watson, where it stood
    await pb.getByTestId('instance-leave').click();
    const dialog = pb.getByTestId('confirm-dialog');
    await expect(dialog).toContainText(/leave the raid/i);
    await dialog.getByTestId('confirm-ok').click();
    await expect.poll(async () => (await state(pb)).zoneId, { timeout: 30_000 }).toBe('watson');
    await expect(pb.getByTestId('instance-leave')).toHaveCount(0);
    // the leader sees the mate go
    await expect
      .poll(async () => (await state(pa)).entities.some((e) => e.name === mate))
      .toBe(false);
  } finally {
    await Promise.all([ca.close(), cb.close()]);
  }
});
