'use client';
/**
 * The Ranks tab: every rank, highest first, with what it may do (a column per
 * permission) and its daily withdraw limit. The leader renames a rank in place, ticks
 * its permissions, types its limit (empty: no limit) and saves it — only what changed
 * is sent; the leader's own rank keeps every permission and no limit, only its name
 * changes. Everyone else reads it: what each rank may do. The server decides again.
 */
import { useState, type FormEvent } from 'react';
import { GUILD_PERMISSIONS, GUILD_RANK_NAME_MAX, type GuildPermission } from '@necp/shared';
import {
  PERMISSION_COLUMNS,
  isLeader,
  isLeaderRank,
  limitText,
  rankDraft,
  rankEdit,
  sortRanks,
  type GuildRank,
  type MyGuild,
  type RankDraft,
} from './guild-view';
import { refusal } from '@/trpc/errors';
import { useGuildActions } from './use-guild';

type Actions = ReturnType<typeof useGuildActions>;

const LIMIT_TITLE = 'Eddies a member of this rank may withdraw per day (UTC); empty = no limit';

export function GuildRanks({ g }: { g: MyGuild }) {
  const actions = useGuildActions();
  const editable = isLeader(g);
  return (
    <section
      className={`friends__sec guild__ranks${editable ? '' : ' is-readonly'}`}
      aria-label="Ranks"
      data-testid="guild-ranks"
      data-editable={editable}
    >
      <h3 className="friends__h">
        Ranks{' '}
        <span className="friends__n">
          {editable ? 'you decide what each rank may do' : 'set by the leader'}
        </span>
      </h3>
      <div className="guild__rankgrid guild__rankhead" aria-hidden>
        <span className="guild__rankcol-name">Rank</span>
        <span className="guild__perms">
          {GUILD_PERMISSIONS.map((p) => (
            <abbr key={p} className="guild__permhead" title={PERMISSION_COLUMNS[p].title}>
              {PERMISSION_COLUMNS[p].short}
            </abbr>
          ))}
        </span>
        <abbr className="guild__rankcol-limit" title={LIMIT_TITLE}>
          ¥ / day
        </abbr>
        {editable && <span className="guild__rankcol-save" />}
      </div>
      <ol className="guild__ranklist" data-testid="guild-rank-list">
        {sortRanks(g.ranks).map((r) => (
          <RankRow key={r.id} r={r} editable={editable} actions={actions} />
        ))}
      </ol>
      <p className="guild__ranknote muted">
        Kick and Prom (promote, demote) reach only lower ranks; the leader always has every right.
        Limits count per UTC day
        {editable ? '; empty = no limit.' : '. Only the leader changes ranks.'}
      </p>
    </section>
  );
}

interface RowProps {
  r: GuildRank;
  editable: boolean;
  actions: Actions;
}

function RankRow({ r, editable, actions }: RowProps) {
  // null: untouched (the row follows the guild as read)
  const [draft, setDraft] = useState<RankDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const d = draft ?? rankDraft(r);
  const top = isLeaderRank(r);
  const result = draft ? rankEdit(r, draft) : { edit: null };
  const dirty = 'error' in result || result.edit !== null;
  const pending = actions.editRank.isPending;
  const change = (patch: Partial<RankDraft>) => {
    setDraft({ ...d, ...patch });
    setError(null);
  };
  const toggle = (p: GuildPermission, on: boolean) =>
    change({ permissions: { ...d.permissions, [p]: on } });
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!editable || pending) return;
    if ('error' in result) return setError(result.error);
    if (!result.edit) return;
    actions.editRank.mutate(
      { rankId: r.id, ...result.edit },
      {
        onSuccess: () => setDraft(null),
        onError: (err) => setError(refusal(err)),
      },
    );
  };
  const undo = () => {
    setDraft(null);
    setError(null);
  };
  return (
    <li
      className={`guild__rankrow guild__rankrow--${Math.min(r.position, 3)}${dirty ? ' is-dirty' : ''}`}
      data-testid="guild-rank"
      data-position={r.position}
      data-name={r.name}
    >
      <form className="guild__rankgrid" onSubmit={save} aria-label={`Rank ${r.name}`}>
        {editable ? (
          <input
            className="guild__input guild__rankname"
            data-testid="guild-rank-name"
            aria-label={`Name of the rank ${r.name}`}
            autoComplete="off"
            spellCheck={false}
            maxLength={GUILD_RANK_NAME_MAX}
            value={d.name}
            aria-invalid={!!error}
            onChange={(e) => change({ name: e.target.value })}
            onKeyDown={(e) => {
              // Esc drops this row's edits first (then the layer rule leaves the input)
              if (e.key === 'Escape' && draft) {
                e.preventDefault();
                e.stopPropagation();
                undo();
              }
            }}
          />
        ) : (
          <span className="guild__rankname-text" data-testid="guild-rank-name-text">
            {r.name}
          </span>
        )}
        <span className="guild__perms">
          {GUILD_PERMISSIONS.map((p) => {
            const title = top
              ? `${PERMISSION_COLUMNS[p].title}: the leader always may`
              : PERMISSION_COLUMNS[p].title;
            return (
              <span key={p} className="guild__perm">
                <input
                  type="checkbox"
                  className="guild__check"
                  data-testid={`guild-rank-${p}`}
                  aria-label={`${r.name}: ${PERMISSION_COLUMNS[p].title}`}
                  title={title}
                  checked={top || d.permissions[p]}
                  disabled={!editable || top}
                  onChange={(e) => toggle(p, e.target.checked)}
                />
              </span>
            );
          })}
        </span>
        {editable && !top ? (
          <input
            className={`guild__input guild__ranklimit${d.permissions.withdraw ? '' : ' is-moot'}`}
            data-testid="guild-rank-limit"
            aria-label={`Daily withdraw limit of ${r.name} in eddies (empty: no limit)`}
            title={LIMIT_TITLE}
            inputMode="numeric"
            autoComplete="off"
            placeholder="no limit"
            maxLength={14}
            value={d.limit}
            onChange={(e) => change({ limit: e.target.value })}
          />
        ) : (
          <span
            className={`guild__ranklimit-text${r.permissions.withdraw ? '' : ' is-none'}`}
            data-testid="guild-rank-limit-text"
            title={r.permissions.withdraw ? LIMIT_TITLE : 'This rank cannot withdraw'}
          >
            {limitText(r)}
          </span>
        )}
        {editable && (
          <button
            type="submit"
            className="btn btn--small guild__btn guild__ranksave"
            data-testid="guild-rank-save"
            disabled={!dirty || pending}
          >
            Save
          </button>
        )}
      </form>
      {error && (
        <p className="form-error guild__error" role="alert" data-testid="guild-rank-error">
          {error}
        </p>
      )}
    </li>
  );
}
