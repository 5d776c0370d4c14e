import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { emitTo } from '@necp/shared';
import { domainError, testDb, testDeps } from '../accounts/test-deps';
import { give, newPlayer } from '../inventory/test-helpers';
import type { Push } from '@necp/shared';
import { outboxEvent } from '../quests/test-helpers';
import { blockOutboxSubscriber, blockRoomPush } from './block-subscriber';
import { blockCharacter, unblockCharacter } from './blocks';
import { chatHistory } from './chat-history';
import { muteAccount, unmuteAccount } from './mutes';
import { postChat, type ChatSender } from './post-chat';
import { purgeOldChat } from './purge-chat';
import { reportMessage } from './report-message';

const db = testDb(4);
afterAll(() => db.$disconnect());

const online = { isOnline: async () => true };
const zone = () => `zone-${randomBytes(4).toString('hex')}`;

async function speaker(zoneId = zone()): Promise<ChatSender> {
  const p = await newPlayer(db);
  const c = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
  return { userId: p.userId, characterId: c.id, name: c.name, zoneId };
}

const asPlayer = (s: ChatSender) => ({
  userId: s.userId,
  characterId: s.characterId,
  ref: { userId: s.userId, characterId: s.characterId },
});

describe('posting chat', () => {
  it('keeps a district message with its scope and masks the word filter’s matches', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const posted = await postChat(deps, a, { channel: 'district', text: 'what the fuck' }, online);
    expect(posted.pushes).toEqual([
      emitTo({ district: a.zoneId }, 'chat:message', posted.message, { blockersOf: a.characterId }),
    ]);
    expect(posted.message).toMatchObject({
      channel: 'district',
      from: a.name,
      text: 'what the f***',
    });
    const row = await db.chatMessage.findUniqueOrThrow({ where: { id: posted.message.id } });
    // moderators still see what was typed
    expect(row).toMatchObject({
      scope: a.zoneId,
      original: 'what the fuck',
      senderId: a.characterId,
    });
  });

  it('links items the sender carries, as they are now, named [Name] in the text', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const b = await speaker(a.zoneId);
    const mine = await give(db, asPlayer(a), 'stim_basic', 3);
    const theirs = await give(db, asPlayer(b), 'stim_basic', 1);
    const { name } = await db.itemTemplate.findUniqueOrThrow({ where: { id: 'stim_basic' } });
    const posted = await postChat(
      deps,
      a,
      { channel: 'district', text: `wts [${name}] cheap`, links: [mine] },
      online,
    );
    expect(posted.message.links).toEqual([
      expect.objectContaining({ itemId: mine, templateId: 'stim_basic', name, quantity: 3 }),
    ]);
    // the history shows the link as it was, whatever happens to the item later
    await db.item.update({ where: { id: mine }, data: { quantity: 1 } });
    const seen = (await chatHistory(deps, b)).find((m) => m.id === posted.message.id);
    expect(seen?.links?.[0]?.quantity).toBe(3);
    // someone else's item, a link missing from the text, too many links: refused, nothing kept
    const before = await db.chatMessage.count({ where: { senderId: a.characterId } });
    expect(
      (
        await domainError(
          postChat(deps, a, { channel: 'district', text: `[${name}]`, links: [theirs] }, online),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await domainError(
          postChat(deps, a, { channel: 'district', text: 'look at this', links: [mine] }, online),
        )
      ).userMessage,
    ).toBe(`Put [${name}] in the message to link it.`);
    expect(
      (
        await domainError(
          postChat(
            deps,
            a,
            { channel: 'district', text: 'x', links: ['a', 'b', 'c', 'd'] },
            online,
          ),
        )
      ).code,
    ).toBe('VALIDATION');
    expect(await db.chatMessage.count({ where: { senderId: a.characterId } })).toBe(before);
  });

  it('refuses bad input with VALIDATION and writes nothing', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    for (const bad of [
      { channel: 'district', text: '' },
      { channel: 'district', text: 'x'.repeat(501) },
      { channel: 'district', text: 'a\u0000b' },
      { channel: 'system', text: 'I am the server' },
      { channel: 'nope', text: 'hi' },
    ])
      expect((await domainError(postChat(deps, a, bad as never, online))).code).toBe('VALIDATION');
    expect(await db.chatMessage.count({ where: { senderId: a.characterId } })).toBe(0);
  });

  it('limits floods and repeats per character, with typed errors', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const b = await speaker(a.zoneId);
    await postChat(deps, a, { channel: 'district', text: 'wts katana' }, online);
    await postChat(deps, a, { channel: 'district', text: 'WTS   katana' }, online);
    const repeat = await domainError(
      postChat(deps, a, { channel: 'district', text: 'wts katana' }, online),
    );
    expect(repeat).toMatchObject({
      code: 'RATE_LIMITED',
      userMessage: 'You said that already. Say something new.',
    });
    for (let i = 0; i < 2; i++)
      await postChat(deps, a, { channel: 'district', text: `msg ${i}` }, online);
    const flood = await domainError(
      postChat(deps, a, { channel: 'district', text: 'one more' }, online),
    );
    expect(flood.code).toBe('RATE_LIMITED');
    expect(flood.userMessage).toMatch(/too fast\. Wait \d+ s\./);
    // another character has its own budget
    await postChat(deps, b, { channel: 'district', text: 'one more' }, online);
  });

  it('a muted account cannot post until the mute ends or is lifted', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const mod = await speaker();
    await db.user.update({ where: { id: mod.userId }, data: { role: 'MODERATOR' } });
    await muteAccount(deps, {
      userId: a.userId,
      minutes: 10,
      reason: 'spam',
      byUserId: mod.userId,
    });
    const muted = await domainError(
      postChat(deps, a, { channel: 'global', text: 'hello?' }, online),
    );
    expect(muted).toMatchObject({
      code: 'FORBIDDEN',
      userMessage: 'You are muted for 10 more minutes: spam',
    });
    deps.clock.advance(11 * 60_000);
    await postChat(deps, a, { channel: 'global', text: 'back' }, online);
    await muteAccount(deps, {
      userId: a.userId,
      minutes: 60,
      reason: 'again',
      byUserId: mod.userId,
    });
    expect(
      (await domainError(postChat(deps, a, { channel: 'global', text: 'x' }, online))).code,
    ).toBe('FORBIDDEN');
    expect(await unmuteAccount(deps, { userId: a.userId, byUserId: mod.userId })).toEqual({
      ended: 1,
    });
    await postChat(deps, a, { channel: 'global', text: 'free' }, online);
  });

  it('party and guild chat need a party or guild', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    expect(
      await domainError(postChat(deps, a, { channel: 'party', text: 'hi' }, online)),
    ).toMatchObject({
      code: 'INVALID_STATE',
      userMessage: 'You are not in a party.',
    });
    expect(
      (await domainError(postChat(deps, a, { channel: 'guild', text: 'hi' }, online))).userMessage,
    ).toBe('You are not in a guild.');
  });
});

describe('whispers', () => {
  it('reach the named character, not yourself, not the unknown or offline', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const b = await speaker();
    const w = await postChat(
      deps,
      a,
      { channel: 'whisper', to: b.name.toUpperCase(), text: 'psst' },
      online,
    );
    expect(w.pushes).toEqual([
      emitTo({ characters: [b.characterId, a.characterId] }, 'chat:message', w.message, {
        blockersOf: a.characterId,
      }),
    ]);
    expect(w.message).toMatchObject({ from: a.name, to: b.name, toId: b.characterId });
    const self = await domainError(
      postChat(deps, a, { channel: 'whisper', to: a.name, text: 'me' }, online),
    );
    expect(self.userMessage).toBe('You cannot whisper to yourself.');
    const none = await domainError(
      postChat(deps, a, { channel: 'whisper', to: 'Nobody-Zz9', text: 'x' }, online),
    );
    expect(none).toMatchObject({
      code: 'NOT_FOUND',
      userMessage: 'No character is called “Nobody-Zz9”.',
    });
    const offline = await domainError(
      postChat(
        deps,
        a,
        { channel: 'whisper', to: b.name, text: 'there?' },
        { isOnline: async () => false },
      ),
    );
    expect(offline.userMessage).toBe(`${b.name} is not online.`);
  });

  it('a blocked sender’s whisper never reaches the blocker or the log; the sender is not told', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const b = await speaker();
    await blockCharacter(deps, { characterId: b.characterId, name: a.name });
    const w = await postChat(
      deps,
      a,
      { channel: 'whisper', to: b.name, text: 'let me in' },
      online,
    );
    // only the sender's own sockets, as if sent
    expect(w.pushes).toEqual([emitTo({ characters: [a.characterId] }, 'chat:message', w.message)]);
    expect(w.message).toMatchObject({ to: b.name, text: 'let me in' });
    expect(await db.chatMessage.count({ where: { recipientId: b.characterId } })).toBe(0);
    // b never sees a's district messages in history either
    await postChat(deps, a, { channel: 'district', text: 'spam spam' }, online);
    const seen = await chatHistory(deps, { characterId: b.characterId, zoneId: a.zoneId });
    expect(seen.some((m) => m.fromId === a.characterId)).toBe(false);
    await unblockCharacter(deps, { characterId: b.characterId, name: a.name });
    const after = await chatHistory(deps, { characterId: b.characterId, zoneId: a.zoneId });
    expect(after.some((m) => m.fromId === a.characterId)).toBe(true);
    expect(
      (await domainError(blockCharacter(deps, { characterId: b.characterId, name: b.name }))).code,
    ).toBe('VALIDATION');
  });
});

describe('a block reaches the chat through its event', () => {
  it('block and unblock each commit a character.block_changed; its subscriber moves the blocker’s sockets as the block is now', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const b = await speaker();
    const events = () =>
      db.outboxEvent.findMany({
        where: { type: 'character.block_changed', key: { contains: b.characterId } },
        orderBy: { id: 'asc' },
      });
    /** what the subscriber pushes for the event (after its commit) */
    const pushed = async (payload: { blockerId: string; blockedId: string }) => {
      const out: Push[] = [];
      await db.$transaction((tx) =>
        blockOutboxSubscriber().handle(tx, outboxEvent('character.block_changed', payload), {
          afterCommit: (fn) => fn(),
          push: (...p) => out.push(...p),
        }),
      );
      return out;
    };
    const pair = { blockerId: b.characterId, blockedId: a.characterId };

    await blockCharacter(deps, { characterId: b.characterId, name: a.name });
    expect((await events()).map((e) => e.payload)).toEqual([pair]);
    expect(await pushed(pair)).toEqual([blockRoomPush(b.characterId, a.characterId, true)]);
    expect(blockRoomPush(b.characterId, a.characterId, true)).toEqual({
      kind: 'join',
      characters: [b.characterId],
      room: { blockersOf: a.characterId },
    });

    await unblockCharacter(deps, { characterId: b.characterId, name: a.name });
    expect(await events()).toHaveLength(2);
    // the block event delivered late (after the unblock) reads the row: the socket leaves
    expect(await pushed(pair)).toEqual([
      { kind: 'leave', characters: [b.characterId], room: { blockersOf: a.characterId } },
    ]);
    // a refused block (yourself) commits no event
    await domainError(blockCharacter(deps, { characterId: b.characterId, name: b.name }));
    expect(await events()).toHaveLength(2);
  });
});

describe('history', () => {
  it('holds the reader’s district and whispers, oldest first, not other districts or others’ whispers', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const b = await speaker(a.zoneId);
    const c = await speaker();
    const elsewhere = await speaker();
    await postChat(deps, a, { channel: 'district', text: 'first' }, online);
    deps.clock.advance(1000);
    await postChat(deps, b, { channel: 'whisper', to: a.name, text: 'second' }, online);
    deps.clock.advance(1000);
    await postChat(deps, elsewhere, { channel: 'district', text: 'far away' }, online);
    await postChat(deps, b, { channel: 'whisper', to: c.name, text: 'not for a' }, online);
    const h = await chatHistory(deps, { characterId: a.characterId, zoneId: a.zoneId });
    const mine = h.filter((m) => m.fromId === a.characterId || m.toId === a.characterId);
    expect(mine.map((m) => m.text)).toEqual(['first', 'second']);
    expect(h.some((m) => m.text === 'far away' || m.text === 'not for a')).toBe(false);
  });
});

/** A unique 2–5 letter guild tag. */
const tagOf = (s: ChatSender) =>
  s.characterId
    .replace(/[^a-z]/g, '')
    .slice(-5)
    .toUpperCase()
    .padEnd(2, 'X');

describe('reports and retention', () => {
  it('keeps the reported message with its context; whispers only by their ends; once per reporter', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const b = await speaker(a.zoneId);
    const outsider = await speaker();
    const before = await postChat(deps, b, { channel: 'district', text: 'hello' }, online);
    deps.clock.advance(1000);
    const bad = await postChat(deps, a, { channel: 'district', text: 'rude thing' }, online);
    await reportMessage(deps, {
      messageId: bad.message.id,
      reporterId: b.characterId,
      reason: 'rude',
    });
    await reportMessage(deps, { messageId: bad.message.id, reporterId: b.characterId });
    const reports = await db.chatReport.findMany({ where: { messageId: bad.message.id } });
    expect(reports).toHaveLength(1);
    const ctx = reports[0]!.context as { id: string }[];
    expect(ctx.map((m) => m.id)).toEqual([before.message.id, bad.message.id]);
    const w = await postChat(deps, a, { channel: 'whisper', to: b.name, text: 'secret' }, online);
    expect(
      (
        await domainError(
          reportMessage(deps, { messageId: w.message.id, reporterId: outsider.characterId }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await domainError(
          reportMessage(deps, { messageId: bad.message.id, reporterId: a.characterId }),
        )
      ).code,
    ).toBe('VALIDATION');
    // a guild's or party's lines only by its members (issue 25: a report copied another
    // guild's private messages into the queue)
    const guild = await db.guild.create({
      data: { name: `Rpt ${a.characterId}`, nameLower: `rpt ${a.characterId}`, tag: tagOf(a) },
    });
    const rank = await db.guildRank.create({
      data: { guildId: guild.id, name: 'All', position: 0 },
    });
    for (const s of [a, b])
      await db.guildMember.create({
        data: { guildId: guild.id, characterId: s.characterId, rankId: rank.id },
      });
    const inGuild = await postChat(deps, a, { channel: 'guild', text: 'guild secret' }, online);
    const party = await db.party.create({ data: { leaderId: a.characterId } });
    await db.partyMember.create({ data: { partyId: party.id, characterId: a.characterId } });
    await db.partyMember.create({ data: { partyId: party.id, characterId: b.characterId } });
    const inParty = await postChat(deps, a, { channel: 'party', text: 'party secret' }, online);
    for (const m of [inGuild, inParty]) {
      expect(
        await domainError(
          reportMessage(deps, { messageId: m.message.id, reporterId: outsider.characterId }),
        ),
      ).toMatchObject({ code: 'NOT_FOUND', userMessage: 'That message is gone.' });
      await reportMessage(deps, { messageId: m.message.id, reporterId: b.characterId });
    }
    expect(await db.chatReport.count({ where: { reporterId: outsider.characterId } })).toBe(0);
    expect(await db.chatReport.count({ where: { reporterId: b.characterId } })).toBe(3);
    // 31 days later: the unreported whisper goes, the reported message stays
    deps.clock.advance(31 * 86_400_000);
    await purgeOldChat(deps);
    expect(await db.chatMessage.findUnique({ where: { id: w.message.id } })).toBeNull();
    expect(await db.chatMessage.findUnique({ where: { id: bad.message.id } })).not.toBeNull();
  });
});
