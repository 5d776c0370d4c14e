import { afterAll, describe, expect, it } from 'vitest';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { createLog } from '../core/log';
import { expectBalanced } from '../inventory/test-helpers';
import { abandonQuest, acceptQuest } from './accept-quest';
import { getQuestLog } from './quest-log';
import { questOutboxSubscriber } from './quest-subscriber';
import { deliver, inbox, killEvent, newPlayer, playerAt, questRow, standAt } from './test-helpers';
import { QUEST_INPUTS, QUESTS, QuestSchema, type QuestUpdateMsg } from '@necp/shared';
import { acceptRefusal } from './status';

const db = testDb(8);
afterAll(() => db.$disconnect());

const subscriber = (deps = testDeps(db)) => {
  const box = inbox<QuestUpdateMsg>();
  const sub = box.hear(questOutboxSubscriber({ clock: deps.clock, log: createLog('t', 'silent') }));
  return { sub, box };
};

describe('quest state machine', () => {
  it('available → active → ready by kills, with a notice for each step', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'regina', { level: 2 });
    let log = await getQuestLog(deps, p.ref);
    expect(log.repeatables.map((q) => q.id)).not.toContain('q_punk_problem');
    expect(log.markers.regina).toBe('!');

    const r = await acceptQuest(deps, { ...p.ref, questId: 'q_punk_problem', contactId: 'regina' });
    expect(r.quest).toMatchObject({
      id: 'q_punk_problem',
      status: 'active',
      objectives: [
        { id: 'punks', kind: 'kill', progress: 0, target: 5, done: false, locked: false },
      ],
      rewards: { xp: 250, eddies: 80 },
    });
    expect(r.quest.rewards.choice.map((c) => c.templateId)).toEqual([
      'machete_scrap',
      'jacket_kevlar',
      'stim_basic',
    ]);

    const { sub, box } = subscriber(deps);
    for (let i = 0; i < 5; i++) await deliver(db, sub, killEvent([p], 'tyger_claws_punk'));
    // kills of other templates do not count
    await deliver(db, sub, killEvent([p], 'watson_scavenger'));
    expect(box.to(p).map((m) => [m.kind, m.objective?.progress])).toEqual([
      ['progress', 1],
      ['progress', 2],
      ['progress', 3],
      ['progress', 4],
      ['ready', 5],
    ]);
    expect(await questRow(db, p, 'q_punk_problem')).toMatchObject({
      state: 'ready',
      progress: { punks: 5 },
      readyAt: deps.clock.now(),
    });
    log = await getQuestLog(deps, p.ref);
    expect(log.active.map((q) => [q.id, q.status])).toContainEqual(['q_punk_problem', 'ready']);
    expect(log.markers.regina).toBe('?');

    // ready can still be given up
    const gone = await abandonQuest(deps, { ...p.ref, questId: 'q_punk_problem' });
    expect(gone.quest.status).toBe('abandoned');
    expect((await getQuestLog(deps, p.ref)).markers.regina).toBe('!');
  });

  it('abandons an active quest and takes it again with the progress reset and a new attempt', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'regina', { level: 2 });
    await acceptQuest(deps, { ...p.ref, questId: 'q_punk_problem', contactId: 'regina' });
    const { sub } = subscriber(deps);
    await deliver(db, sub, killEvent([p], 'tyger_claws_punk'));
    await deliver(db, sub, killEvent([p], 'tyger_claws_punk'));

    // abandoning works anywhere
    await standAt(db, p, 'vik');
    const gone = await abandonQuest(deps, { ...p.ref, questId: 'q_punk_problem' });
    expect(gone.quest.status).toBe('abandoned');
    await expectDomainError(
      abandonQuest(deps, { ...p.ref, questId: 'q_punk_problem' }),
      'INVALID_STATE',
      'You are not on this job',
    );
    // an abandoned quest does not count kills
    await deliver(db, sub, killEvent([p], 'tyger_claws_punk'));
    expect(await questRow(db, p, 'q_punk_problem')).toMatchObject({
      state: 'abandoned',
      progress: { punks: 2 },
      attempts: 1,
    });
    expect((await getQuestLog(deps, p.ref)).active).toEqual([]);

    await standAt(db, p, 'regina');
    const again = await acceptQuest(deps, {
      ...p.ref,
      questId: 'q_punk_problem',
      contactId: 'regina',
    });
    expect(again.quest.status).toBe('active');
    expect(again.quest.objectives[0]?.progress).toBe(0);
    expect(await questRow(db, p, 'q_punk_problem')).toMatchObject({ state: 'active', attempts: 2 });
  });

  it('refuses to accept: away from the giver, at the wrong contact, unknown ids, bad input, prerequisites, twice', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'dex', { level: 1 });
    const accept = (questId: string, contactId: string) =>
      acceptQuest(deps, { ...p.ref, questId, contactId });

    // q_lost_shipment needs level 2
    await expectDomainError(accept('q_lost_shipment', 'dex'), 'INVALID_STATE', 'Requires level 2');
    await expectDomainError(
      accept('q_street_cred', 'regina'),
      'FORBIDDEN',
      'You need to be next to Regina Jones',
    );
    await expectDomainError(
      accept('q_street_cred', 'dex'),
      'INVALID_STATE',
      'Dexter DeShawn does not offer this job',
    );
    await expectDomainError(accept('q_no_such_quest', 'dex'), 'NOT_FOUND', 'Unknown quest');
    await expectDomainError(accept('q_street_cred', 'nobody'), 'NOT_FOUND', 'Unknown contact');
    await expectDomainError(accept('street_cred', 'dex'), 'VALIDATION', 'Invalid quest');
    await expectDomainError(
      acceptQuest(deps, {
        ...p.ref,
        questId: 'q_street_cred',
        contactId: 'regina',
        characterId: '',
      }),
      'VALIDATION',
    );

    // a missing character is NOT_FOUND (whose it is, the API's characterProcedure checks)
    await standAt(db, p, 'regina');
    await expectDomainError(
      acceptQuest(deps, {
        characterId: 'no-such-character',
        questId: 'q_street_cred',
        contactId: 'regina',
      }),
      'NOT_FOUND',
      'Character not found',
    );
    expect(await questRow(db, p, 'q_street_cred')).toBeNull();

    await accept('q_street_cred', 'regina');
    await expectDomainError(
      accept('q_street_cred', 'regina'),
      'INVALID_STATE',
      'You are already on this job',
    );
    // a quest needing a completed one: q_bitw_rumor needs q_street_cred
    await standAt(db, p, 'dex');
    await expectDomainError(
      accept('q_bitw_rumor', 'dex'),
      'INVALID_STATE',
      'Finish "Street Cred" first',
    );
  });

  it('gates on standing: Keep the Peace needs at least Unfriendly with the Tyger Claws', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'jun', { level: 2 });
    await db.characterStanding.create({
      data: { characterId: p.characterId, factionId: 'tyger_claws', standing: -3001 },
    });
    await expectDomainError(
      acceptQuest(deps, { ...p.ref, questId: 'q_claws_truce', contactId: 'jun' }),
      'INVALID_STATE',
      'Requires Unfriendly standing with Tyger Claws',
    );
    expect((await getQuestLog(deps, p.ref)).markers.jun).toBeUndefined();
    await db.characterStanding.update({
      where: { characterId_factionId: { characterId: p.characterId, factionId: 'tyger_claws' } },
      data: { standing: -3000 },
    });
    expect((await getQuestLog(deps, p.ref)).markers.jun).toBe('!');
    const r = await acceptQuest(deps, { ...p.ref, questId: 'q_claws_truce', contactId: 'jun' });
    expect(r.quest.status).toBe('active');
    // reach objectives say where to go; the talk that requires it is locked
    expect(r.quest.objectives).toMatchObject([
      {
        id: 'walk',
        kind: 'reach',
        where: { zoneId: 'watson', name: 'Jig-Jig Street' },
        locked: false,
      },
      { id: 'tell', kind: 'talk', locked: true },
    ]);
    expect(r.quest.failureNote).toBe('Fails if you kill a Tyger Claws punk.');
  });

  const dialogueOnly = QUESTS.find((q) => q.dialogueOnly);
  it('a dialogue-only quest cannot be accepted from the offer list', async () => {
    const q = dialogueOnly;
    if (!q) throw new Error('the shipped content has no such quest any more');
    const deps = testDeps(db);
    const p = await playerAt(db, q.giverId, { level: q.prerequisites.level });
    await expectDomainError(
      acceptQuest(deps, { ...p.ref, questId: q.id, contactId: q.giverId }),
      'INVALID_STATE',
    );
    expect(await questRow(db, p, q.id)).toBeNull();
  });

  it('a quest that is not retryable stays failed (pure rule)', () => {
    const q = QuestSchema.parse({ ...QUEST_INPUTS[0], id: 'q_test_once', retryable: false });
    const ctx = (state: 'failed' | 'abandoned') => ({
      characterId: 'c',
      level: 1,
      class: 'solo',
      attributes: { body: 5, reflexes: 5, technical: 5, intelligence: 5, cool: 5 },
      flags: {},
      standings: {},
      now: new Date(),
      rows: [
        {
          id: 'r',
          characterId: 'c',
          questId: q.id,
          periodKey: 'once',
          state,
          progress: {},
          acceptedAt: new Date(),
          deadline: null,
          readyAt: null,
          completedAt: null,
          failedAt: null,
          failReason: null,
          attempts: 1,
          rewardChoice: null,
        },
      ],
    });
    expect(acceptRefusal(q, ctx('failed'))).toBe('This job cannot be taken again');
    expect(acceptRefusal(q, ctx('abandoned'))).toBe('This job cannot be taken again');
    expect(acceptRefusal({ ...q, retryable: true }, ctx('failed'))).toBeNull();
  });

  it("a live character's quest log; a missing one is NOT_FOUND", async () => {
    const deps = testDeps(db);
    const p = await newPlayer(db);
    await expectDomainError(
      getQuestLog(deps, { characterId: 'no-such-character' }),
      'NOT_FOUND',
      'Character not found',
    );
    const log = await getQuestLog(deps, p.ref);
    expect(log).toMatchObject({ active: [], failed: [], completedCount: 0 });
    expect(log.markers.regina).toBe('!');
    await expectBalanced(db, [p]);
  });
});
