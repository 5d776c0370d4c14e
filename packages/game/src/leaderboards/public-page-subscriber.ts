import { isClassId, type ClassId } from '@necp/shared';
import type { Tx } from '../core/deps';
import type { OutboxEvent } from '../outbox/events';
import type { OutboxSubscriber } from '../outbox/subscribers';
import { PUBLIC_PAGE_EVENT_TYPES, pageChangeOf, publicPagePaths } from './public-page-paths';

export interface PublicPageSubscriberOptions {
  /**
   * Takes the paths of pages that changed, after the event's transaction committed (the
   * sim's batcher, which posts them to the web). Must not throw or block.
   */
  revalidate(paths: readonly string[]): void;
}

/**
 * Outbox subscriber `public-pages` (only where the sim knows the web's internal URL):
 * for an event that changes what a public page shows (public-page-paths.ts), reads the
 * names, classes and guild tags of the ids it touches — plain reads, no locks — and
 * hands the pages' paths on once the delivery has committed, so the web renders them
 * from the committed rows (and the sorted sets the leaderboards' subscriber wrote in
 * the same delivery).
 */
export function publicPageOutboxSubscriber(opts: PublicPageSubscriberOptions): OutboxSubscriber {
  return {
    name: 'public-pages',
    types: PUBLIC_PAGE_EVENT_TYPES,
    async handle(tx, event: OutboxEvent, ctx) {
      const q = pageChangeOf(event);
      if (!q) return;
      const ids = new Set(q.characterIds);
      if (q.matchId) for (const id of await participantsOf(tx, q.matchId)) ids.add(id);
      if (q.userId) for (const id of await charactersOf(tx, q.userId)) ids.add(id);
      const players = await namesOf(tx, [...ids]);
      const guildIds = new Set(q.guildIds);
      if (q.guildsOfCharacters) for (const g of await guildsOf(tx, [...ids])) guildIds.add(g);
      const guildTags = await tagsOf(tx, [...guildIds]);
      const paths = publicPagePaths({ boards: q.boards, players, guildTags });
      if (paths.length === 0) return;
      ctx.afterCommit(() => opts.revalidate(paths));
    },
  };
}

async function participantsOf(tx: Tx, matchId: string): Promise<string[]> {
  const rows = await tx.matchParticipant.findMany({
    where: { matchId },
    select: { characterId: true },
  });
  return rows.map((r) => r.characterId);
}

async function charactersOf(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx.character.findMany({ where: { userId }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Names and classes, deleted characters too (their cached profile must become the 404). */
async function namesOf(tx: Tx, ids: string[]): Promise<{ name: string; class: ClassId }[]> {
  if (ids.length === 0) return [];
  const rows = await tx.character.findMany({
    where: { id: { in: ids } },
    select: { name: true, class: true },
  });
  return rows.flatMap((r) => (isClassId(r.class) ? [{ name: r.name, class: r.class }] : []));
}

async function guildsOf(tx: Tx, characterIds: string[]): Promise<string[]> {
  if (characterIds.length === 0) return [];
  const rows = await tx.guildMember.findMany({
    where: { characterId: { in: characterIds } },
    select: { guildId: true },
  });
  return rows.map((r) => r.guildId);
}

async function tagsOf(tx: Tx, guildIds: string[]): Promise<string[]> {
  if (guildIds.length === 0) return [];
  const rows = await tx.guild.findMany({ where: { id: { in: guildIds } }, select: { tag: true } });
  return rows.map((r) => r.tag);
}
