import { NOTIFICATION_KINDS_PUSHED_ELSEWHERE, emitTo, toCharacters } from '@necp/shared';
import type { Clock } from '../core/clock';
import type { OutboxSubscriber } from '../outbox/subscribers';

/**
 * A notification became visible (notification.created): pushed to the character's
 * sockets as notification:new. One still in the future (mail on its way) is not
 * pushed: the bell finds it when it reads the list after its time. Nor is an
 * invitation's: its own push (party:invited, guild:invited) already told the player.
 */
export function notificationOutboxSubscriber(
  clock: Pick<Clock, 'ms'>,
): OutboxSubscriber<'notification.created'> {
  return {
    name: 'sim-notifications',
    types: ['notification.created'],
    handle: async (_tx, event, ctx) => {
      const p = event.payload;
      if (p.visibleAt > clock.ms() || NOTIFICATION_KINDS_PUSHED_ELSEWHERE.includes(p.kind)) return;
      ctx.push(
        emitTo(toCharacters(p.characterId), 'notification:new', {
          id: p.notificationId,
          kind: p.kind,
          title: p.title,
          body: p.body,
          at: p.visibleAt,
        }),
      );
    },
  };
}
