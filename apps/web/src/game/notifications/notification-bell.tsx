'use client';
/**
 * The bell, left of the minimap: unread count; a click (or N) opens the list —
 * newest first, unread marked, "Mark all read" — and the settings (which kinds to
 * receive). Opening it marks nothing by itself: reading is a choice.
 */
import { useState } from 'react';
import { NOTIFICATION_KIND_LABEL } from '@necp/shared';
import { agoText, badgeText, toggleableKinds, type NotificationList } from './notification-list';
import { useNotificationActions, useNotifications } from './use-notifications';
import { useServerNow } from '../time/use-server-now';
import { useGame } from '../hud/store-context';

export function NotificationBell() {
  const open = useGame((s) => s.notificationsOpen);
  const setOpen = useGame((s) => s.setNotificationsOpen);
  const q = useNotifications();
  const unread = q.data?.unread ?? 0;
  return (
    <div className="bell" onMouseDown={(e) => e.stopPropagation()}>
      <button
        type="button"
        className={`bell__btn${unread > 0 ? ' has-unread' : ''}${open ? ' is-on' : ''}`}
        data-testid="bell"
        data-unread={unread}
        aria-label={`Notifications${unread ? `, ${unread} unread` : ''}`}
        aria-expanded={open}
        title="Notifications (N)"
        onClick={() => setOpen(!open)}
      >
        <svg className="bell__icon" viewBox="0 0 24 24" aria-hidden>
          <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6Z" />
          <path d="M10 19a2 2 0 0 0 4 0" />
        </svg>
        {unread > 0 && <span className="bell__badge">{badgeText(unread)}</span>}
      </button>
      {open && q.data && <BellPanel list={q.data} onClose={() => setOpen(false)} />}
    </div>
  );
}

function BellPanel({ list, onClose }: { list: NotificationList; onClose: () => void }) {
  const { readAll, setPref } = useNotificationActions();
  const [settings, setSettings] = useState(false);
  const now = useServerNow(30_000);
  return (
    <section className="bell__panel" aria-label="Notifications" data-testid="bell-panel">
      <header className="bell__head">
        <h2 className="bell__title">Notifications</h2>
        <button
          type="button"
          className="bell__link"
          data-testid="bell-read-all"
          disabled={list.unread === 0}
          onClick={() => readAll.mutate()}
        >
          Mark all read
        </button>
        <button
          type="button"
          className="bell__link"
          aria-pressed={settings}
          onClick={() => setSettings(!settings)}
        >
          {settings ? 'List' : 'Settings'}
        </button>
        <button
          type="button"
          className="gwin__close"
          aria-label="Close notifications"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {settings ? (
        <ul className="bell__prefs">
          {toggleableKinds().map((k) => {
            const on = !list.muted.includes(k);
            return (
              <li key={k}>
                <label>
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={() => setPref.mutate({ kind: k, enabled: !on })}
                  />{' '}
                  {NOTIFICATION_KIND_LABEL[k]}
                </label>
              </li>
            );
          })}
          <li className="muted">Chat mutes are always shown.</li>
        </ul>
      ) : list.items.length === 0 ? (
        <p className="bell__empty muted">Nothing yet.</p>
      ) : (
        <ol className="bell__list">
          {list.items.map((n) => (
            <li
              key={n.id}
              className={`bell__item bell__item--${n.kind}${n.read ? '' : ' is-unread'}`}
              data-testid="bell-item"
              data-kind={n.kind}
            >
              <span className="bell__item-title">{n.title}</span>
              {n.body && <span className="bell__item-body">{n.body}</span>}
              <span className="bell__item-at">{agoText(n.at, now)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
