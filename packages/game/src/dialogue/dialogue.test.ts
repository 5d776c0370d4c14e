import { afterAll, describe, expect, it } from 'vitest';
import { DialogueSchema, type DialogueInput } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { expectBalanced, give, holdings } from '../inventory/test-helpers';
import { lockCharacter } from '../core/row-locks';
import { inTransaction } from '../core/transaction';
import { acceptQuest } from '../quests/accept-quest';
import { playerAt, questRow, standAt, storeRun, type Player } from '../quests/test-helpers';
import { chooseDialogue, openDialogue } from './converse';
import { visibleChoices } from './dialogue-view';
import { applyNodeEffectsTx } from './effects';
import { lockDialogueFacts } from './facts';

const db = testDb(8);
afterAll(() => db.$disconnect());
const deps = testDeps(db);

const open = (p: Player, contactId: string) => openDialogue(deps, { ...p.ref, contactId });
const choose = (p: Player, contactId: string, choiceId: string) =>
  chooseDialogue(deps, { ...p.ref, contactId, choiceId });

describe('dialogue', () => {
  it('opens at the first entry whose conditions hold and shows the contact, offers and vendor flag', async () => {
    const p = await playerAt(db, 'sgt_han', { level: 3 });
    let v = await open(p, 'sgt_han');
    expect(v).toMatchObject({
      contact: {
        id: 'sgt_han',
        name: 'Sergeant Han',
        title: 'NCPD',
        factionId: 'city_security',
        vendor: false,
      },
      node: { id: 'greet' },
      ended: false,
      outcomes: [],
      openVendor: false,
    });
    expect(v.offers.map((q) => q.id)).toEqual(
      expect.arrayContaining(['q_scavenger_sweep', 'q_ncpd_patrol']),
    );
    // a record with the NCPD: the hostile greeting, nothing to answer
    await db.characterStanding.create({
      data: { characterId: p.characterId, factionId: 'city_security', standing: -3001 },
    });
    v = await open(p, 'sgt_han');
    expect(v).toMatchObject({ node: { id: 'hostile', choices: [] }, ended: true });
    await expectDomainError(
      choose(p, 'sgt_han', 'bye'),
      'INVALID_STATE',
      'That answer is not available now',
    );

    await standAt(db, p, 'vik');
    // still in Han's conversation: Vik's choices need Vik's conversation first
    await expectDomainError(choose(p, 'vik', 'trade'), 'INVALID_STATE');
    await open(p, 'vik');
    v = await choose(p, 'vik', 'trade');
    expect(v).toMatchObject({ contact: { vendor: true }, node: { id: 'trade' }, openVendor: true });
    v = await choose(p, 'vik', 'bye');
    expect(v).toMatchObject({
      node: { id: 'end', text: '', choices: [] },
      ended: true,
      openVendor: false,
    });
    // the conversation is over: nothing more to choose until it is opened again
    await expectDomainError(choose(p, 'vik', 'back'), 'INVALID_STATE');
  });

  it('accepts only a choice of the node last shown, with this contact, whose conditions hold', async () => {
    const p = await playerAt(db, 'regina');
    await expectDomainError(
      choose(p, 'regina', 'who'),
      'INVALID_STATE',
      'You are not talking to Regina Jones — start the conversation again',
    );
    await open(p, 'regina');
    // hidden (no quest): refused with the reason
    await expectDomainError(
      choose(p, 'regina', 'prove'),
      'INVALID_STATE',
      'Needs the job "Street Cred" (active)',
    );
    let v = await choose(p, 'regina', 'who');
    expect(v.node.id).toBe('about');
    // 'who' belonged to the greeting, not to this node
    await expectDomainError(
      choose(p, 'regina', 'who'),
      'INVALID_STATE',
      'That answer is not available now',
    );
    // another contact's conversation (Dex is next to Regina)
    await standAt(db, p, 'dex');
    await expectDomainError(
      choose(p, 'dex', 'bye'),
      'INVALID_STATE',
      'You are not talking to Dexter DeShawn — start the conversation again',
    );
    await open(p, 'dex');
    await standAt(db, p, 'regina');
    await expectDomainError(choose(p, 'regina', 'back'), 'INVALID_STATE');
    v = await open(p, 'regina');
    expect(v.node.id).toBe('greet');
  });

  it('refuses away from the contact, a missing character, unknown contacts and malformed input', async () => {
    const p = await playerAt(db, 'regina');
    await expectDomainError(open(p, 'jun'), 'FORBIDDEN', 'You need to be next to Jun Nakamura');
    await expectDomainError(open(p, 'nobody'), 'NOT_FOUND', 'Unknown contact');
    await expectDomainError(
      openDialogue(deps, { characterId: 'no-such-character', contactId: 'regina' }),
      'NOT_FOUND',
      'Character not found',
    );
    await open(p, 'regina');
    await expectDomainError(
      chooseDialogue(deps, {
        characterId: 'no-such-character',
        contactId: 'regina',
        choiceId: 'who',
      }),
      'NOT_FOUND',
    );
    await expectDomainError(open(p, 'Regina!'), 'VALIDATION', 'Invalid id');
    await expectDomainError(choose(p, 'regina', ''), 'VALIDATION', 'Missing id');
    await standAt(db, p, 'koji');
    await expectDomainError(choose(p, 'regina', 'who'), 'FORBIDDEN');
    expect(
      (await db.dialogueState.findUnique({ where: { characterId: p.characterId } }))?.nodeId,
    ).toBe('greet');
  });
});

const tree = DialogueSchema.parse({
  id: 'test_tree',
  contactId: 'dex',
  entries: [{ node: 'gift' }],
  nodes: [
    {
      id: 'gift',
      text: 'Take these, and a good word with the fixers.',
      effects: [
        { kind: 'set_flag', key: 'test.gifted', value: 'yes' },
        { kind: 'start_quest', questId: 'q_punk_problem' },
        // needs Street Cred done: never starts for these players
        { kind: 'start_quest', questId: 'q_bitw_rumor' },
        { kind: 'complete_objective', questId: 'q_punk_problem', objectiveId: 'punks' },
        { kind: 'reputation', factionId: 'fixers', delta: 100 },
        { kind: 'give_item', templateId: 'stim_basic', quantity: 2 },
        { kind: 'open_vendor' },
      ],
      choices: [
        {
          id: 'secret',
          text: 'Only for the cool',
          conditions: [{ kind: 'attribute', attribute: 'cool', atLeast: 15 }],
          showLocked: true,
          next: 'end',
        },
        {
          id: 'hidden',
          text: 'Only for netrunners',
          conditions: [{ kind: 'class', classes: ['netrunner'] }],
          next: 'end',
        },
        {
          id: 'flagged',
          text: 'Since you got the gift…',
          conditions: [{ kind: 'flag', key: 'test.gifted', value: 'yes' }],
          next: 'end',
        },
      ],
    },
  ],
} satisfies DialogueInput);

describe('node effects', () => {
  // the one way (20 s, reruns): a node's five effects are many statements, too many for
  // Prisma's 5 s default on a loaded CI machine
  const enter = (p: Player) =>
    inTransaction(db, async (tx) => {
      const c = await lockCharacter(tx, p.characterId);
      const facts = await lockDialogueFacts(tx, c, deps.clock.now());
      const r = await applyNodeEffectsTx(tx, deps, tree, tree.nodes[0]!, facts);
      return { ...r, choices: visibleChoices(tree.nodes[0]!, r.facts) };
    });

  it('apply in order; rewarding ones once per character per node; locked choices say why', async () => {
    const p = await playerAt(db, 'dex', { level: 2 });
    const r = await enter(p);
    expect(r.outcomes).toEqual([
      { kind: 'flag', key: 'test.gifted', value: 'yes' },
      { kind: 'quest_started', questId: 'q_punk_problem', title: 'Punk Problem' },
      {
        kind: 'objective',
        questId: 'q_punk_problem',
        title: 'Punk Problem',
        label: 'Tyger Claws punks dealt with',
      },
      {
        kind: 'reputation',
        change: expect.objectContaining({ factionId: 'fixers', delta: 100, standing: 100 }),
      },
      { kind: 'item', item: expect.objectContaining({ templateId: 'stim_basic', quantity: 2 }) },
    ]);
    expect(r.openVendor).toBe(true);
    expect((await questRow(db, p, 'q_punk_problem'))?.state).toBe('ready');
    expect(r.choices).toEqual([
      { id: 'secret', text: 'Only for the cool', locked: 'Requires Cool 15' },
      { id: 'flagged', text: 'Since you got the gift…' },
    ]);

    const again = await enter(p);
    expect(again.outcomes).toEqual([]);
    expect(await holdings(db, [p])).toEqual({ stim_basic: 2 });
    const fixers = await db.characterStanding.findUnique({
      where: { characterId_factionId: { characterId: p.characterId, factionId: 'fixers' } },
    });
    expect(fixers?.standing).toBe(100);
    expect(
      await db.characterFlag.findMany({
        where: { characterId: p.characterId },
        orderBy: { key: 'asc' },
      }),
    ).toEqual([
      expect.objectContaining({ key: 'dlg.test_tree.gift', value: 'done' }),
      expect.objectContaining({ key: 'test.gifted', value: 'yes' }),
    ]);
    await expectBalanced(db, [p]);
  });

  it('a full bag refuses the whole node: no flag, no quest, no standing', async () => {
    const p = await playerAt(db, 'dex', { level: 2, bagSlots: 1 });
    await give(db, p, 'scrap_metal');
    await expect(enter(p)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      userMessage: 'Your bag is full — make room first',
    });
    expect(await db.characterFlag.count({ where: { characterId: p.characterId } })).toBe(0);
    expect(await questRow(db, p, 'q_punk_problem')).toBeNull();
    expect(await db.characterStanding.count({ where: { characterId: p.characterId } })).toBe(0);
    await expectBalanced(db, [p]);
  });

  it('start_quest is a no-op when the quest runs already, is done, or its prerequisites fail', async () => {
    const done = await playerAt(db, 'dex', { level: 2 });
    await storeRun(db, done, 'q_punk_problem', { state: 'completed' });
    let r = await enter(done);
    expect(r.outcomes.map((o) => o.kind)).not.toContain('quest_started');
    expect((await questRow(db, done, 'q_punk_problem'))?.state).toBe('completed');
    expect(await questRow(db, done, 'q_bitw_rumor')).toBeNull();

    const p = await playerAt(db, 'regina', { level: 2 });
    await acceptQuest(deps, { ...p.ref, questId: 'q_punk_problem', contactId: 'regina' });
    r = await enter(p);
    expect(r.outcomes.map((o) => o.kind)).not.toContain('quest_started');
    expect((await questRow(db, p, 'q_punk_problem'))?.attempts).toBe(1);
  });
});
