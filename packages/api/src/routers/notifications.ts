import {
  NotificationListInputSchema,
  NotificationMarkReadInputSchema,
  NotificationPrefInputSchema,
} from '@necp/shared';
import { listNotifications, markNotificationsRead, setNotificationPref } from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { ownCharacterId } from './own-character';

const own = ownCharacterId;

/** The notification bell (docs/social.md "Notifications"): packages/game/src/notifications. */
export const notificationsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(NotificationListInputSchema)
    .query(async ({ ctx, input }) =>
      listNotifications(ctx.deps, await own(ctx, input.characterId)),
    ),

  markRead: protectedProcedure
    .input(NotificationMarkReadInputSchema)
    .mutation(async ({ ctx, input }) => ({
      marked: await markNotificationsRead(ctx.deps, {
        characterId: await own(ctx, input.characterId),
        ids: input.ids,
      }),
    })),

  setPref: protectedProcedure
    .input(NotificationPrefInputSchema)
    .mutation(async ({ ctx, input }) => {
      await setNotificationPref(ctx.deps, {
        characterId: await own(ctx, input.characterId),
        kind: input.kind,
        enabled: input.enabled,
      });
      return { ok: true as const };
    }),
});
