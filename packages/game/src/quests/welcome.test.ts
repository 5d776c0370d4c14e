/**
 * The welcome quest on PostgreSQL: given at creation only, advanced by the right
 * happenings in order (area, punk kill, tag pickup, a chat message, a party
 * invitation or "go solo"), paid once at Regina, and skipped for good by abandoning
 * it. Events published by the chat/party domains are read back from the outbox
 * and handed to the quest subscriber the way the drain does.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestUser, uniq } from '@necp/db/testing';
import type { QuestUpdateMsg } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { createCharacter } from '../characters/create-character';
import { postChat } from '../chat/post-chat';
import { createLog } from '../core/log';
import { expectBalanced, give, newPlayer } from '../inventory/test-helpers';
import type { OutboxEvent } from '../outbox/events';
import { acceptPartyInvite, inviteToParty } from '../party/party';
import { abandonQuest, acceptQuest } from './accept-quest';
import { creditQuestAction, reportQuestAction } from './quest-actions';
import { questOutboxSubscriber } from './quest-subscriber';
import {
  deliver,
  inbox,
  killEvent,
  outboxEvent,
  questRow,
  standAt,
  type Player,
} from './test-helpers';
import { turnInQuest } from './turn-in-quest';

const db = testDb(8);
afterAll(() => db.$disconnect());
const deps = testDeps(db);
const box = inbox<QuestUpdateMsg>();
const sub = box.hear(questOutboxSubscriber({ clock: deps.clock, log: createLog('t', 'silent') }));
const Q = 'q_welcome';

/** A character made the way a player makes one (createCharacter), as a test Player. */
async function newcomer(): Promise<Player & { name: string }> {
  const u = await createTestUser(db);
  const name = uniq('W');
  const c = await createCharacter(deps, { userId: u.id, name, origin: 'streetkid', class: 'solo' });
  return { userId: u.id, characterId: c.id, ref: { userId: u.id, characterId: c.id }, name };
}

const progress = async (p: Player) => (await questRow(db, p, Q))?.progress;
const entered = (p: Player, areaId: string) =>
  outboxEvent('area.entered', { characterId: p.characterId, zoneId: 'watson', areaId });
const pickedTag = (p: Player) =>
  outboxEvent('item.picked_up', {
    characterId: p.characterId,
    itemId: 'i1',
    templateId: 'welcome_gang_tag',
    quantity: 1,
    zoneId: 'watson',
  });

/** The quest.action events published for the character, as the drain hands them over. */
async function actionEvents(p: Player): Promise<OutboxEvent<'quest.action'>[]> {
  const rows = await db.outboxEvent.findMany({
    where: { type: 'quest.action', payload: { path: ['characterId'], equals: p.characterId } },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) =>
    outboxEvent('quest.action', r.payload as OutboxEvent<'quest.action'>['payload'], r.key),
  );
}
async function deliverActions(p: Player) {
  for (const e of await actionEvents(p)) await deliver(db, sub, e);
}

/** Walks the first three steps the way the sim's events would. */
async function walkFightLoot(p: Player) {
  await deliver(db, sub, entered(p, 'plaza_edge'));
  await deliver(db, sub, killEvent([p], 'tyger_claws_punk'));
  await give(db, p, 'welcome_gang_tag');
  await deliver(db, sub, pickedTag(p));
}

const say = (p: Player & { name: string }, text: string) =>
  postChat(
    deps,
    { userId: p.userId, characterId: p.characterId, name: p.name, zoneId: 'watson' },
    { channel: 'say', text },
    { isOnline: async () => true },
  );

describe('the welcome quest', () => {
  it('starts with every new character, and only with new ones; no giver offers it', async () => {
    const p = await newcomer();
    expect(await questRow(db, p, Q)).toMatchObject({
      state: 'active',
      progress: { walk: 0, fight: 0, loot: 0, chat: 0, party: 0 },
    });
    // a character from before (made straight in the table, as old ones were) has none
    const old = await newPlayer(db);
    expect(await questRow(db, old, Q)).toBeNull();
    await standAt(db, old, 'regina');
    await expectDomainError(
      acceptQuest(deps, { ...old.ref, questId: Q, contactId: 'regina' }),
      'INVALID_STATE',
      'Only a newcomer to the city gets this job',
    );
    expect(await questRow(db, old, Q)).toBeNull();
  });

  it('advances on the right happenings only, in order, and pays once at Regina', async () => {
    const p = await newcomer();
    // out of order: a kill, a pickup, a chat before the walk count for nothing
    await deliver(db, sub, killEvent([p], 'tyger_claws_punk'));
    await deliver(db, sub, entered(p, 'kabuki_market'));
    expect(await creditQuestAction(db, p.characterId, 'chat')).toBe(false);
    expect(await progress(p)).toEqual({ walk: 0, fight: 0, loot: 0, chat: 0, party: 0 });

    await deliver(db, sub, entered(p, 'plaza_edge'));
    // a scavenger is not a Claws punk
    await deliver(db, sub, killEvent([p], 'watson_scavenger'));
    expect(await progress(p)).toMatchObject({ walk: 1, fight: 0 });
    await deliver(db, sub, killEvent([p], 'tyger_claws_punk'));
    await give(db, p, 'welcome_gang_tag');
    await deliver(db, sub, pickedTag(p));
    expect(await progress(p)).toMatchObject({ walk: 1, fight: 1, loot: 1, chat: 0 });

    // the party lesson waits for the chat one: going solo now writes nothing
    expect(await reportQuestAction(deps, { ...p.ref, action: 'party' })).toEqual({
      counted: false,
    });
    await say(p, 'hello night city');
    await say(p, 'anyone around?');
    // one event for the lesson, however much the player talks
    expect(await actionEvents(p)).toHaveLength(1);
    await deliverActions(p);
    expect(await progress(p)).toMatchObject({ chat: 1, party: 0 });
    expect(box.to(p).at(-1)).toMatchObject({ questId: Q, kind: 'progress' });

    expect(await reportQuestAction(deps, { ...p.ref, action: 'party' })).toEqual({
      counted: true,
    });
    // a repeated report (a double click, a replay) adds nothing
    expect(await reportQuestAction(deps, { ...p.ref, action: 'party' })).toEqual({
      counted: false,
    });
    await deliverActions(p);
    expect(await questRow(db, p, Q)).toMatchObject({
      state: 'ready',
      progress: { walk: 1, fight: 1, loot: 1, chat: 1, party: 1 },
    });
    expect(await actionEvents(p)).toHaveLength(2);

    // away from Regina: refused; at her: paid once, the tag taken
    await expectDomainError(
      turnInQuest(deps, { ...p.ref, questId: Q, contactId: 'regina' }),
      'FORBIDDEN',
    );
    await standAt(db, p, 'regina');
    const before = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
    const done = await turnInQuest(deps, { ...p.ref, questId: Q, contactId: 'regina' });
    expect(done).toMatchObject({ quest: { status: 'completed' }, xpGained: 100 });
    await expectDomainError(
      turnInQuest(deps, { ...p.ref, questId: Q, contactId: 'regina' }),
      'INVALID_STATE',
      'You have already turned this in',
    );
    const after = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
    expect(after.eddies - before.eddies).toBe(30);
    expect(
      await db.ledgerEntry.count({
        where: { characterId: p.characterId, reason: 'quest', ref: Q },
      }),
    ).toBeGreaterThan(0);
    expect(
      await db.item.count({
        where: { characterId: p.characterId, templateId: 'welcome_gang_tag' },
      }),
    ).toBe(0);
    await expectBalanced(db, [p]);
    // done: nothing counts any more, and it cannot be taken again
    expect(await reportQuestAction(deps, { ...p.ref, action: 'party' })).toEqual({
      counted: false,
    });
    await expectDomainError(
      acceptQuest(deps, { ...p.ref, questId: Q, contactId: 'regina' }),
      'INVALID_STATE',
    );
  });

  it('counts a party invitation sent, or one accepted, as the party lesson', async () => {
    const a = await newcomer();
    const b = await newcomer();
    for (const p of [a, b]) {
      await walkFightLoot(p);
      await say(p, `hi from ${p.name}`);
      await deliverActions(p);
    }
    const invite = await inviteToParty(deps, { characterId: a.characterId, name: b.name });
    await acceptPartyInvite(deps, { characterId: b.characterId, inviteId: invite.inviteId! });
    await deliverActions(a);
    await deliverActions(b);
    expect((await questRow(db, a, Q))?.state).toBe('ready');
    expect((await questRow(db, b, Q))?.state).toBe('ready');
  });

  it('skipping (abandoning) ends it for good: nothing counts, it is never given again', async () => {
    const p = await newcomer();
    await deliver(db, sub, entered(p, 'plaza_edge'));
    await abandonQuest(deps, { ...p.ref, questId: Q });
    expect((await questRow(db, p, Q))?.state).toBe('abandoned');
    await deliver(db, sub, killEvent([p], 'tyger_claws_punk'));
    await say(p, 'still here');
    expect(await actionEvents(p)).toEqual([]);
    expect(await reportQuestAction(deps, { ...p.ref, action: 'party' })).toEqual({
      counted: false,
    });
    expect(await questRow(db, p, Q)).toMatchObject({ state: 'abandoned', progress: { fight: 0 } });
    await standAt(db, p, 'regina');
    await expectDomainError(
      acceptQuest(deps, { ...p.ref, questId: Q, contactId: 'regina' }),
      'INVALID_STATE',
    );
    await expectDomainError(abandonQuest(deps, { ...p.ref, questId: Q }), 'INVALID_STATE');
  });

  it('refuses bad input and a missing character', async () => {
    const p = await newcomer();
    await walkFightLoot(p);
    await say(p, 'hello');
    await deliverActions(p);
    // only what the client alone sees may be reported: not a chat message
    await expectDomainError(
      reportQuestAction(deps, { ...p.ref, action: 'chat' as 'party' }),
      'VALIDATION',
    );
    await expectDomainError(
      reportQuestAction(deps, { ...p.ref, action: 'x'.repeat(5000) as 'party' }),
      'VALIDATION',
    );
    await expectDomainError(
      reportQuestAction(deps, { characterId: 'a\u0000b', action: 'party' }),
      'VALIDATION',
    );
    // a missing character: nothing written
    await expectDomainError(
      reportQuestAction(deps, { characterId: 'no-such-character', action: 'party' }),
      'NOT_FOUND',
    );
    await expectDomainError(
      abandonQuest(deps, { characterId: 'no-such-character', questId: Q }),
      'NOT_FOUND',
    );
    expect(await actionEvents(p)).toHaveLength(1);
    expect((await questRow(db, p, Q))?.state).toBe('active');
  });
});
