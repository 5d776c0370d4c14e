/**
 * Every Socket.IO room name the sim uses, in one place. With the Redis adapter a
 * broadcast to a room reaches its sockets on every sim process, so a push is sent
 * to a room, never to a socket looked up by hand.
 */

/** One character: each of its connections joins, whichever node and zone holds it. */
export const characterRoom = (characterId: string) => `char:${characterId}`;

/** One account: every socket of it joins, on whichever node. */
export const userRoom = (userId: string) => `user:${userId}`;

/** One web login session: the sockets opened with tickets it minted. */
export const loginSessionRoom = (sessionId: string) => `login:${sessionId}`;

/** Every socket of a party's members (party chat, updates). */
const PARTY_PREFIX = 'party:';
export const partyRoom = (partyId: string) => `${PARTY_PREFIX}${partyId}`;
/** The party whose room this is (undefined: not a party's room). */
export const partyOfRoom = (room: string): string | undefined =>
  room.startsWith(PARTY_PREFIX) ? room.slice(PARTY_PREFIX.length) : undefined;

/** Every socket of a guild's members (guild chat). */
export const guildRoom = (guildId: string) => `guild:${guildId}`;

/** The chat channels everyone is in. */
export const GLOBAL_ROOM = 'chat:global';
export const TRADE_ROOM = 'chat:trade';

/** The district channel of one open-world zone. */
export const districtRoom = (zoneId: string) => `chat:zone:${zoneId}`;

/**
 * The sockets of everyone who blocks `characterId`: a broadcast from that character
 * goes `.except()` this room, so no blocker receives it, on any process.
 */
export const blockersRoom = (characterId: string) => `chat:blockers:${characterId}`;
