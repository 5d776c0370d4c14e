/** Persistent notifications (docs/social.md "Notifications"): kinds, caps, API inputs. */
import { z } from 'zod';
import { IdSchema } from '../schemas/primitives';

export const NOTIFICATION_KINDS = [
  'friend_request',
  'party_invite',
  'guild_invite',
  'mail_arrived',
  'cod_paid',
  'mute_applied',
  'achievement',
  /** someone bid more on an auction you led (your bid is back) */
  'auction_outbid',
  /** an auction of yours sold or ended, one you won (the mail brings it) */
  'auction_result',
  /** an order of yours on the commodity market traded (collect at a market terminal) */
  'market_fill',
  /** a contract of yours was taken, delivered, confirmed, disputed, ruled or ran out */
  'contract_update',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABEL: Record<NotificationKind, string> = {
  friend_request: 'Friend requests',
  party_invite: 'Party invitations',
  guild_invite: 'Guild invitations',
  mail_arrived: 'Mail arrived',
  cod_paid: 'Cash on delivery paid',
  mute_applied: 'Chat mutes',
  achievement: 'Achievements earned',
  auction_outbid: 'Outbid at auction',
  auction_result: 'Auctions sold, won or ended',
  market_fill: 'Market orders traded',
  contract_update: 'Contracts taken, delivered or settled',
};

/**
 * Kinds whose news reaches the open game by a push of its own (party:invited,
 * guild:invited, with the Accept button): their bell entry is kept but not pushed
 * as notification:new too, so one invitation is one push.
 */
export const NOTIFICATION_KINDS_PUSHED_ELSEWHERE: readonly NotificationKind[] = [
  'party_invite',
  'guild_invite',
];

/** Kinds a player may not turn off (a moderator's decision must reach them). */
export const MANDATORY_NOTIFICATION_KINDS: readonly NotificationKind[] = ['mute_applied'];

/** The newest this many of a character are kept; older ones go at the next insert. */
export const NOTIFICATIONS_KEPT = 100;
/** One page of the list. */
export const NOTIFICATIONS_PAGE = 50;

export const NotificationListInputSchema = z.object({ characterId: IdSchema });
export const NotificationMarkReadInputSchema = z.object({
  characterId: IdSchema,
  /** omitted: all of them */
  ids: z.array(IdSchema).min(1).max(NOTIFICATIONS_PAGE).optional(),
});
export const NotificationPrefInputSchema = z.object({
  characterId: IdSchema,
  kind: z.enum(NOTIFICATION_KINDS),
  enabled: z.boolean(),
});

/** One notification as the bell lists it (and notification:new pushes it). */
export const NotificationViewSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** epoch ms it became visible */
  at: z.number(),
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof NotificationViewSchema>;

/** notification:new — a new one for this character (unread, so without `read`). */
export const NotificationNewMsgSchema = NotificationViewSchema.omit({ read: true });
export type NotificationNewMsg = z.infer<typeof NotificationNewMsgSchema>;
