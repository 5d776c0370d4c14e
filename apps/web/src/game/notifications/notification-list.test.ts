import { describe, expect, it } from 'vitest';
import {
  agoText,
  badgeText,
  markAllRead,
  mergePushed,
  toggleableKinds,
  type NotificationList,
} from './notification-list';

const empty: NotificationList = { items: [], unread: 0, muted: [] };
const pushed = {
  id: 'n1',
  kind: 'mail_arrived' as const,
  title: 'Mail from Ana',
  body: 'hi',
  at: 5,
};

describe('notification list', () => {
  it('merges a push once, counting it unread', () => {
    const once = mergePushed(empty, pushed);
    expect(once).toMatchObject({ unread: 1, items: [{ id: 'n1', read: false }] });
    expect(mergePushed(once, pushed)).toBe(once);
    expect(markAllRead(once)).toMatchObject({ unread: 0, items: [{ read: true }] });
  });

  it('badges, ages and the kinds a player may turn off', () => {
    expect([badgeText(0), badgeText(7), badgeText(120)]).toEqual(['', '7', '99+']);
    expect(agoText(0, 30_000)).toBe('just now');
    expect(agoText(0, 5 * 60_000)).toBe('5 min ago');
    expect(agoText(0, 3 * 3_600_000)).toBe('3 h ago');
    expect(toggleableKinds()).not.toContain('mute_applied');
  });
});
