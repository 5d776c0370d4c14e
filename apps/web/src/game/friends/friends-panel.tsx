'use client';
/**
 * Friends (O): who is online, AFK or offline (online first), where they are or
 * when they were last seen, Whisper (the chat input gets "/w Name ") and Remove;
 * adding a friend by name; requests waiting for you (Accept / Decline) and yours
 * waiting on others (Cancel). Presence changes arrive live (friend:presence).
 */
import { useEffect } from 'react';
import { FRIENDS_MAX } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import {
  STATUS_LABEL,
  classLabel,
  friendsCount,
  lastSeenText,
  sortFriends,
  whereText,
  type Friend,
  type FriendsList,
} from './friends-list';
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';
import { useFriendActions, useFriends } from './use-friends';
import { useServerNow } from '../time/use-server-now';
import { SMALL_SCREEN } from '../chat/chat-window';
import { AcceptDecline, NameEntryForm } from './social-controls';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';

type Actions = ReturnType<typeof useFriendActions>;

export function FriendsPanel() {
  const open = useGame((s) => s.panels.friends);
  const setPanel = useGame((s) => s.setPanel);
  const q = useFriends(open);
  const { refetch } = q;
  // opening shows the cached list at once and reads it again (requests are not pushed)
  useEffect(() => {
    if (open) void refetch();
  }, [open, refetch]);
  if (!open) return null;
  return (
    <GameWindow
      title="friends"
      hotkey={windowFace('friends')}
      testId="friends-panel"
      className="gwin--friends"
      onClose={() => setPanel('friends', false)}
      extra={
        q.data && (
          <span
            className="gwin__sub friends__count"
            data-testid="friends-count"
            title={`At most ${FRIENDS_MAX} friends`}
          >
            {friendsCount(q.data)}
          </span>
        )
      }
    >
      <AddFriend />
      {q.data ? (
        <FriendsBody list={q.data} />
      ) : q.isError ? (
        <p className="gwin__msg form-error">{refusal(q.error)}</p>
      ) : (
        <p className="gwin__msg muted">Checking who is around…</p>
      )}
    </GameWindow>
  );
}

function AddFriend() {
  const { request } = useFriendActions();
  return (
    <NameEntryForm
      testIds={{ input: 'friend-add-input', button: 'friend-add' }}
      label="Character name to add as a friend"
      placeholder="Add a friend by name"
      button="Add"
      busy={request.isPending}
      send={(name, clear) => request.mutate(name, { onSuccess: clear })}
    />
  );
}

function FriendsBody({ list }: { list: FriendsList }) {
  const actions = useFriendActions();
  // "last seen 4 min ago" moves on while the window is open
  const now = useServerNow(30_000);
  const friends = sortFriends(list.friends);
  const online = list.friends.filter((f) => f.status !== 'offline').length;
  return (
    <>
      {list.incoming.length > 0 && (
        <section className="friends__sec friends__sec--requests" aria-label="Friend requests">
          <h3 className="friends__h">
            Requests <span className="friends__n">{list.incoming.length}</span>
          </h3>
          <ul className="friends__list">
            {list.incoming.map((r) => (
              <li
                key={r.id}
                className="friends__req"
                data-testid="friend-request-row"
                data-name={r.name}
              >
                <span className="friends__req-name">{r.name}</span>
                <span className="friends__req-note">{agoText(r.at, now)}</span>
                <AcceptDecline
                  testIds={{ accept: 'friend-accept', decline: 'friend-decline' }}
                  accepting={actions.accept.isPending}
                  declining={actions.decline.isPending}
                  onAccept={() => actions.accept.mutate(r)}
                  onDecline={() => actions.decline.mutate(r)}
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="friends__sec" aria-label="Friends">
        <h3 className="friends__h">
          Friends{' '}
          <span className="friends__n" data-testid="friends-online">
            {online} online
          </span>
        </h3>
        {friends.length === 0 ? (
          <p className="friends__empty muted">
            No friends yet. Type a name above to send a request.
          </p>
        ) : (
          <ul className="friends__list">
            {friends.map((f) => (
              <FriendRow key={f.id} f={f} now={now} actions={actions} />
            ))}
          </ul>
        )}
      </section>

      {list.outgoing.length > 0 && (
        <section className="friends__sec friends__sec--sent" aria-label="Sent requests">
          <h3 className="friends__h">
            Sent <span className="friends__n">{list.outgoing.length}</span>
          </h3>
          <ul className="friends__list">
            {list.outgoing.map((r) => (
              <li
                key={r.id}
                className="friends__req is-sent"
                data-testid="friend-sent-row"
                data-name={r.name}
              >
                <span className="friends__req-name">{r.name}</span>
                <span className="friends__req-note">waiting · {agoText(r.at, now)}</span>
                <span className="friends__btns">
                  <button
                    type="button"
                    className="btn btn--ghost btn--small friends__btn"
                    data-testid="friend-cancel"
                    disabled={actions.cancel.isPending}
                    onClick={() => actions.cancel.mutate(r)}
                  >
                    Cancel
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {list.blocked.length > 0 && <IgnoredList blocked={list.blocked} />}
      <p className="gwin__hint">
        friends see when you are online and in which district · <kbd>/ignore</kbd> a name in chat or
        right-click a player to block it
      </p>
    </>
  );
}

/** Whom you ignore, folded away: Unignore asks the sim (its chat rooms change at once). */
function IgnoredList({ blocked }: { blocked: FriendsList['blocked'] }) {
  const { commands, characterId } = useGameSession();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const unignore = async (name: string) => {
    if (await commands.unignore(name))
      await qc.invalidateQueries({ queryKey: trpc.friends.list.queryKey({ characterId }) });
  };
  return (
    <details className="friends__sec friends__ignored" data-testid="friends-ignored">
      <summary className="friends__h">
        Ignored <span className="friends__n">{blocked.length}</span>
      </summary>
      <ul className="friends__list">
        {blocked.map((b) => (
          <li key={b.id} className="friends__req" data-testid="ignored-row" data-name={b.name}>
            <span className="friends__req-name">{b.name}</span>
            <span className="friends__btns">
              <button
                type="button"
                className="btn btn--ghost btn--small friends__btn"
                data-testid="friend-unignore"
                onClick={() => void unignore(b.name)}
              >
                Unignore
              </button>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** "just now" / "5 min ago" (the "last seen" wording without its first words) */
const agoText = (at: number, now: number) => lastSeenText(at, now).replace(/^last seen /, '');

function FriendRow({ f, now, actions }: { f: Friend; now: number; actions: Actions }) {
  const focusChat = useGame((s) => s.focusChat);
  const setPanel = useGame((s) => s.setPanel);
  const setDialog = useGame((s) => s.setDialog);
  const { commands } = useGameSession();
  const offline = f.status === 'offline';
  const whisper = () => {
    focusChat(`/w ${f.name} `);
    // on a phone the window covers the chat: it steps aside
    if (window.matchMedia(SMALL_SCREEN).matches) setPanel('friends', false);
  };
  const remove = () =>
    setDialog({
      kind: 'confirm',
      title: 'remove friend',
      message: `Remove ${f.name} from your friends? You leave their list too.`,
      confirmLabel: 'Remove',
      danger: true,
      onConfirm: () => actions.remove.mutate(f),
    });
  return (
    <li
      className={`friend is-${f.status}`}
      data-testid="friend-row"
      data-status={f.status}
      data-name={f.name}
    >
      <span
        className="friend__dot"
        role="img"
        aria-label={STATUS_LABEL[f.status]}
        title={STATUS_LABEL[f.status]}
      />
      <span className="friend__main">
        <span className="friend__top">
          <span className="friend__name">{f.name}</span>
          <span className="friend__meta">
            Lv {f.level} {classLabel(f.class)}
          </span>
        </span>
        <span className="friend__where" data-testid="friend-where">
          {f.status === 'afk' && <b className="friend__afk">AFK · </b>}
          {whereText(f, now)}
        </span>
      </span>
      <span className="friends__btns">
        <button
          type="button"
          className="btn btn--small friends__btn"
          data-testid="friend-whisper"
          disabled={offline}
          title={offline ? `${f.name} is offline` : `Whisper ${f.name}`}
          onClick={whisper}
        >
          Whisper
        </button>
        <button
          type="button"
          className="btn btn--ghost btn--small friends__btn"
          data-testid="friend-invite"
          disabled={offline}
          title={offline ? `${f.name} is offline` : `Invite ${f.name} to your party`}
          onClick={() => void commands.partyInvite(f.name)}
        >
          Invite
        </button>
        <button
          type="button"
          className="btn btn--danger btn--small friends__btn"
          data-testid="friend-remove"
          title={`Remove ${f.name} from your friends`}
          disabled={actions.remove.isPending}
          onClick={remove}
        >
          Remove
        </button>
      </span>
    </li>
  );
}
