// Posting chat: a district message kept with its scope and the word filter's matches
// masked, item links, bad input, flood and repeat limits, mutes, and the party and guild
// channels needing a party or guild.
import { afterAll, describe, expect, it } from 'vitest';
import { emitTo } from '@necp/shared';
import { domainError, testDb, testDeps } from '../accounts/test-deps';
import { give } from '../inventory/test-helpers';
import { chatHistory } from './chat-history';
import { muteAccount, unmuteAccount } from './mutes';
import { postChat, type ChatSender } from './post-chat';
import { online, speakers } from './test-helpers';

const db = testDb(4);
afterAll(() => db.$disconnect());
const speaker = speakers(db);

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
