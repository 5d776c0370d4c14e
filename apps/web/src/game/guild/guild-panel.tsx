'use client';
/**
 * The guild window (G). In no guild: invitations waiting for you (Accept / Decline)
 * and the founding form. In a guild: [TAG] name, level, members and founding date,
 * a link to the public page, then three tabs — Roster (message of the day, invite by
 * name, the members online first with what your rank may do to each), Bank (balance,
 * deposit, withdraw within today's limit, the log) and Ranks (what each rank may do;
 * the leader edits them) — and Leave or, for the leader, Disband with the guild's
 * name typed. The server decides every rule; the sim's guild:update makes the window
 * read again (game-view.tsx).
 */
import { useEffect, useState } from 'react';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';
import {
  dateText,
  disbandConfirmed,
  guildTitle,
  isLeader,
  membersText,
  publicGuildPath,
  RENOWN_BOARD_PATH,
  renownText,
  type MyGuild,
} from './guild-view';
import { refusal } from '@/trpc/errors';
import { useGuildActions, useMyGuild } from './use-guild';
import { GuildBank } from './guild-bank';
import { GuildJoin } from './guild-join';
import { GuildRanks } from './guild-ranks';
import { GuildRoster } from './guild-roster';

type Tab = 'roster' | 'bank' | 'ranks';

const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'roster', label: 'Roster' },
  { id: 'bank', label: 'Bank' },
  { id: 'ranks', label: 'Ranks' },
];

export function GuildPanel() {
  const open = useGame((s) => s.panels.guild);
  const setPanel = useGame((s) => s.setPanel);
  const q = useMyGuild();
  const { refetch } = q;
  // opening shows the cached guild at once and reads it again
  useEffect(() => {
    if (open) void refetch();
  }, [open, refetch]);
  if (!open) return null;
  const g = q.data;
  return (
    <GameWindow
      title="guild"
      hotkey={windowFace('guild')}
      testId="guild-panel"
      className="gwin--guild"
      onClose={() => setPanel('guild', false)}
      extra={
        g && (
          <span className="gwin__sub guild__count" data-testid="guild-member-count">
            {g.memberCount} member{g.memberCount === 1 ? '' : 's'}
          </span>
        )
      }
    >
      {g ? (
        <GuildBody g={g} />
      ) : g === null ? (
        <GuildJoin />
      ) : q.isError ? (
        <p className="gwin__msg form-error">{refusal(q.error)}</p>
      ) : (
        <p className="gwin__msg muted">Reading the guild roster…</p>
      )}
    </GameWindow>
  );
}

function GuildBody({ g }: { g: MyGuild }) {
  const [tab, setTab] = useState<Tab>('roster');
  return (
    <>
      <header className="guild__head" data-testid="guild-head" data-tag={g.tag}>
        <span className="guild__badge" aria-hidden>
          {g.level}
        </span>
        <span className="guild__ident">
          <span className="guild__title" data-testid="guild-title">
            <b className="guild__tag">[{g.tag}]</b> {g.name}
          </span>
          <span className="guild__meta">
            Level {g.level} · {membersText(g.memberCount)} · founded {dateText(g.foundedAt)}
          </span>
          {g.seasonRenown && (
            <span className="guild__meta">
              Season renown:{' '}
              <a
                className="guild__renown"
                href={RENOWN_BOARD_PATH}
                target="_blank"
                rel="noopener"
                data-testid="guild-renown"
                data-value={g.seasonRenown.renown}
              >
                {renownText(g.seasonRenown)}
              </a>
            </span>
          )}
          <span className="guild__meta">
            Your rank:{' '}
            <b className="guild__myrank" data-testid="guild-my-rank">
              {g.rank.name}
            </b>{' '}
            ·{' '}
            <a
              className="guild__public"
              href={publicGuildPath(g.tag)}
              target="_blank"
              rel="noopener"
              data-testid="guild-public-link"
            >
              public page ↗
            </a>
          </span>
        </span>
      </header>
      <nav className="tabs guild__tabs" aria-label="Guild">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            className={`tabs__tab${tab === t.id ? ' is-on' : ''}`}
            aria-pressed={tab === t.id}
            data-testid={`guild-tab-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </nav>
      {tab === 'roster' ? (
        <GuildRoster g={g} />
      ) : tab === 'bank' ? (
        <GuildBank g={g} />
      ) : (
        <GuildRanks g={g} />
      )}
      <GuildExit g={g} />
    </>
  );
}

/** Leave (everyone but the leader) or Disband (the leader, with the name typed). */
function GuildExit({ g }: { g: MyGuild }) {
  const actions = useGuildActions();
  const setDialog = useGame((s) => s.setDialog);
  const [disbanding, setDisbanding] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const leader = isLeader(g);
  const leave = () =>
    setDialog({
      kind: 'confirm',
      title: 'leave guild',
      message: `Leave ${guildTitle(g)}? You need a new invitation to come back.`,
      confirmLabel: 'Leave',
      danger: true,
      onConfirm: () => actions.leave.mutate(),
    });
  const disband = () => {
    if (!disbandConfirmed(g.name, typed) || actions.disband.isPending) return;
    setError(null);
    actions.disband.mutate(typed.trim(), {
      onSuccess: () => setDisbanding(false),
      onError: (err) => setError(refusal(err)),
    });
  };
  if (!leader)
    return (
      <footer className="guild__exit">
        <button
          type="button"
          className="btn btn--danger btn--small guild__btn"
          data-testid="guild-leave"
          disabled={actions.leave.isPending}
          onClick={leave}
        >
          Leave guild
        </button>
      </footer>
    );
  return (
    <footer className="guild__exit">
      {!disbanding ? (
        <>
          <span className="guild__exit-note muted">
            The leader hands the lead over before leaving.
          </span>
          <button
            type="button"
            className="btn btn--danger btn--small guild__btn"
            data-testid="guild-disband-open"
            onClick={() => setDisbanding(true)}
          >
            Disband…
          </button>
        </>
      ) : (
        <form
          className="guild__disband"
          data-testid="guild-disband"
          onSubmit={(e) => {
            e.preventDefault();
            disband();
          }}
        >
          <p className="guild__warn">
            Disbanding removes every member, rank, invitation and the bank log. The bank must be
            empty. Type <b>{g.name}</b> to confirm.
          </p>
          <div className="guild__row">
            <input
              className="guild__input"
              data-testid="guild-disband-input"
              aria-label="Type the guild name to confirm"
              placeholder={g.name}
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
            <button
              type="submit"
              className="btn btn--danger btn--small guild__btn"
              data-testid="guild-disband"
              disabled={!disbandConfirmed(g.name, typed) || actions.disband.isPending}
            >
              Disband
            </button>
            <button
              type="button"
              className="btn btn--ghost btn--small guild__btn"
              onClick={() => {
                setDisbanding(false);
                setTyped('');
                setError(null);
              }}
            >
              Cancel
            </button>
          </div>
          {error && (
            <p className="form-error guild__error" role="alert" data-testid="guild-disband-error">
              {error}
            </p>
          )}
        </form>
      )}
    </footer>
  );
}
