'use client';
/**
 * The Roster tab: the message of the day (editable by ranks that may), invite by
 * name (ranks that may), and the members — online first — with rank, level, class
 * and where they are. A member's ⋯ opens what your rank may do to them: promote,
 * demote, hand over the lead, remove (confirmed in the game's dialog).
 */
import { useState, type FormEvent } from 'react';
import { GUILD_MOTD_MAX } from '@necp/shared';
import { STATUS_LABEL, classLabel, lastSeenText, zoneName } from '../friends/friends-list';
import {
  anyAction,
  can,
  guildTitle,
  memberActions,
  onlineCount,
  rankNameAt,
  sortRoster,
  type MyGuild,
  type RosterMember,
} from './guild-view';
import { refusal } from '@/trpc/errors';
import { useGuildActions, useRoster } from './use-guild';
import { useServerNow } from '../time/use-server-now';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import { NameEntryForm } from '../friends/social-controls';

type Actions = ReturnType<typeof useGuildActions>;

export function GuildRoster({ g }: { g: MyGuild }) {
  const q = useRoster(g.id, true);
  const actions = useGuildActions();
  const { characterId } = useGameSession();
  const now = useServerNow(30_000);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const members = q.data ? sortRoster(q.data) : null;
  return (
    <>
      <Motd g={g} actions={actions} />
      {can(g, 'invite') && <InviteByName actions={actions} />}
      <section className="friends__sec" aria-label="Members">
        <h3 className="friends__h">
          Members{' '}
          {q.data && (
            <span className="friends__n" data-testid="guild-online">
              {onlineCount(q.data)} online
            </span>
          )}
        </h3>
        {members ? (
          <ul className="friends__list" data-testid="guild-roster">
            {members.map((m) => (
              <MemberRow
                key={m.id}
                m={m}
                g={g}
                me={m.id === characterId}
                now={now}
                actions={actions}
                menuOpen={menuFor === m.id}
                onMenu={() => setMenuFor(menuFor === m.id ? null : m.id)}
                selfId={characterId}
              />
            ))}
          </ul>
        ) : q.isError ? (
          <p className="form-error">{refusal(q.error)}</p>
        ) : (
          <p className="friends__empty muted">Reading the roster…</p>
        )}
      </section>
    </>
  );
}

function Motd({ g, actions }: { g: MyGuild; actions: Actions }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(g.motd);
  const editable = can(g, 'motd');
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (actions.setMotd.isPending) return;
    actions.setMotd.mutate(text, { onSuccess: () => setEditing(false) });
  };
  if (editing)
    return (
      <form className="guild__motd is-editing" onSubmit={save} data-testid="guild-motd-form">
        <textarea
          className="guild__textarea"
          data-testid="guild-motd-input"
          aria-label="Message of the day"
          rows={3}
          maxLength={GUILD_MOTD_MAX}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="guild__row">
          <span className="guild__chars muted">
            {text.length} / {GUILD_MOTD_MAX}
          </span>
          <button
            type="button"
            className="btn btn--ghost btn--small guild__btn"
            onClick={() => setEditing(false)}
          >
            Cancel
          </button>
          <button
            type="submit"
            className="btn btn--small guild__btn"
            data-testid="guild-motd-save"
            disabled={actions.setMotd.isPending}
          >
            Save
          </button>
        </div>
      </form>
    );
  return (
    <section className="guild__motd" aria-label="Message of the day">
      <span className="guild__motd-label">message of the day</span>
      <p className="guild__motd-text" data-testid="guild-motd">
        {g.motd || <span className="muted">No message yet.</span>}
      </p>
      {editable && (
        <button
          type="button"
          className="btn btn--ghost btn--small guild__btn guild__motd-edit"
          data-testid="guild-motd-edit"
          onClick={() => {
            setText(g.motd);
            setEditing(true);
          }}
        >
          Edit
        </button>
      )}
    </section>
  );
}

function InviteByName({ actions }: { actions: Actions }) {
  return (
    <NameEntryForm
      testIds={{ input: 'guild-invite-input', button: 'guild-invite' }}
      label="Character name to invite to the guild"
      placeholder="Invite a runner by name"
      button="Invite"
      busy={actions.invite.isPending}
      send={(name, clear) => actions.invite.mutate(name, { onSuccess: clear })}
    />
  );
}

interface RowProps {
  m: RosterMember;
  g: MyGuild;
  me: boolean;
  selfId: string;
  now: number;
  actions: Actions;
  menuOpen: boolean;
  onMenu: () => void;
}

function MemberRow({ m, g, me, selfId, now, actions, menuOpen, onMenu }: RowProps) {
  const setDialog = useGame((s) => s.setDialog);
  const allowed = memberActions({ id: selfId, guild: g }, m);
  const where = m.status === 'offline' ? lastSeenText(m.lastSeenAt, now) : zoneName(m.zoneId);
  const kick = () =>
    setDialog({
      kind: 'confirm',
      title: 'remove member',
      message: `Remove ${m.name} from ${guildTitle(g)}?`,
      confirmLabel: 'Remove',
      danger: true,
      onConfirm: () => actions.kick.mutate(m),
    });
  const lead = () =>
    setDialog({
      kind: 'confirm',
      title: 'hand over the lead',
      message: `Make ${m.name} the leader of ${guildTitle(g)}? You become ${rankNameAt(g, 1)}.`,
      confirmLabel: 'Hand over',
      danger: true,
      onConfirm: () => actions.transfer.mutate(m),
    });
  return (
    <li
      className={`friend guild__member is-${m.status}${me ? ' is-me' : ''}`}
      data-testid="guild-member"
      data-name={m.name}
      data-rank={m.rankName}
      data-status={m.status}
    >
      <span
        className="friend__dot"
        role="img"
        aria-label={STATUS_LABEL[m.status]}
        title={STATUS_LABEL[m.status]}
      />
      <span className="friend__main">
        <span className="friend__top">
          <span className="friend__name">{m.name}</span>
          <span className={`guild__rank guild__rank--${Math.min(m.rankPosition, 3)}`}>
            {m.rankName}
          </span>
          <span className="friend__meta">
            Lv {m.level} {classLabel(m.class)}
          </span>
        </span>
        <span className="friend__where">
          {m.status === 'afk' && <b className="friend__afk">AFK · </b>}
          {me ? `you · ${where}` : where}
        </span>
      </span>
      {anyAction(allowed) ? (
        <button
          type="button"
          className={`btn btn--ghost btn--small friends__btn guild__more${menuOpen ? ' is-on' : ''}`}
          data-testid="guild-member-menu"
          aria-expanded={menuOpen}
          aria-label={`Actions for ${m.name}`}
          onClick={onMenu}
        >
          ⋯
        </button>
      ) : (
        <span />
      )}
      {menuOpen && (
        <span className="guild__acts" data-testid="guild-member-actions">
          {allowed.promote && (
            <button
              type="button"
              className="btn btn--small friends__btn friends__btn--yes"
              data-testid="guild-promote"
              title={`Promote to ${rankNameAt(g, m.rankPosition - 1)}`}
              disabled={actions.promote.isPending}
              onClick={() => actions.promote.mutate(m)}
            >
              Promote
            </button>
          )}
          {allowed.demote && (
            <button
              type="button"
              className="btn btn--ghost btn--small friends__btn"
              data-testid="guild-demote"
              title={`Demote to ${rankNameAt(g, m.rankPosition + 1)}`}
              disabled={actions.demote.isPending}
              onClick={() => actions.demote.mutate(m)}
            >
              Demote
            </button>
          )}
          {allowed.lead && (
            <button
              type="button"
              className="btn btn--magenta btn--small friends__btn"
              data-testid="guild-transfer"
              disabled={actions.transfer.isPending}
              onClick={lead}
            >
              Make leader
            </button>
          )}
          {allowed.kick && (
            <button
              type="button"
              className="btn btn--danger btn--small friends__btn"
              data-testid="guild-kick"
              disabled={actions.kick.isPending}
              onClick={kick}
            >
              Remove
            </button>
          )}
        </span>
      )}
    </li>
  );
}
