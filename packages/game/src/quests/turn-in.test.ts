import { afterAll, describe, expect, it } from 'vitest';
import { QuestSchema, totalXpForLevel } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { expectBalanced, give, holdings } from '../inventory/test-helpers';
import { lockCharacterItems } from '../core/row-locks';
import { placeInBag } from '../inventory/place-in-bag';
import { sourceOwner } from '../ledger/owners';
import { acceptQuest } from './accept-quest';
import { questOutboxSubscriber } from './quest-subscriber';
import { takeCollectedTx } from './take-collected';
import { turnInQuest } from './turn-in-quest';
import { createLog } from '../core/log';
import {
  deliver,
  outboxEvent,
  playerAt,
  questRow,
  standAt,
  storeRun,
  type Player,
} from './test-helpers';

const db = testDb(8);
afterAll(() => db.$disconnect());

const char = (p: Player) => db.character.findUniqueOrThrow({ where: { id: p.characterId } });
const standings = async (p: Player) =>
  Object.fromEntries(
    (await db.characterStanding.findMany({ where: { characterId: p.characterId } })).map((s) => [
      s.factionId,
      s.standing,
    ]),
  );
const completedEvent = (p: Player, questId: string) =>
  db.outboxEvent.findUnique({ where: { key: `quest.completed:${p.characterId}:${questId}:once` } });

describe('turnInQuest', () => {
  it('pays XP, eddies, the picked item and reputation once, in one transaction', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'regina', { level: 2 });
    await storeRun(db, p, 'q_punk_problem', { state: 'ready' });
    const turnIn = (choice?: string, contactId = 'regina') =>
      turnInQuest(deps, {
        ...p.ref,
        questId: 'q_punk_problem',
        contactId,
        ...(choice ? { choice } : {}),
      });

    await expectDomainError(turnIn(), 'VALIDATION', 'Pick one of the rewards');
    await expectDomainError(turnIn('knife_combat'), 'VALIDATION', 'That reward is not on offer');
    await expectDomainError(
      turnIn('jacket_kevlar', 'dex'),
      'INVALID_STATE',
      'Hand this in to someone else, not Dexter DeShawn',
    );
    await standAt(db, p, 'vik');
    await expectDomainError(
      turnIn('jacket_kevlar'),
      'FORBIDDEN',
      'You need to be next to Regina Jones',
    );
    await standAt(db, p, 'regina');

    const r = await turnIn('jacket_kevlar');
    expect(r).toMatchObject({
      quest: { id: 'q_punk_problem', status: 'completed' },
      xpGained: 250,
      level: 2,
      levelsGained: 0,
      eddies: 80,
      items: [{ templateId: 'jacket_kevlar', quantity: 1 }],
    });
    // +150 NCPD spills 37 onto each NCPD rival; then −250 Tyger Claws
    expect(r.reputation).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ factionId: 'city_security', delta: 150, standing: 150 }),
        expect.objectContaining({ factionId: 'tyger_claws', delta: -287, standing: -1287 }),
      ]),
    );
    const c = await char(p);
    expect(c.eddies).toBe(80);
    expect(c.xp).toBe(totalXpForLevel(2) + 250);
    expect(await holdings(db, [p])).toEqual({ jacket_kevlar: 1 });
    expect(await standings(p)).toMatchObject({ city_security: 150, tyger_claws: -1287 });
    expect(await questRow(db, p, 'q_punk_problem')).toMatchObject({
      state: 'completed',
      rewardChoice: 'jacket_kevlar',
      completedAt: deps.clock.now(),
    });
    expect((await completedEvent(p, 'q_punk_problem'))?.payload).toEqual({
      characterId: p.characterId,
      questId: 'q_punk_problem',
      periodKey: 'once',
      xp: 250,
      eddies: 80,
    });

    await expectDomainError(
      turnIn('jacket_kevlar'),
      'INVALID_STATE',
      'You have already turned this in',
    );
    expect((await char(p)).eddies).toBe(80);
    await expectBalanced(db, [p]);
  });

  it('pays once when the same turn-in arrives twice at the same time', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'regina', { level: 2 });
    await storeRun(db, p, 'q_punk_problem', { state: 'ready' });
    const turnIn = () =>
      turnInQuest(deps, {
        ...p.ref,
        questId: 'q_punk_problem',
        contactId: 'regina',
        choice: 'stim_basic',
      });
    const results = await Promise.allSettled([turnIn(), turnIn(), turnIn()]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: 'INVALID_STATE',
        userMessage: 'You have already turned this in',
      });
    expect((await char(p)).eddies).toBe(80);
    expect(await holdings(db, [p])).toEqual({ stim_basic: 5 });
    expect(
      await db.ledgerEntry.count({ where: { characterId: p.characterId, reason: 'quest' } }),
    ).toBe(1);
    await expectBalanced(db, [p]);
  });

  it('changes nothing at all when the rewards do not fit in the bag', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'regina', { bagSlots: 1 });
    await give(db, p, 'scrap_metal', 5);
    await storeRun(db, p, 'q_street_cred', { state: 'ready' });
    const turnIn = () =>
      turnInQuest(deps, { ...p.ref, questId: 'q_street_cred', contactId: 'regina' });

    await expectDomainError(
      turnIn(),
      'INVALID_STATE',
      'Your bag is full — make room for the rewards first',
    );
    const c = await char(p);
    expect([c.eddies, c.xp]).toEqual([0, totalXpForLevel(1)]);
    expect(await standings(p)).toEqual({});
    expect((await questRow(db, p, 'q_street_cred'))?.state).toBe('ready');
    expect(await completedEvent(p, 'q_street_cred')).toBeNull();
    expect(await holdings(db, [p])).toEqual({ scrap_metal: 5 });
    await expectBalanced(db, [p]);

    await db.character.update({ where: { id: p.characterId }, data: { bagSlots: 2 } });
    const r = await turnIn();
    expect(r.items).toEqual([expect.objectContaining({ templateId: 'stim_basic', quantity: 2 })]);
    expect(r.reputation).toEqual([
      expect.objectContaining({ factionId: 'fixers', delta: 250, standing: 250 }),
    ]);
    await expectBalanced(db, [p]);
  });

  it('collect quests: the bag already holding it makes the quest ready; turn-in takes it', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'dex', { level: 2 });
    await give(db, p, 'junk_shipping_manifest');
    const r = await acceptQuest(deps, { ...p.ref, questId: 'q_lost_shipment', contactId: 'dex' });
    expect(r.quest.status).toBe('ready');
    expect(r.quest.objectives[0]).toMatchObject({ progress: 1, target: 1, done: true });

    const done = await turnInQuest(deps, {
      ...p.ref,
      questId: 'q_lost_shipment',
      contactId: 'dex',
    });
    expect(done.quest.status).toBe('completed');
    expect(await holdings(db, [p])).toEqual({});
    const taken = await db.ledgerEntry.findMany({
      where: { templateId: 'junk_shipping_manifest', fromOwner: `char:${p.characterId}` },
    });
    expect(taken).toEqual([
      expect.objectContaining({ reason: 'quest', quantityDelta: -1, toOwner: 'sink:quest' }),
    ]);
    await expectBalanced(db, [p]);
  });

  it('collect quests: a picked-up item that left the bag refuses the turn-in and changes nothing', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'dex', { level: 2 });
    await acceptQuest(deps, { ...p.ref, questId: 'q_lost_shipment', contactId: 'dex' });
    const sub = questOutboxSubscriber({
      clock: deps.clock,
      log: createLog('t', 'silent'),
    });
    await deliver(
      db,
      sub,
      outboxEvent('item.picked_up', {
        characterId: p.characterId,
        itemId: 'gone-since',
        templateId: 'junk_shipping_manifest',
        quantity: 1,
        zoneId: 'watson',
      }),
    );
    expect((await questRow(db, p, 'q_lost_shipment'))?.state).toBe('ready');
    await expectDomainError(
      turnInQuest(deps, { ...p.ref, questId: 'q_lost_shipment', contactId: 'dex' }),
      'INVALID_STATE',
      'You need 1× Arasaka Shipping Manifest in your bag',
    );
    expect((await questRow(db, p, 'q_lost_shipment'))?.state).toBe('ready');
    expect((await char(p)).eddies).toBe(0);
    await expectDomainError(
      turnInQuest(deps, { ...p.ref, questId: 'q_street_cred', contactId: 'regina' }),
      'FORBIDDEN',
    );
    await standAt(db, p, 'regina');
    await expectDomainError(
      turnInQuest(deps, { ...p.ref, questId: 'q_street_cred', contactId: 'regina' }),
      'INVALID_STATE',
      'You are not on this job',
    );
  });

  it('takes collected items from the smallest stacks first, splitting the last one', async () => {
    const p = await playerAt(db, 'dex');
    const place = (quantity: number, toSlot: number) =>
      db.$transaction((tx) =>
        placeInBag(tx, {
          characterId: p.characterId,
          templateId: 'scrap_metal',
          quantity,
          toSlot,
          reason: 'admin',
          fromOwner: sourceOwner('admin'),
        }),
      );
    await place(25, 0);
    await place(20, 1);
    await give(db, p, 'stim_basic', 3);
    const q = QuestSchema.parse({
      id: 'q_test_scrap',
      title: 'Scrap drive',
      summary: 'Bring thirty scrap to Dex.',
      description: 'A test-only quest that collects thirty scrap metal.',
      completion: 'That is a lot of scrap.',
      zoneId: 'watson',
      level: 1,
      giverId: 'dex',
      turnInId: 'dex',
      objectives: [
        { id: 'scrap', kind: 'collect', label: 'Scrap', itemTemplateId: 'scrap_metal', count: 30 },
      ],
      rewards: { xp: 0, eddies: 0 },
    });
    await db.$transaction(async (tx) =>
      takeCollectedTx(tx, p.characterId, q, await lockCharacterItems(tx, p.characterId)),
    );
    const bag = await db.item.findMany({
      where: { characterId: p.characterId, templateId: 'scrap_metal' },
    });
    expect(bag.map((i) => [i.slot, i.quantity])).toEqual([[0, 15]]);
    await expect(
      db.$transaction(async (tx) =>
        takeCollectedTx(tx, p.characterId, q, await lockCharacterItems(tx, p.characterId)),
      ),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
      userMessage: 'You need 30× Scrap Metal in your bag',
    });
    await expectBalanced(db, [p]);
  });
});
