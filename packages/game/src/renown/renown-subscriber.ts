import type { Clock } from '../core/clock';
import type { Log } from '../core/log';
import type { OutboxSubscriber } from '../outbox/subscribers';
import { creditGuildRenown } from './credit-renown';
import { RENOWN_EVENT_TYPES, renownCreditsOf, type RenownEventType } from './renown-credits';

export interface RenownSubscriberOptions {
  clock: Pick<Clock, 'now'>;
  log: Log;
}

/**
 * Outbox subscriber `guild-renown`: quests, dungeon and raid clears, arena wins and
 * earned achievements credit the members' guilds with renown for the current season
 * (credit-renown.ts: once per event and member). It takes the Season row FOR SHARE
 * before anything else: the sim registers it before the subscribers that lock
 * characters in the same event's transaction (the lock order: Season, then characters).
 */
export function renownOutboxSubscriber(
  opts: RenownSubscriberOptions,
): OutboxSubscriber<RenownEventType> {
  return {
    name: 'guild-renown',
    types: RENOWN_EVENT_TYPES,
    async handle(tx, event) {
      const credits = renownCreditsOf(event);
      if (credits.length === 0) return;
      const credited = await creditGuildRenown(tx, {
        now: opts.clock.now(),
        eventKey: event.key,
        credits,
      });
      if (credited.length > 0)
        opts.log.debug({ event: event.key, credited }, 'guild renown credited');
    },
  };
}
