import {
  NotificationListInputSchema,
  NotificationMarkReadInputSchema,
  NotificationPrefInputSchema,
} from '@necp/shared';
import { listNotifications, markNotificationsRead, setNotificationPref } from '@necp/game';
import { characterProcedure, createTRPCRouter } from '../trpc';

/** The notification bell (docs/social.md "Notifications"): packages/game/src/notifications. */
export const notificationsRouter = createTRPCRouter({
  list: characterProcedure
    .input(NotificationListInputSchema)
    .query(({ ctx, input }) => listNotifications(ctx.deps, input.characterId)),

  markRead: characterProcedure
    .input(NotificationMarkReadInputSchema)
    .mutation(async ({ ctx, input }) => ({
      marked: await markNotificationsRead(ctx.deps, {
        characterId: input.characterId,
        ids: input.ids,
      }),
    })),

  setPref: characterProcedure
    .input(NotificationPrefInputSchema)
    .mutation(async ({ ctx, input }) => {
      await setNotificationPref(ctx.deps, {
        characterId: input.characterId,
        kind: input.kind,
        enabled: input.enabled,
      });
      return { ok: true as const };
    }),
});
