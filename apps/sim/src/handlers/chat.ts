import {
  ChatHistoryRequestSchema,
  ChatIgnoreSchema,
  ChatReportSchema,
  ChatSendSchema,
  PlayerReportSchema,
  SAY_RANGE_M,
  type ChatSendResult,
} from '@necp/shared';
import {
  blockCharacter,
  chatHistory,
  postChat,
  reportMessage,
  reportPlayer,
  unblockCharacter,
} from '@necp/game';
import { command, type CommandContext, type EventHandler } from './command';
import { characterRoom } from '../net/rooms';

/** Whether any socket (on any process) is in the character's room. */
async function isOnline(ctx: CommandContext, characterId: string): Promise<boolean> {
  const sockets = await ctx.session.socket.nsp.in(characterRoom(characterId)).fetchSockets();
  return sockets.length > 0;
}

/**
 * chat:send { channel, text, to? } — the domain checks mutes, floods, repeats, the
 * target and the filter (packages/game/src/chat); the sender is the session's
 * character. The ack carries the message as delivered (or the refusal, shown in
 * the chat window).
 */
export const chatHandlers = {
  'chat:send': command('chat:send', ChatSendSchema, async (ctx, payload) => {
    const { session } = ctx;
    const posted = await postChat(
      ctx.deps,
      {
        userId: session.userId,
        characterId: session.characterId,
        // the name the ticket was minted for (a character's name never changes)
        name: session.socket.data.auth?.character.name ?? '',
        zoneId: session.zone.id,
      },
      payload,
      {
        isOnline: (id) => isOnline(ctx, id),
        // who is near is the zone's to say, in its tick
        nearby: () =>
          ctx.session.zone.ask({
            k: 'nearby',
            characterId: ctx.session.characterId,
            range: SAY_RANGE_M,
          }),
      },
    );
    ctx.push(posted.pushes);
    const result: ChatSendResult = posted.message;
    return result;
  }),

  'chat:report': command('chat:report', ChatReportSchema, async (ctx, payload) => {
    await reportMessage(ctx.deps, { ...payload, reporterId: ctx.session.characterId });
    return undefined;
  }),

  /** The player menu's Report: a character by name, with a reason and a note. */
  'player:report': command('player:report', PlayerReportSchema, async (ctx, payload) => {
    await reportPlayer(ctx.deps, { ...payload, reporterId: ctx.session.characterId });
    return undefined;
  }),

  /**
   * /ignore name: blocks the character. The blocker's sockets stop receiving its messages
   * once the worker has delivered the block's event (chat/block-subscriber.ts in the
   * domain) — the same path as a block made in the web's friends window.
   */
  'chat:ignore': command('chat:ignore', ChatIgnoreSchema, async (ctx, { name }) => {
    const target = await blockCharacter(ctx.deps, { characterId: ctx.session.characterId, name });
    return { name: target.name };
  }),

  'chat:unignore': command('chat:unignore', ChatIgnoreSchema, async (ctx, { name }) => {
    const target = await unblockCharacter(ctx.deps, { characterId: ctx.session.characterId, name });
    return { name: target.name };
  }),

  /** chat:history — again (after a reconnect the client asks). */
  'chat:history': command('chat:history', ChatHistoryRequestSchema, async (ctx) => {
    const messages = await chatHistory(ctx.deps, {
      characterId: ctx.session.characterId,
      zoneId: ctx.session.zone.id,
    });
    ctx.session.socket.emit('chat:history', { messages });
    return undefined;
  }),
} satisfies Record<string, EventHandler>;
