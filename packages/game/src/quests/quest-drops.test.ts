import { afterAll, describe, expect, it } from 'vitest';
import { NPC_TEMPLATES_BY_ID, type NpcTemplate } from '@necp/shared';
import { uniq } from '@necp/db/testing';
import { testDb, testDeps } from '../accounts/test-deps';
import { awardKill } from '../combat/award-kill';
import { acceptQuest } from './accept-quest';
import { playerAt, storeRun, type Player } from './test-helpers';

const db = testDb(6);
afterAll(() => db.$disconnect());

// Not Watson: the sim tests load Watson's drops at every boot.
const ZONE = 'westbrook';
const PUNK = NPC_TEMPLATES_BY_ID.get('tyger_claws_punk') as NpcTemplate; // thugs_street_low: 35 % manifest while q_lost_shipment runs
const MANIFEST = 'junk_shipping_manifest';

/** Kills punks owned by `p` until a manifest drops (true) or `tries` kills gave none (false). */
async function killUntilManifest(deps: ReturnType<typeof testDeps>, p: Player, tries: number) {
  for (let i = 0; i < tries; i++) {
    const r = await awardKill(deps, {
      zoneId: ZONE,
      killKey: uniq('quest-drop-'),
      npc: {
        templateId: PUNK.id,
        name: PUNK.name,
        level: PUNK.level,
        rank: PUNK.rank,
        lootTable: PUNK.lootTable,
        x: 300,
        y: 300,
      },
      contributors: [{ characterId: p.characterId, damage: 100 }],
    });
    if (r.loot.drops.some((d) => d.templateId === MANIFEST)) return true;
  }
  return false;
}

describe('quest-only loot', () => {
  it('the manifest drops only while the loot owner runs q_lost_shipment', async () => {
    const deps = testDeps(db);
    const idle = await playerAt(db, 'dex', { level: 2 });
    // 20 kills at 35 % each would all miss it with odds of 2e-4, were it allowed
    expect(await killUntilManifest(deps, idle, 20)).toBe(false);
    // a finished run does not count either
    await storeRun(db, idle, 'q_lost_shipment', { state: 'completed' });
    expect(await killUntilManifest(deps, idle, 6)).toBe(false);

    const hunter = await playerAt(db, 'dex', { level: 2 });
    await acceptQuest(deps, { ...hunter.ref, questId: 'q_lost_shipment', contactId: 'dex' });
    expect(await killUntilManifest(deps, hunter, 60)).toBe(true);
  });
});
