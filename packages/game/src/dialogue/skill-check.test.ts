import { afterAll, describe, expect, it } from 'vitest';
import { attributeModifier, rollSkillCheck, type DialogueView } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { fund } from '../progression/test-helpers';
import { expectBalanced } from '../inventory/test-helpers';
import { acceptQuest } from '../quests/accept-quest';
import { playerAt, questRow, standAt, storeRun, type Player } from '../quests/test-helpers';
import { turnInQuest } from '../quests/turn-in-quest';
import { chooseDialogue, openDialogue } from './converse';
import { skillCheckRng, skillCheckSeed } from './skill-check-roll';

const db = testDb(8);
afterAll(() => db.$disconnect());

const deps = testDeps(db);
const SECRET = deps.config.simTicketSecret;

/** What attempt n of a character's check must roll (the replay an operator would do). */
const replay = (
  p: Player,
  checkId: string,
  attempt: number,
  modifier: number,
  difficulty: number,
) =>
  rollSkillCheck({ modifier, difficulty }, skillCheckRng(SECRET, p.characterId, checkId, attempt));

/** A player at `contactId` whose first roll of `checkId` is within [lo, hi]. */
async function playerRolling(
  contactId: string,
  checkId: string,
  lo: number,
  hi: number,
  level = 1,
) {
  for (let i = 0; i < 50; i++) {
    const p = await playerAt(db, contactId, { level });
    const r = replay(p, checkId, 1, 0, 10).roll;
    if (r >= lo && r <= hi) return p;
  }
  throw new Error(`no character rolled ${lo}–${hi} on ${checkId}`);
}

const choiceIds = (v: DialogueView) => v.node.choices.map((c) => c.id);
const open = (p: Player, contactId: string) => openDialogue(deps, { ...p.ref, contactId });
const choose = (p: Player, contactId: string, choiceId: string) =>
  chooseDialogue(deps, { ...p.ref, contactId, choiceId });

describe('skill-check seeds', () => {
  it('derive from HMAC(secret, "skill-check:<character>:<check>:<attempt>") — fixed numbers', () => {
    const s = 'test-secret-0123456789abcdef';
    expect([1, 2, 3].map((a) => skillCheckSeed(s, 'c-fixed', 'regina_cred', a))).toEqual([
      468775455, 1981804139, 179525224,
    ]);
    expect(
      [1, 2, 3].map(
        (a) =>
          rollSkillCheck(
            { modifier: 0, difficulty: 8 },
            skillCheckRng(s, 'c-fixed', 'regina_cred', a),
          ).roll,
      ),
    ).toEqual([13, 9, 4]);
    expect(skillCheckSeed('another-secret', 'c-fixed', 'regina_cred', 1)).not.toBe(468775455);
  });
});

describe('dialogue skill checks', () => {
  it('Street Cred: the Cool check (replayable roll), Dex, and the turn-in with +250 Fixer Network', async () => {
    const p = await playerAt(db, 'regina', { cool: 20 });
    let v = await open(p, 'regina');
    expect(choiceIds(v)).not.toContain('prove');
    expect(v.offers.map((q) => q.id)).toContain('q_street_cred');
    await acceptQuest(deps, { ...p.ref, questId: 'q_street_cred', contactId: 'regina' });

    v = await open(p, 'regina');
    const mod = attributeModifier(20);
    expect(v.node.choices.find((c) => c.id === 'prove')?.check).toEqual({
      attribute: 'cool',
      label: 'Cool',
      modifier: mod,
      difficulty: 8,
      chance: 0.95,
    });
    // retry check: roll until it passes; each attempt rolls exactly its replayed number
    for (let attempt = 1; ; attempt++) {
      v = await choose(p, 'regina', 'prove');
      const want = replay(p, 'regina_cred', attempt, mod, 8);
      expect(v.outcomes[0]).toEqual({
        kind: 'check',
        checkId: 'regina_cred',
        label: 'Cool',
        result: want,
      });
      if (want.success) break;
      expect(v.node.id).toBe('cred_fail');
      v = await choose(p, 'regina', 'back');
    }
    expect(v.node.id).toBe('cred_ok');
    expect(v.outcomes).toContainEqual({
      kind: 'objective',
      questId: 'q_street_cred',
      title: 'Street Cred',
      label: 'Convince Regina (Cool)',
    });
    v = await choose(p, 'regina', 'back');
    expect(choiceIds(v)).not.toContain('prove'); // passed: no longer offered

    await standAt(db, p, 'dex');
    v = await open(p, 'dex');
    expect(v.outcomes).toEqual([
      {
        kind: 'objective',
        questId: 'q_street_cred',
        title: 'Street Cred',
        label: 'Introduce yourself to Dex',
      },
    ]);
    await standAt(db, p, 'regina');
    v = await open(p, 'regina');
    expect(v.turnIns.map((q) => q.id)).toEqual(['q_street_cred']);
    const done = await turnInQuest(deps, {
      ...p.ref,
      questId: 'q_street_cred',
      contactId: 'regina',
    });
    expect(done.reputation).toEqual([
      expect.objectContaining({
        factionId: 'fixers',
        factionName: 'Fixer Network',
        delta: 250,
        standing: 250,
      }),
    ]);
    await expectBalanced(db, [p]);
  });

  it('a retry check that failed rolls again with the next attempt', async () => {
    // cool 1 (−2) against DC 8: a first roll of 2–9 fails
    const p = await playerRolling('regina', 'regina_cred', 2, 9);
    await db.character.update({ where: { id: p.characterId }, data: { cool: 1 } });
    await acceptQuest(deps, { ...p.ref, questId: 'q_street_cred', contactId: 'regina' });
    await open(p, 'regina');
    let v = await choose(p, 'regina', 'prove');
    expect(v.node.id).toBe('cred_fail');
    expect(v.outcomes).toEqual([
      {
        kind: 'check',
        checkId: 'regina_cred',
        label: 'Cool',
        result: replay(p, 'regina_cred', 1, -2, 8),
      },
    ]);
    expect(
      await db.skillCheckRoll.findUnique({
        where: { characterId_checkId: { characterId: p.characterId, checkId: 'regina_cred' } },
      }),
    ).toMatchObject({ attempts: 1, success: false, modifier: -2, difficulty: 8 });
    v = await choose(p, 'regina', 'back');
    expect(choiceIds(v)).toContain('prove');
    v = await choose(p, 'regina', 'prove');
    expect(v.outcomes[0]).toMatchObject({ result: replay(p, 'regina_cred', 2, -2, 8) });
    expect(
      (await db.skillCheckRoll.findFirst({ where: { characterId: p.characterId } }))?.attempts,
    ).toBe(2);
  });

  it('a one-roll check never re-rolls; paying Jun is refused without eddies and paid once with them', async () => {
    // cool 1 (−2) against DC 12: a first roll of 2–13 fails
    const p = await playerRolling('dex', 'bitw_jun_bluff', 2, 13);
    await db.character.update({ where: { id: p.characterId }, data: { cool: 1 } });
    await storeRun(db, p, 'q_street_cred', { state: 'completed' });
    await acceptQuest(deps, { ...p.ref, questId: 'q_bitw_rumor', contactId: 'dex' });
    await standAt(db, p, 'jun');

    await open(p, 'jun');
    let v = await choose(p, 'jun', 'ask');
    expect(v.node.choices.find((c) => c.id === 'bluff')?.check).toMatchObject({
      difficulty: 12,
      modifier: -2,
    });
    v = await choose(p, 'jun', 'bluff');
    const first = replay(p, 'bitw_jun_bluff', 1, -2, 12);
    expect(v.node.id).toBe('bluff_fail');
    expect(v.outcomes).toEqual([
      { kind: 'check', checkId: 'bitw_jun_bluff', label: 'Cool', result: first },
    ]);

    // better Cool, a new conversation: the stored result sticks
    await db.character.update({ where: { id: p.characterId }, data: { cool: 20 } });
    await open(p, 'jun');
    v = await choose(p, 'jun', 'ask');
    expect(v.node.choices.find((c) => c.id === 'bluff')?.check).toMatchObject({ rolled: true });
    v = await choose(p, 'jun', 'bluff');
    expect(v.node.id).toBe('bluff_fail');
    expect(v.outcomes).toEqual([
      { kind: 'check', checkId: 'bitw_jun_bluff', label: 'Cool', result: first },
    ]);
    expect(
      (await db.skillCheckRoll.findFirst({ where: { characterId: p.characterId } }))?.attempts,
    ).toBe(1);

    // paying without the money: refused, nothing changes, the conversation stays where it was
    await expectDomainError(choose(p, 'jun', 'pay'), 'INVALID_STATE', 'You need 200 €$ for that');
    expect(await db.characterFlag.count({ where: { characterId: p.characterId } })).toBe(0);
    expect(
      (await db.dialogueState.findUnique({ where: { characterId: p.characterId } }))?.nodeId,
    ).toBe('bluff_fail');

    await fund(db, p.characterId, 250);
    v = await choose(p, 'jun', 'pay');
    expect(v.node.id).toBe('paid');
    expect(v.outcomes).toEqual([
      { kind: 'paid', eddies: 200 },
      { kind: 'flag', key: 'chain.bitw.jun_talked', value: 'paid' },
      {
        kind: 'objective',
        questId: 'q_bitw_rumor',
        title: 'Blood in the Water',
        label: 'Get Jun to talk',
      },
    ]);
    expect((await db.character.findUniqueOrThrow({ where: { id: p.characterId } })).eddies).toBe(
      50,
    );
    expect((await questRow(db, p, 'q_bitw_rumor'))?.state).toBe('ready');
    // the question is gone now that he talked
    v = await open(p, 'jun');
    expect(choiceIds(v)).not.toContain('ask');
    await expectBalanced(db, [p]);
  });
});
