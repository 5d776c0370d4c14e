'use client';
/**
 * The quest log (J): open jobs grouped (ready / active / today's dailies / this
 * week's weeklies / failed) on the left, the picked one on the right with its
 * objectives and progress, timer, where to go, rewards and Abandon.
 */
import { useMutation } from '@tanstack/react-query';
import type { QuestView } from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';
import { chainText, REPEAT_LABEL } from './format';
import { chainLength, logGroups, whereText } from './quest-lists';
import { useQuestLog, useRefresh } from './use-quests';
import { useGameSession } from '../hud/game-session';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';
import { Countdown } from './countdown';
import { Objectives } from './objectives';
import { Rewards } from './rewards';

export function QuestLogWindow() {
  const open = useGame((s) => s.panels.quests);
  const setPanel = useGame((s) => s.setPanel);
  if (!open) return null;
  return (
    <GameWindow
      title="quest log"
      hotkey={windowFace('quests')}
      testId="quest-log"
      className="gwin--quests"
      onClose={() => setPanel('quests', false)}
    >
      <QuestLogBody />
    </GameWindow>
  );
}

const STATUS_LABEL: Partial<Record<QuestView['status'], string>> = {
  active: 'In progress',
  ready: 'Ready to turn in',
  completed: 'Done',
  failed: 'Failed',
  abandoned: 'Abandoned',
  available: 'Available',
};

const FAIL_REASON: Record<string, string> = {
  timer: 'Time ran out.',
  npc_killed: 'Someone who mattered died.',
  choice: 'A choice you made closed this door.',
  reset: 'The period ended before you finished.',
};

function QuestLogBody() {
  const q = useQuestLog();
  const selected = useGame((s) => s.questSelected);
  const select = useGame((s) => s.selectQuest);
  if (!q.data) {
    return q.isError ? (
      <p className="gwin__msg form-error">
        {refusal(q.error)}{' '}
        <button type="button" className="btn btn--small" onClick={() => void q.refetch()}>
          Retry
        </button>
      </p>
    ) : (
      <p className="gwin__msg muted">Decrypting your jobs…</p>
    );
  }
  const log = q.data;
  const groups = logGroups(log);
  const all = groups.flatMap((g) => g.quests);
  const current = all.find((x) => x.id === selected) ?? all[0];
  return (
    <div className="qlog">
      <nav className="qlog__list" aria-label="Quests">
        {groups.length === 0 && (
          <p className="qlog__empty">
            No jobs yet. Look for a yellow <b className="qlog__bang">!</b> over someone&apos;s head.
          </p>
        )}
        {groups.map((g) => (
          <section
            key={g.id}
            className={`qlog__group qlog__group--${g.id}`}
            data-testid="quest-group"
            data-group={g.id}
          >
            <h3 className="qlog__group-h">
              <span>{g.title}</span>
              {g.resetsAt !== undefined && <Countdown to={g.resetsAt} label="resets " />}
            </h3>
            <ul>
              {g.quests.map((x) => (
                <li key={x.id}>
                  <button
                    type="button"
                    className={`qlog__entry is-${x.status}${current?.id === x.id ? ' is-on' : ''}`}
                    data-testid="quest-log-entry"
                    data-quest-id={x.id}
                    data-status={x.status}
                    aria-pressed={current?.id === x.id}
                    onClick={() => select(x.id)}
                  >
                    <span className="qlog__lvl">{x.level}</span>
                    <span className="qlog__name">{x.title}</span>
                    {x.status === 'ready' && <span className="qlog__flag">?</span>}
                    {x.status === 'completed' && <span className="qlog__flag is-done">✓</span>}
                    {x.deadline !== undefined && x.status === 'active' && (
                      <Countdown to={x.deadline} />
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <p className="qlog__count" data-testid="quests-completed" data-value={log.completedCount}>
          Completed jobs: <b>{log.completedCount}</b>
        </p>
      </nav>
      <div className="qlog__detail">
        {current ? <QuestDetail key={current.id} q={current} /> : <p className="qlog__none">—</p>}
      </div>
    </div>
  );
}

function QuestDetail({ q }: { q: QuestView }) {
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  const toast = useGame((s) => s.toast);
  const setDialog = useGame((s) => s.setDialog);
  const refresh = useRefresh();
  const abandon = useMutation(
    trpc.quests.abandon.mutationOptions({
      onSuccess: () => toast('info', `Quest abandoned: ${q.title}`),
      onError: (err) => toast('warn', refusal(err)),
      onSettled: () => refresh(['quests']),
    }),
  );
  const canAbandon = q.status === 'active' || q.status === 'ready';
  return (
    <article
      className="qdetail"
      data-testid="quest-detail"
      data-quest-id={q.id}
      data-status={q.status}
    >
      <header className="qdetail__head">
        <h3 className="qdetail__title">{q.title}</h3>
        <p className="qdetail__meta">
          <span className="qdetail__lvl">Level {q.level}</span>
          {q.repeat !== 'none' && (
            <span className={`qtag qtag--${q.repeat}`}>{REPEAT_LABEL[q.repeat]}</span>
          )}
          {q.chain && (
            <span className="qdetail__chain" data-testid="quest-chain">
              {chainText(q.chain, chainLength(q.chain.id))}
            </span>
          )}
          <span className={`qdetail__status is-${q.status}`}>
            {STATUS_LABEL[q.status] ?? q.status}
          </span>
        </p>
      </header>
      {q.deadline !== undefined && q.status === 'active' && (
        <p className="qdetail__timer">
          <Countdown to={q.deadline} label="Time left " testId="quest-timer" />
        </p>
      )}
      {q.resetsAt !== undefined && q.status !== 'available' && (
        <p className="qdetail__timer qdetail__timer--reset">
          <Countdown
            to={q.resetsAt}
            label={
              q.status === 'active' || q.status === 'ready'
                ? 'Period ends in '
                : 'Available again in '
            }
          />
        </p>
      )}
      <p className="qdetail__where">
        <span className="qdetail__pin" aria-hidden>
          ◆
        </span>
        {whereText(q)}
        <span className="muted"> · from {q.giver.name}</span>
        {q.turnIn.id !== q.giver.id && <span className="muted"> · return to {q.turnIn.name}</span>}
      </p>
      {q.status === 'failed' && (
        <p className="qdetail__failed">
          ✖ {q.failReason ? (FAIL_REASON[q.failReason] ?? q.failReason) : 'Failed.'} Talk to{' '}
          {q.giver.name} to try again.
        </p>
      )}
      {q.status === 'ready' && (
        <p className="qdetail__ready">
          <b>?</b> Return to {q.turnIn.name} for your reward.
        </p>
      )}
      <p className="qdetail__desc">{q.description}</p>
      <h4 className="qdetail__h">Objectives</h4>
      <Objectives objectives={q.objectives} />
      {q.failureNote && <p className="qcard__fail">⚠ {q.failureNote}</p>}
      {q.hint && <p className="qcard__hint">◆ {q.hint}</p>}
      <h4 className="qdetail__h">Rewards</h4>
      <Rewards rewards={q.rewards} />
      {canAbandon && (
        <div className="qdetail__actions">
          <button
            type="button"
            className="btn btn--danger btn--small"
            data-testid="quest-abandon"
            disabled={abandon.isPending}
            onClick={() =>
              setDialog({
                kind: 'confirm',
                title: 'abandon quest',
                message: `Give up "${q.title}"? Its progress is lost.`,
                confirmLabel: 'Abandon',
                danger: true,
                onConfirm: () => abandon.mutate({ characterId, questId: q.id }),
              })
            }
          >
            Abandon
          </button>
        </div>
      )}
    </article>
  );
}
