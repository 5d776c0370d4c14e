import type { Clock } from '../core/clock';
import { lockCharacters } from '../core/lock-order';
import type { Log } from '../core/log';
import type { OutboxSubscriber } from '../outbox/subscribers';
import { ACHIEVEMENT_EVENT_TYPES, factsOf, type AchievementEventType } from './achievement-facts';
import { recordAchievementFact } from './record-progress';

export interface AchievementSubscriberOptions {
  clock: Clock;
  log: Log;
}

/**
 * Outbox subscriber `achievements`: kills, levels, quests, pickups, guild and party
 * joins, friendships, dungeon and raid clears and arena wins advance the credited
 * characters' achievements (record-progress.ts: once per event and character, each
 * completion once). A completion adds the points to the character and writes an
 * `achievement` notification, which reaches the player as a toast through
 * notification.created. Deleted characters are skipped.
 */
export function achievementOutboxSubscriber(
  opts: AchievementSubscriberOptions,
): OutboxSubscriber<AchievementEventType> {
  return {
    name: 'achievements',
    types: ACHIEVEMENT_EVENT_TYPES,
    async handle(tx, event) {
      const facts = await factsOf(tx, event);
      if (facts.length === 0) return;
      // the lock order (core/lock-order.ts): every credited character, in id order, first
      const ids = facts.map((f) => f.characterId);
      const live = new Set((await lockCharacters(tx, ids)).map((c) => c.id));
      const now = opts.clock.now();
      for (const f of facts.toSorted((a, b) => (a.characterId < b.characterId ? -1 : 1))) {
        if (!live.has(f.characterId)) continue;
        const earned = await recordAchievementFact(tx, { now, ...f, eventKey: event.key });
        if (earned.length > 0)
          opts.log.info(
            { characterId: f.characterId, achievements: earned.map((a) => a.id), event: event.key },
            'achievements earned',
          );
      }
    },
  };
}
