/**
 * The one way a change reaches other players' sockets: pushes (packages/shared
 * net/pushes.ts) that a domain operation returned, or that an outbox subscriber
 * handed to its drain after the commit, become room broadcasts here. Rooms go
 * through the Socket.IO adapter (Redis when there are several processes), so a
 * push made on any process reaches the sockets wherever they are connected.
 */
import type { Push, PushAudience, PushExclusion, PushRoom, PushSink } from '@necp/shared';
import type { SimIo } from './types';
import {
  blockersRoom,
  characterRoom,
  districtRoom,
  GLOBAL_ROOM,
  guildRoom,
  loginSessionRoom,
  partyRoom,
  TRADE_ROOM,
  userRoom,
} from './rooms';

/** This process's reactions to a refresh push (stats re-read, title shown). */
export interface LocalRefresh {
  stats(characterId: string): void;
  title(characterId: string, title: string | null): void;
}

export interface PushDispatcherOptions {
  /** the other processes hear refresh pushes too (serverSideEmit; only with the Redis adapter) */
  crossNode?: boolean;
  local?: LocalRefresh;
}

/** The rooms of an audience (net/rooms.ts names them). */
export function audienceRooms(to: PushAudience): string[] {
  if ('characters' in to) return to.characters.map(characterRoom);
  if ('user' in to) return [userRoom(to.user)];
  if ('loginSession' in to) return [loginSessionRoom(to.loginSession)];
  if ('party' in to) return [partyRoom(to.party)];
  if ('guild' in to) return [guildRoom(to.guild)];
  if ('channel' in to) return [to.channel === 'global' ? GLOBAL_ROOM : TRADE_ROOM];
  return [districtRoom(to.district)];
}

function exclusionRooms(except: PushExclusion | undefined): string[] {
  if (!except) return [];
  const rooms: string[] = [];
  if (except.character) rooms.push(characterRoom(except.character));
  if (except.blockersOf) rooms.push(blockersRoom(except.blockersOf));
  return rooms;
}

function roomOf(room: PushRoom): string {
  if ('party' in room) return partyRoom(room.party);
  if ('guild' in room) return guildRoom(room.guild);
  return blockersRoom(room.blockersOf);
}

/** Delivers pushes in order (a room change before the event that follows it). */
export function createPushDispatcher(io: SimIo, opts: PushDispatcherOptions = {}): PushSink {
  const one = (p: Push): void => {
    switch (p.kind) {
      case 'emit': {
        const rooms = audienceRooms(p.to);
        if (rooms.length === 0) return;
        const except = exclusionRooms(p.except);
        const target = except.length > 0 ? io.to(rooms).except(except) : io.to(rooms);
        // the union is typed per event in pushes.ts; Socket.IO's emit takes it as it is
        (target.emit as (event: string, msg: unknown) => void)(p.event, p.msg);
        return;
      }
      case 'join':
      case 'leave': {
        if (p.characters.length === 0) return;
        const sockets = io.in(p.characters.map(characterRoom));
        if (p.kind === 'join') sockets.socketsJoin(roomOf(p.room));
        else sockets.socketsLeave(roomOf(p.room));
        return;
      }
      case 'kick': {
        const room = 'user' in p.to ? userRoom(p.to.user) : loginSessionRoom(p.to.loginSession);
        // both go out on the adapter in this order, so the reason arrives before the close
        io.to(room).emit('session:kicked', p.msg);
        io.in(room).disconnectSockets(true);
        return;
      }
      case 'stats':
        opts.local?.stats(p.character);
        // the in-memory adapter (one process, no Redis) has no other node and only warns
        if (opts.crossNode) io.serverSideEmit('char:stats_changed', p.character);
        return;
      case 'title':
        opts.local?.title(p.character, p.title);
        if (opts.crossNode) io.serverSideEmit('char:title_changed', p.character, p.title);
        return;
    }
  };
  return (pushes) => {
    for (const p of pushes) one(p);
  };
}
