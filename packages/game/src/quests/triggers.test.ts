import { afterAll, describe, expect, it } from 'vitest';
import { QuestSchema, zoneById, type QuestInput, type QuestUpdateMsg } from '@necp/shared';
import { testDb, testDeps } from '../accounts/test-deps';
import { createLog } from '../core/log';
import { openDialogue } from '../dialogue/converse';
import { acceptQuest } from './accept-quest';
import { advanceProgress, initialProgress, triggerAmount } from './progress';
import { questOutboxSubscriber } from './quest-subscriber';
import { deliver, inbox, outboxEvent, playerAt, questRow, standAt } from './test-helpers';
import { turnInQuest } from './turn-in-quest';

const db = testDb(8);
afterAll(() => db.$disconnect());

describe('triggers from outbox events and dialogue', () => {
  it('reach, then talk (which requires it): Keep the Peace from Jig-Jig Street to Regina', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'jun', { level: 2 });
    await acceptQuest(deps, { ...p.ref, questId: 'q_claws_truce', contactId: 'jun' });
    const box = inbox<QuestUpdateMsg>();
    const sub = box.hear(
      questOutboxSubscriber({ clock: deps.clock, log: createLog('t', 'silent') }),
    );
    const entered = (areaId: string, zoneId = 'watson') =>
      outboxEvent('area.entered', { characterId: p.characterId, zoneId, areaId });

    // talking to Regina first does not count: `tell` requires `walk`
    await standAt(db, p, 'regina');
    let talk = await openDialogue(deps, { ...p.ref, contactId: 'regina' });
    expect(talk.outcomes).toEqual([]);
    await deliver(db, sub, entered('kabuki_market'));
    await deliver(db, sub, entered('jig_jig_street', 'westbrook'));
    expect((await questRow(db, p, 'q_claws_truce'))?.progress).toEqual({ walk: 0, tell: 0 });

    await deliver(db, sub, entered('jig_jig_street'));
    expect(box.to(p)).toEqual([
      expect.objectContaining({
        questId: 'q_claws_truce',
        kind: 'progress',
        objective: expect.objectContaining({ id: 'walk', progress: 1, target: 1 }),
      }),
    ]);
    talk = await openDialogue(deps, { ...p.ref, contactId: 'regina' });
    expect(talk.outcomes).toEqual([
      {
        kind: 'objective',
        questId: 'q_claws_truce',
        title: 'Keep the Peace',
        label: 'Bring the message to Regina',
      },
    ]);
    expect((await questRow(db, p, 'q_claws_truce'))?.state).toBe('ready');
    // talking again changes nothing more
    talk = await openDialogue(deps, { ...p.ref, contactId: 'regina' });
    expect(talk.outcomes).toEqual([]);

    await standAt(db, p, 'jun');
    const done = await turnInQuest(deps, { ...p.ref, questId: 'q_claws_truce', contactId: 'jun' });
    expect(done.reputation).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ factionId: 'tyger_claws', delta: 600, standing: -400 }),
      ]),
    );
  });

  it('pickups add their quantity (capped); a pickup of something else adds nothing', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'dex', { level: 2 });
    await acceptQuest(deps, { ...p.ref, questId: 'q_lost_shipment', contactId: 'dex' });
    const sub = questOutboxSubscriber({
      clock: deps.clock,
      log: createLog('t', 'silent'),
    });
    const picked = (templateId: string, quantity: number) =>
      outboxEvent('item.picked_up', {
        characterId: p.characterId,
        itemId: 'i1',
        templateId,
        quantity,
        zoneId: 'watson',
      });
    await deliver(db, sub, picked('scrap_metal', 4));
    expect((await questRow(db, p, 'q_lost_shipment'))?.state).toBe('active');
    await deliver(db, sub, picked('junk_shipping_manifest', 3));
    expect(await questRow(db, p, 'q_lost_shipment')).toMatchObject({
      state: 'ready',
      progress: { manifest: 1 },
    });
  });
});

const quest = QuestSchema.parse({
  id: 'q_test_triggers',
  title: 'Trigger test',
  summary: 'Checks what counts for which objective.',
  description: 'Built by the test: a use objective inside an area, kills, a choice after a check.',
  completion: 'All counted.',
  zoneId: 'watson',
  level: 1,
  giverId: 'dex',
  turnInId: 'dex',
  objectives: [
    {
      id: 'kills',
      kind: 'kill',
      label: 'Kills',
      npcTemplateIds: ['tyger_claws_punk', 'watson_scavenger'],
      count: 3,
    },
    {
      id: 'plant',
      kind: 'use',
      label: 'Plant it',
      itemTemplateId: 'stim_basic',
      zoneId: 'watson',
      areaId: 'watson_docks',
    },
    { id: 'check', kind: 'skill_check', label: 'Talk your way in', checkId: 'test_check' },
    { id: 'pick', kind: 'choice', label: 'Decide', flag: 'test.decided', requires: ['check'] },
    { id: 'haul', kind: 'collect', label: 'Haul', itemTemplateId: 'scrap_metal', count: 10 },
  ],
  rewards: { xp: 1, eddies: 0 },
} satisfies QuestInput);
const o = (id: string) => quest.objectives.find((x) => x.id === id)!;

describe('objective progress rules (pure)', () => {
  it('use objectives count only inside their area', () => {
    const docks = zoneById('watson')!.areas.find((a) => a.id === 'watson_docks')!;
    const use = (x: number, y: number, zoneId = 'watson') =>
      triggerAmount(o('plant'), { kind: 'use', templateId: 'stim_basic', zoneId, x, y });
    expect(use(docks.x, docks.y)).toBe(1);
    expect(use(docks.x + docks.radius, docks.y)).toBe(1);
    expect(use(docks.x + docks.radius + 0.01, docks.y)).toBe(0);
    expect(use(docks.x, docks.y, 'westbrook')).toBe(0);
    expect(
      triggerAmount(o('plant'), {
        kind: 'use',
        templateId: 'stim_trauma',
        zoneId: 'watson',
        x: docks.x,
        y: docks.y,
      }),
    ).toBe(0);
  });

  it('caps at the target, respects requires, and walks objectives in order', () => {
    let p = advanceProgress(
      quest,
      {},
      { kind: 'kill', npcTemplateId: 'watson_scavenger' },
    ).progress;
    p = advanceProgress(quest, p, { kind: 'kill', npcTemplateId: 'tyger_claws_punk' }).progress;
    expect(
      advanceProgress(quest, p, { kind: 'kill', npcTemplateId: 'maelstrom_ganger' }).advanced,
    ).toEqual([]);
    p = advanceProgress(quest, p, { kind: 'kill', npcTemplateId: 'tyger_claws_punk' }).progress;
    expect(
      advanceProgress(quest, p, { kind: 'kill', npcTemplateId: 'tyger_claws_punk' }).advanced,
    ).toEqual([]);
    expect(p.kills).toBe(3);

    // the choice waits for the check
    expect(advanceProgress(quest, p, { kind: 'flag', key: 'test.decided' }).advanced).toEqual([]);
    p = advanceProgress(quest, p, { kind: 'skill_check', checkId: 'test_check' }).progress;
    const r = advanceProgress(quest, p, { kind: 'flag', key: 'test.decided' });
    expect(r.advanced.map((a) => [a.objective.id, a.progress, a.target])).toEqual([['pick', 1, 1]]);
    expect(
      advanceProgress(quest, r.progress, {
        kind: 'pickup',
        templateId: 'scrap_metal',
        quantity: 25,
      }).progress.haul,
    ).toBe(10);
  });

  it('starting progress: the bag for collect, set flags and passed checks (in requires order)', () => {
    expect(
      initialProgress(quest, {
        bagCount: () => 40,
        flags: { 'test.decided': 'yes' },
        passed: () => false,
      }),
    ).toEqual({ kills: 0, plant: 0, check: 0, pick: 0, haul: 10 });
    expect(
      initialProgress(quest, {
        bagCount: () => 4,
        flags: { 'test.decided': 'yes' },
        passed: () => true,
      }),
    ).toEqual({ kills: 0, plant: 0, check: 1, pick: 1, haul: 4 });
  });
});
