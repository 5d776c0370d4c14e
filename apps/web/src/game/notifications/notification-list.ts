/**
 * The bell's pure rules: a pushed notification merged into the cached list (no
 * refetch), the badge text, "5 min ago", and which kinds show a toggle.
 */
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@necp/api';
import {
  MANDATORY_NOTIFICATION_KINDS,
  NOTIFICATION_KINDS,
  NOTIFICATIONS_PAGE,
  type NotificationKind,
  type NotificationNewMsg,
} from '@necp/shared';

export type NotificationList = inferRouterOutputs<AppRouter>['notifications']['list'];

/** A pushed one (notification:new) on top of the cached list, once (a refetch may already hold it). */
export function mergePushed(list: NotificationList, n: NotificationNewMsg): NotificationList {
  if (list.items.some((i) => i.id === n.id)) return list;
  const items = [{ ...n, read: false }, ...list.items].slice(0, NOTIFICATIONS_PAGE);
  return { ...list, items, unread: list.unread + 1 };
}

export const markAllRead = (list: NotificationList): NotificationList => ({
  ...list,
  items: list.items.map((i) => ({ ...i, read: true })),
  unread: 0,
});

export const badgeText = (n: number) => (n <= 0 ? '' : n > 99 ? '99+' : String(n));

export function agoText(at: number, now: number): string {
  const s = Math.max(0, Math.floor((now - at) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

/** The kinds a player may turn off, in display order. */
export const toggleableKinds = (): NotificationKind[] =>
  NOTIFICATION_KINDS.filter((k) => !MANDATORY_NOTIFICATION_KINDS.includes(k));
