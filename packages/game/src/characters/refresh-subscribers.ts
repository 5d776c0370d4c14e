/**
 * The live world follows changes made outside the sim (gear and skills through the
 * web API, titles): the process holding the character re-reads what it shows.
 */
import { shownTitle } from '../achievements/set-title';
import type { OutboxSubscriber } from '../outbox/subscribers';

/** Re-reads a character's derived stats wherever it is connected (character.stats_changed). */
export function statsOutboxSubscriber(): OutboxSubscriber<'character.stats_changed'> {
  return {
    name: 'sim-stats',
    types: ['character.stats_changed'],
    handle: async (_tx, event, ctx) => {
      ctx.push({ kind: 'stats', character: event.payload.characterId });
    },
  };
}

/**
 * A character chose another title (character.title_changed): the zone holding it
 * shows the one stored now (read here, so a late or repeated event never brings an
 * older choice back) to everyone who sees it.
 */
export function titleOutboxSubscriber(): OutboxSubscriber<'character.title_changed'> {
  return {
    name: 'sim-title',
    types: ['character.title_changed'],
    handle: async (tx, event, ctx) => {
      const { characterId } = event.payload;
      const title = await shownTitle(tx, characterId);
      if (title === undefined) return;
      ctx.push({ kind: 'title', character: characterId, title });
    },
  };
}
