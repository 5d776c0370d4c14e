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
  type PostedChat,
} from '@necp/game';
import { command, type CommandContext, type EventHandler } from './command';
import {
  blockersRoom,
  characterRoom,
  districtRoom,
  GLOBAL_ROOM,
  partyRoom,
  TRADE_ROOM,
} from '../net/rooms';

/** Whether any socket (on any process) is in the character's room. */
async function isOnline(ctx: CommandContext, characterId: string): Promise<boolean> {
  const sockets = await ctx.session.socket.nsp.in(characterRoom(characterId)).fetchSockets();
  return sockets.length > 0;
}

/** Sends a posted message where its channel goes; nobody who blocks the sender receives it. */
async function deliver(ctx: CommandContext, posted: PostedChat): Promise<void> {
  const { socket } = ctx.session;
  const { message, delivery } = posted;
  const except = blockersRoom(ctx.session.characterId);
  switch (delivery.kind) {
    case 'channel':
      socket.nsp
        .to(delivery.channel === 'global' ? GLOBAL_ROOM : TRADE_ROOM)
        .except(except)
        .emit('chat:message', message);
      return;
    case 'district':
      socket.nsp.to(districtRoom(delivery.zoneId)).except(except).emit('chat:message', message);
      return;
    case 'say': {
      // who is near is the zone's to say, in its tick
      const near = await ctx.session.zone.ask({
        k: 'nearby',
        characterId: ctx.session.characterId,
        range: SAY_RANGE_M,
      });
      const rooms = near.map(characterRoom);
      if (rooms.length === 0) rooms.push(characterRoom(ctx.session.characterId));
      socket.nsp.to(rooms).except(except).emit('chat:message', message);
      return;
    }
    case 'party':
      socket.nsp.to(partyRoom(delivery.partyId)).except(except).emit('chat:message', message);
      return;
    case 'guild':
      // to the members of the moment (a kicked member's sockets may still sit in the
      // guild room until the outbox reaction moves them)
      socket.nsp
        .to(delivery.memberIds.map(characterRoom))
        .except(except)
        .emit('chat:message', message);
      return;
    case 'whisper':
      socket.nsp
        .to([characterRoom(delivery.recipientId), characterRoom(ctx.session.characterId)])
        .except(except)
        .emit('chat:message', message);
      return;
    case 'sender-only':
      socket.nsp.to(characterRoom(ctx.session.characterId)).emit('chat:message', message);
      return;
  }
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
      { isOnline: (id) => isOnline(ctx, id) },
    );
    await deliver(ctx, posted);
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

  /** /ignore name: blocks the character; this socket stops receiving its messages at once. */
  'chat:ignore': command('chat:ignore', ChatIgnoreSchema, async (ctx, { name }) => {
    const target = await blockCharacter(ctx.deps, { characterId: ctx.session.characterId, name });
    await ctx.session.socket.join(blockersRoom(target.id));
    return { name: target.name };
  }),

  'chat:unignore': command('chat:unignore', ChatIgnoreSchema, async (ctx, { name }) => {
    const target = await unblockCharacter(ctx.deps, { characterId: ctx.session.characterId, name });
    await ctx.session.socket.leave(blockersRoom(target.id));
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
