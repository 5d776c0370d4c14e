import { afterAll, describe, expect, it } from 'vitest';
import { QUESTS, type DialogueInput, type QuestUpdateMsg, DialogueSchema } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { createLog } from '../core/log';
import { lockCharacter } from '../core/row-locks';
import { inTransaction } from '../core/transaction';
import { applyNodeEffectsTx } from '../dialogue/effects';
import { lockDialogueFacts } from '../dialogue/facts';
import { acceptQuest } from './accept-quest';
import { getQuestLog } from './quest-log';
import { questOutboxSubscriber } from './quest-subscriber';
import { turnInQuest } from './turn-in-quest';
import { deliver, inbox, killEvent, newPlayer, playerAt, questRow, storeRun } from './test-helpers';

const db = testDb(8);
afterAll(() => db.$disconnect());

function quests(deps: ReturnType<typeof testDeps>) {
  const box = inbox<QuestUpdateMsg>();
  const sub = box.hear(questOutboxSubscriber({ clock: deps.clock, log: createLog('t', 'silent') }));
  return { sub, box };
}

describe('quest failures', () => {
  it('timer: active until the deadline, failed from it on — computed on read, persisted by the next write', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'sgt_han', { level: 3 });
    const start = deps.clock.ms();
    const r = await acceptQuest(deps, {
      ...p.ref,
      questId: 'q_scavenger_sweep',
      contactId: 'sgt_han',
    });
    const deadline = start + 1200_000;
    expect(r.quest.deadline).toBe(deadline);
    const { sub, box } = quests(deps);

    deps.clock.set(deadline - 1);
    await deliver(db, sub, killEvent([p], 'watson_scavenger'));
    let log = await getQuestLog(deps, p.ref);
    expect(log.active.map((q) => [q.id, q.status, q.objectives[0]?.progress])).toEqual([
      ['q_scavenger_sweep', 'active', 1],
    ]);

    deps.clock.set(deadline);
    log = await getQuestLog(deps, p.ref);
    expect(log.active).toEqual([]);
    expect(log.failed.map((q) => [q.id, q.status, q.failReason])).toEqual([
      ['q_scavenger_sweep', 'failed', 'timer'],
    ]);
    // a read does not write: the row changes with the next write path
    expect((await questRow(db, p, 'q_scavenger_sweep'))?.state).toBe('active');
    await deliver(db, sub, killEvent([p], 'watson_scavenger'));
    expect(await questRow(db, p, 'q_scavenger_sweep')).toMatchObject({
      state: 'failed',
      failReason: 'timer',
      failedAt: new Date(deadline),
      progress: { scavs: 1 },
    });
    expect(box.to(p).map((m) => [m.kind, m.reason])).toEqual([
      ['progress', undefined],
      ['failed', 'timer'],
    ]);
    await expectDomainError(
      turnInQuest(deps, { ...p.ref, questId: 'q_scavenger_sweep', contactId: 'sgt_han' }),
      'INVALID_STATE',
      'This job has failed',
    );

    // retryable: a new attempt with a new clock
    const again = await acceptQuest(deps, {
      ...p.ref,
      questId: 'q_scavenger_sweep',
      contactId: 'sgt_han',
    });
    expect(again.quest).toMatchObject({ status: 'active', deadline: deadline + 1200_000 });
    expect(await questRow(db, p, 'q_scavenger_sweep')).toMatchObject({
      attempts: 2,
      progress: { scavs: 0 },
    });
  });

  it('timer: a quest ready before its deadline stays ready after it', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'sgt_han', { level: 3 });
    await acceptQuest(deps, { ...p.ref, questId: 'q_scavenger_sweep', contactId: 'sgt_han' });
    const { sub } = quests(deps);
    for (let i = 0; i < 6; i++) await deliver(db, sub, killEvent([p], 'watson_scavenger'));
    deps.clock.advance(2 * 1200_000);
    const r = await turnInQuest(deps, {
      ...p.ref,
      questId: 'q_scavenger_sweep',
      contactId: 'sgt_han',
    });
    expect(r.quest.status).toBe('completed');
  });

  it("npc killed by self: only the killer's run fails, and the kill counts for nothing", async () => {
    const deps = testDeps(db);
    const killer = await playerAt(db, 'jun', { level: 2 });
    const bystander = await playerAt(db, 'jun', { level: 2 });
    for (const p of [killer, bystander])
      await acceptQuest(deps, { ...p.ref, questId: 'q_claws_truce', contactId: 'jun' });
    // the killer also runs a quest that counts punk kills
    await storeRun(db, killer, 'q_punk_problem', { state: 'active' });
    const { sub, box } = quests(deps);
    await deliver(db, sub, killEvent([killer], 'tyger_claws_punk'));

    expect(await questRow(db, killer, 'q_claws_truce')).toMatchObject({
      state: 'failed',
      failReason: 'npc_killed',
    });
    expect((await questRow(db, bystander, 'q_claws_truce'))?.state).toBe('active');
    expect(box.to(killer)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questId: 'q_claws_truce', kind: 'failed', reason: 'npc_killed' }),
        expect.objectContaining({ questId: 'q_punk_problem', kind: 'progress' }),
      ]),
    );
    expect(box.to(bystander)).toEqual([]);
  });

  const anyone = QUESTS.find((q) => q.failure?.npcKilled.some((k) => k.by === 'anyone'));
  it('npc killed by anyone: every running character fails, whoever killed it', async () => {
    const q = anyone;
    if (!q) throw new Error('the shipped content has no such quest any more');
    const rule = q.failure!.npcKilled.find((k) => k.by === 'anyone')!;
    const deps = testDeps(db);
    const [a, b, killer] = [await newPlayer(db), await newPlayer(db), await newPlayer(db)];
    await storeRun(db, a, q.id, { state: 'active' });
    await storeRun(db, b, q.id, { state: 'ready' });
    const { sub, box } = quests(deps);
    await deliver(db, sub, killEvent([killer], rule.npcTemplateIds[0]!, { rank: 'boss' }));
    for (const p of [a, b]) {
      expect(await questRow(db, p, q.id)).toMatchObject({
        state: 'failed',
        failReason: 'npc_killed',
      });
      expect(box.to(p)).toEqual([expect.objectContaining({ questId: q.id, kind: 'failed' })]);
    }
  });

  it('choice: a dialogue fail_quest effect fails the active run with reason "choice"', async () => {
    const deps = testDeps(db);
    const p = await playerAt(db, 'regina', { level: 2 });
    await acceptQuest(deps, { ...p.ref, questId: 'q_punk_problem', contactId: 'regina' });
    const dialogue = DialogueSchema.parse({
      id: 'test_betrayal',
      contactId: 'regina',
      entries: [{ node: 'sell_out' }],
      nodes: [
        {
          id: 'sell_out',
          text: 'You told the Claws about my market? Then we are done.',
          effects: [
            { kind: 'fail_quest', questId: 'q_punk_problem', reason: 'You sold the market out' },
          ],
        },
      ],
    } satisfies DialogueInput);
    const outcomes = await inTransaction(db, async (tx) => {
      const c = await lockCharacter(tx, p.characterId);
      const facts = await lockDialogueFacts(tx, c, deps.clock.now());
      return (await applyNodeEffectsTx(tx, deps, dialogue, dialogue.nodes[0]!, facts)).outcomes;
    });
    expect(outcomes).toEqual([
      {
        kind: 'quest_failed',
        questId: 'q_punk_problem',
        title: 'Punk Problem',
        reason: 'You sold the market out',
      },
    ]);
    expect(await questRow(db, p, 'q_punk_problem')).toMatchObject({
      state: 'failed',
      failReason: 'choice',
    });
    const log = await getQuestLog(deps, p.ref);
    expect(log.failed.map((q) => [q.id, q.failReason])).toEqual([['q_punk_problem', 'choice']]);
    // and it can be taken again
    const again = await acceptQuest(deps, {
      ...p.ref,
      questId: 'q_punk_problem',
      contactId: 'regina',
    });
    expect(again.quest.status).toBe('active');
    expect((await getQuestLog(deps, p.ref)).failed).toEqual([]);
  });
});
