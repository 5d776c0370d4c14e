/**
 * A player's chat message, every rule on the server: the sender is who the sim's
 * ticket says (never a client field), mutes are read from PostgreSQL, flood and
 * repeat limits key on the character id (Redis-backed when Redis is there, so they
 * hold across sim processes), whispers resolve their target by name and never
 * reach one who blocks the sender (who is not told), the text is masked by the word
 * filter, and the message is kept for history and moderation. Party and guild
 * membership are read from PostgreSQL at post time, so a kicked member never posts.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  GUILD_MEMBERS_MAX,
  CHAT_FLOOD_MESSAGES,
  CHAT_FLOOD_SECONDS,
  CHAT_REPEAT_LIMIT,
  CHAT_REPEAT_SECONDS,
  ChatSendSchema,
  itemLinkToken,
  type ChatItemLink,
  emitTo,
  toCharacters,
  type ChatMessage,
  type ChatSend,
  type Push,
  type PushAudience,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { closedSet } from '../core/closed-columns';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { creditQuestAction } from '../quests/quest-actions';
import { rateLimiterFor } from '../ratelimit/registry';
import type { RateLimitSpec } from '../ratelimit/rate-limiter';
import { isBlocked } from './blocks';
import { characterByName } from './characters-by-name';
import { toWire, whisperScope } from './chat-rows';
import { activeMute, mutedError } from './mutes';
import { wordFilterFor } from './word-filter';
import { inTransaction } from '../core/transaction';
import { notInGuild } from '../guild/guild-access';
import { notInParty } from '../party/errors';

export const CHAT_FLOOD_LIMIT: RateLimitSpec = {
  name: 'chat-flood',
  points: CHAT_FLOOD_MESSAGES,
  durationSec: CHAT_FLOOD_SECONDS,
};
/** the same text may go out CHAT_REPEAT_LIMIT − 1 times per window */
export const CHAT_REPEAT_LIMIT_SPEC: RateLimitSpec = {
  name: 'chat-repeat',
  points: CHAT_REPEAT_LIMIT - 1,
  durationSec: CHAT_REPEAT_SECONDS,
};

/** Who speaks: from the sim's session, never from the payload. */
export interface ChatSender {
  userId: string;
  characterId: string;
  name: string;
  zoneId: string;
}

export interface PostedChat {
  message: ChatMessage;
  /** where the message goes (nobody who blocks the sender receives it) */
  pushes: Push[];
}

export interface PostChatOptions {
  /** whether a character is connected anywhere (whispers go to online characters only) */
  isOnline(characterId: string): Promise<boolean>;
  /** the characters in SAY_RANGE_M of the sender (the zone knows); absent: nobody else hears */
  nearby?(): Promise<readonly string[]>;
}

const normalized = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

export async function postChat(
  deps: GameDeps,
  sender: ChatSender,
  input: ChatSend,
  opts: PostChatOptions,
): Promise<PostedChat> {
  const { channel, text, to, links: linkIds } = parseInput(ChatSendSchema, input);
  const mute = await activeMute(deps, sender.userId);
  if (mute) throw mutedError(mute, deps.clock.ms());

  let guildId: string | undefined;
  let guildMemberIds: string[] = [];
  if (channel === 'guild') {
    const g = await deps.db.guildMember.findUnique({
      where: { characterId: sender.characterId },
      select: { guildId: true },
    });
    if (!g) throw notInGuild();
    guildId = g.guildId;
    const members = await deps.db.guildMember.findMany({
      where: { guildId },
      select: { characterId: true },
      take: GUILD_MEMBERS_MAX,
    });
    guildMemberIds = members.map((m) => m.characterId);
  }
  let partyId: string | undefined;
  if (channel === 'party') {
    const m = await deps.db.partyMember.findUnique({ where: { characterId: sender.characterId } });
    if (!m) throw notInParty();
    partyId = m.partyId;
  }

  let recipient: { id: string; name: string } | undefined;
  if (channel === 'whisper') {
    if (!to)
      throw new DomainError('VALIDATION', 'whisper without to', 'Whisper to whom? /w name message');
    recipient = await characterByName(deps, to);
    if (recipient.id === sender.characterId)
      throw new DomainError('VALIDATION', 'whisper self', 'You cannot whisper to yourself.');
  }

  const flood = await rateLimiterFor(deps, CHAT_FLOOD_LIMIT).consume(sender.characterId);
  if (!flood.allowed)
    throw new DomainError(
      'RATE_LIMITED',
      'chat flood',
      `You are sending messages too fast. Wait ${Math.max(1, Math.ceil(flood.msBeforeReset / 1000))} s.`,
    );
  const digest = createHash('sha256').update(normalized(text)).digest('base64url').slice(0, 22);
  const repeat = await rateLimiterFor(deps, CHAT_REPEAT_LIMIT_SPEC).consume(
    `${sender.characterId}:${digest}`,
  );
  if (!repeat.allowed)
    throw new DomainError(
      'RATE_LIMITED',
      'chat repeat',
      'You said that already. Say something new.',
    );

  const links = linkIds?.length ? await itemLinks(deps, sender.characterId, linkIds, text) : [];

  if (recipient && !(await opts.isOnline(recipient.id)))
    throw new DomainError('INVALID_STATE', 'whisper offline', `${recipient.name} is not online.`);

  const masked = wordFilterFor(deps.config.chatFilterWords).mask(text);
  const at = deps.clock.now();

  // blocked: the sender sees the whisper as sent, nothing reaches the recipient or the log
  // (it counts for a quest's chat lesson like any message: the sender must not learn)
  if (recipient && (await isBlocked(deps, recipient.id, sender.characterId))) {
    await creditQuestAction(deps.db, sender.characterId, 'chat');
    const message: ChatMessage = {
      id: randomUUID(),
      channel,
      fromId: sender.characterId,
      from: sender.name,
      toId: recipient.id,
      to: recipient.name,
      text: masked,
      at: at.getTime(),
      ...(links.length > 0 ? { links } : {}),
    };
    return { message, pushes: [emitTo(toCharacters(sender.characterId), 'chat:message', message)] };
  }

  const scope =
    channel === 'whisper'
      ? whisperScope(sender.characterId, recipient!.id)
      : channel === 'district' || channel === 'say'
        ? sender.zoneId
        : channel === 'party'
          ? partyId!
          : channel === 'guild'
            ? guildId!
            : '';
  // kept with the quest credit of a chat lesson (quests/quest-actions.ts), if one is open
  const row = await inTransaction(deps.db, async (tx) => {
    const created = await tx.chatMessage.create({
      data: {
        channel,
        scope,
        senderId: sender.characterId,
        senderName: sender.name,
        recipientId: recipient?.id ?? null,
        recipientName: recipient?.name ?? null,
        text: masked,
        original: masked === text ? null : text,
        createdAt: at,
        ...(links.length > 0 ? { links } : {}),
      },
    });
    await creditQuestAction(tx, sender.characterId, 'chat');
    return created;
  });
  const near = channel === 'say' ? ((await opts.nearby?.()) ?? []) : [];
  const audience: PushAudience =
    channel === 'whisper'
      ? { characters: [recipient!.id, sender.characterId] }
      : channel === 'district'
        ? { district: sender.zoneId }
        : channel === 'say'
          ? { characters: near.length > 0 ? near : [sender.characterId] }
          : channel === 'party'
            ? { party: partyId! }
            : channel === 'guild'
              ? // the members as the database has them now: never a socket room that may lag behind a kick
                { characters: guildMemberIds }
              : { channel };
  const message = toWire(row);
  return {
    message,
    pushes: [emitTo(audience, 'chat:message', message, { blockersOf: sender.characterId })],
  };
}

/**
 * The linked items as they are now (the sender's own, in its bag or worn), each
 * named in the text as [Name]; a link to anything else is refused, not dropped.
 */
async function itemLinks(
  deps: GameDeps,
  characterId: string,
  ids: readonly string[],
  text: string,
): Promise<ChatItemLink[]> {
  const unique = [...new Set(ids)];
  const items = await deps.db.item.findMany({
    where: { id: { in: unique }, characterId, container: { in: ['BAG', 'EQUIPMENT'] } },
    include: { template: true },
  });
  if (items.length !== unique.length)
    throw new DomainError('NOT_FOUND', 'link not own item', 'You can only link items you carry.');
  const byId = new Map(items.map((i) => [i.id, i]));
  return unique.map((id) => {
    const i = byId.get(id)!;
    if (!text.includes(itemLinkToken(i.template.name)))
      throw new DomainError(
        'VALIDATION',
        'link not in text',
        `Put ${itemLinkToken(i.template.name)} in the message to link it.`,
      );
    return {
      itemId: i.id,
      templateId: i.templateId,
      name: i.template.name,
      rarity: closedSet.ItemTemplate.rarity.parse(i.template.rarity),
      quantity: i.quantity,
      durability: i.durability,
      maxDurability: i.template.maxDurability,
    };
  });
}
