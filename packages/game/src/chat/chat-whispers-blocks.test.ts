// Whispers (the named character only, not yourself, the unknown or the offline), and
// blocks: a blocked sender's whispers and district lines never reach the blocker, and a
// block reaches the chat through its character.block_changed event.
import { afterAll, describe, expect, it } from 'vitest';
import { emitTo, type Push } from '@necp/shared';
import { domainError, testDb, testDeps } from '../accounts/test-deps';
import { outboxEvent } from '../quests/test-helpers';
import { blockOutboxSubscriber, blockRoomPush } from './block-subscriber';
import { blockCharacter, unblockCharacter } from './blocks';
import { chatHistory } from './chat-history';
import { postChat } from './post-chat';
import { online, speakers } from './test-helpers';

const db = testDb(4);
afterAll(() => db.$disconnect());
const speaker = speakers(db);

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

  it('a block or unblock retried publishes once; a block made again is another event', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const b = await speaker();
    const keys = async () =>
      (
        await db.outboxEvent.findMany({
          where: {
            type: 'character.block_changed',
            key: { startsWith: `character.block_changed:${b.characterId}:${a.characterId}:` },
          },
          orderBy: { id: 'asc' },
        })
      ).map((e) => e.key.split(':').at(-1));
    const block = () => blockCharacter(deps, { characterId: b.characterId, name: a.name });
    const unblock = () => unblockCharacter(deps, { characterId: b.characterId, name: a.name });
    await block();
    await block();
    expect(await keys()).toEqual(['made']);
    await unblock();
    await unblock();
    expect(await keys()).toEqual(['made', 'ended']);
    await block();
    expect(await keys()).toEqual(['made', 'ended', 'made']);
  });
});
