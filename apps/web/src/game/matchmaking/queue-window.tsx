'use client';
/**
 * The group finder (K): choose a queue — a dungeon (with your role, and as a party
 * leader a role for each member, and whether the party goes in as it is), arena 1v1
 * or 3v3, or the raid — and join; while queued, the time in queue (ticking), the
 * estimated wait and Leave. A party member
 * who is not its leader is told only the leader queues the party; a penalty for a
 * dodged ready check counts down and holds the Join button. Each queue shows its
 * levels (the arena the level bracket you would fight in); one out of your (party's)
 * levels is locked with the reason. The sim decides every rule: a refusal comes back
 * as a toast.
 */
import { useEffect, useState } from 'react';
import {
  GROUP_ROLES,
  QUEUE_SPECS,
  type GroupRole,
  type JoinQueueInput,
  type QueueId,
} from '@necp/shared';
import {
  QUEUE_LABEL,
  ROLE_LABEL,
  estimateText,
  formatClock,
  penaltyLeft,
  penaltyText,
  queueLevelView,
  teamOf,
  type LocalQueueStatus,
} from './queue-view';
import { useLocalNow } from '../time/use-server-now';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';

const QUEUES: { id: QueueId; blurb: string }[] = [
  { id: 'dungeon', blurb: 'Arasaka Data Vault · 5 players · 1 tank, 1 support, 3 damage' },
  { id: 'arena_1v1', blurb: 'Duel · rated' },
  { id: 'arena_3v3', blurb: 'Teams of 3 · rated' },
  { id: 'raid', blurb: 'Quantum Reef Siege · 10 players' },
];

export function QueueWindow() {
  const open = useGame((s) => s.panels.queue);
  const setPanel = useGame((s) => s.setPanel);
  const status = useGame((s) => s.match.status);
  const { commands } = useGameSession();
  // opening reads the status again (the estimate moves with every match formed)
  useEffect(() => {
    if (open) commands.matchRefresh();
  }, [open, commands]);
  if (!open) return null;
  return (
    <GameWindow
      title="group finder"
      hotkey={windowFace('queue')}
      testId="queue-window"
      className="gwin--queue"
      onClose={() => setPanel('queue', false)}
      extra={
        <span className="gwin__sub qwin__state" data-testid="queue-state" data-state={status.state}>
          {STATE_LABEL[status.state]}
        </span>
      }
    >
      {status.state === 'idle' ? <QueuePicker /> : <QueueStatusView status={status} />}
    </GameWindow>
  );
}

const STATE_LABEL: Record<LocalQueueStatus['state'], string> = {
  idle: 'not queued',
  queued: 'searching',
  ready_check: 'match found',
  in_match: 'in match',
};

function QueuePicker() {
  const { characterId, commands } = useGameSession();
  const party = useGame((s) => s.party.party);
  const self = useGame((s) => s.self);
  const match = useGame((s) => s.match);
  const now = useLocalNow(250);
  // who a queue would take: the party (its leader queues it), else yourself
  const who = (q: QueueId) =>
    party && QUEUE_SPECS[q].maxParty > 1
      ? party.members.map((m) => ({ name: m.name, level: m.level, self: m.id === characterId }))
      : self
        ? [{ name: self.name, level: self.level, self: true }]
        : [];
  const levels = (q: QueueId) => queueLevelView(q, who(q));
  // a new player opens the finder on a queue open to them
  const [queue, setQueue] = useState<QueueId>(
    () => QUEUES.find((q) => levels(q.id).reason === null)?.id ?? 'dungeon',
  );
  const [role, setRole] = useState<GroupRole>('damage');
  const [memberRoles, setMemberRoles] = useState<Record<string, GroupRole>>({});
  const [premade, setPremade] = useState(false);
  const [busy, setBusy] = useState(false);
  const spec = QUEUE_SPECS[queue];
  // a 1v1 is fought alone, party or not; other queues take the party as one ticket
  const asParty = party !== null && spec.maxParty > 1;
  const leader = !asParty || party.leaderId === characterId;
  const others = asParty ? party.members.filter((m) => m.id !== characterId) : [];
  const tooBig = asParty && party.members.length > spec.maxParty;
  const penalty = penaltyLeft(match, now);
  const roles = spec.kind !== 'arena';
  // only a party can go in as it is (the sim refuses a solo asking for it)
  const canGoPremade = roles && asParty && leader;
  const levelReason = levels(queue).reason;

  const join = async () => {
    const request: JoinQueueInput =
      spec.kind === 'arena'
        ? { queue: 'arena', bracket: spec.bracket }
        : {
            queue: spec.kind,
            role,
            ...(others.length > 0
              ? {
                  partyRoles: Object.fromEntries(
                    others.map((m) => [m.id, memberRoles[m.id] ?? 'damage']),
                  ),
                }
              : {}),
            ...(canGoPremade && premade ? { premade: true } : {}),
          };
    setBusy(true);
    await commands.matchQueue(request);
    setBusy(false);
  };

  return (
    <div className="qwin">
      <div className="qwin__queues" role="radiogroup" aria-label="Queue">
        {QUEUES.map((q) => {
          const lv = levels(q.id);
          return (
            <button
              key={q.id}
              type="button"
              role="radio"
              aria-checked={queue === q.id}
              className={`qwin__queue${queue === q.id ? ' is-on' : ''}${lv.reason ? ' is-locked' : ''}`}
              data-testid="queue-option"
              data-queue={q.id}
              data-available={lv.reason === null}
              title={lv.reason ?? undefined}
              onClick={() => setQueue(q.id)}
            >
              <span className="qwin__queue-head">
                <span className="qwin__queue-name">{QUEUE_LABEL[q.id]}</span>
                <span className="qwin__queue-lv" data-testid="queue-levels">
                  {lv.reason && <span className="sr-only">Locked: </span>}
                  {lv.tag}
                </span>
              </span>
              <span className="qwin__queue-blurb">{q.blurb}</span>
            </button>
          );
        })}
      </div>

      {roles && leader && levelReason === null && (
        <fieldset className="qwin__roles">
          <legend>{others.length > 0 ? 'Roles' : 'Your role'}</legend>
          <RolePicker label="You" value={role} onChange={setRole} testId="queue-role" />
          {others.map((m) => (
            <RolePicker
              key={m.id}
              label={m.name}
              value={memberRoles[m.id] ?? 'damage'}
              onChange={(r) => setMemberRoles({ ...memberRoles, [m.id]: r })}
              testId="queue-member-role"
            />
          ))}
        </fieldset>
      )}
      {canGoPremade && levelReason === null && (
        <label className="qwin__premade">
          <input
            type="checkbox"
            data-testid="queue-premade"
            checked={premade}
            onChange={(e) => setPremade(e.target.checked)}
          />
          <span>
            <b>Just our party</b> — go in as we are, without players from the queue filling the free
            places
          </span>
        </label>
      )}

      {!leader && (
        <p className="qwin__notice" data-testid="queue-leader-only">
          You are in a party: only its leader can queue it for this. Arena 1v1 you can queue alone.
        </p>
      )}
      {tooBig && (
        <p className="qwin__notice">
          Parties of at most {spec.maxParty} can queue for {QUEUE_LABEL[queue]}.
        </p>
      )}
      {levelReason !== null && leader && (
        <p
          className="qwin__notice qwin__notice--bad"
          role="status"
          data-testid="queue-level-reason"
        >
          {levelReason}
        </p>
      )}
      {penalty !== null && (
        <p className="qwin__notice qwin__notice--bad" role="status" data-testid="queue-penalty">
          {penaltyText(penalty)}
        </p>
      )}

      <div className="qwin__actions">
        <button
          type="button"
          className="btn btn--primary"
          data-testid="queue-join"
          disabled={busy || !leader || tooBig || penalty !== null || levelReason !== null}
          onClick={() => void join()}
        >
          {asParty ? 'Queue party' : 'Join queue'}
        </button>
      </div>
    </div>
  );
}

function RolePicker(p: {
  label: string;
  value: GroupRole;
  onChange: (r: GroupRole) => void;
  testId: string;
}) {
  return (
    <div className="qwin__role" data-testid={p.testId} data-name={p.label}>
      <span className="qwin__role-who">{p.label}</span>
      <span className="qwin__role-opts" role="radiogroup" aria-label={`Role of ${p.label}`}>
        {GROUP_ROLES.map((r) => (
          <button
            key={r}
            type="button"
            role="radio"
            aria-checked={p.value === r}
            className={`qwin__role-opt qwin__role-opt--${r}${p.value === r ? ' is-on' : ''}`}
            data-role={r}
            onClick={() => p.onChange(r)}
          >
            {ROLE_LABEL[r]}
          </button>
        ))}
      </span>
    </div>
  );
}

function QueueStatusView({ status }: { status: Exclude<LocalQueueStatus, { state: 'idle' }> }) {
  const { characterId, commands } = useGameSession();
  const now = useLocalNow(500);
  if (status.state === 'queued')
    return (
      <div className="qwin">
        <div className="qwin__searching" data-testid="queue-searching" data-queue={status.queue}>
          <span className="qwin__radar" aria-hidden />
          <div className="qwin__facts">
            <strong className="qwin__facts-queue">{QUEUE_LABEL[status.queue]}</strong>
            <span>
              Time in queue{' '}
              <b className="qwin__num" data-testid="queue-time">
                {formatClock(now - status.since)}
              </b>
            </span>
            <span>
              Estimated wait{' '}
              <b className="qwin__num" data-testid="queue-estimate">
                {estimateText(status.estimatedWaitMs)}
              </b>
            </span>
            {status.memberIds.length > 1 && (
              <span className="muted">Queued as a party of {status.memberIds.length}.</span>
            )}
          </div>
        </div>
        <div className="qwin__actions">
          <button
            type="button"
            className="btn btn--danger"
            data-testid="queue-leave"
            onClick={() => void commands.matchLeave()}
          >
            Leave queue
          </button>
        </div>
      </div>
    );
  const mine = teamOf(status, characterId);
  return (
    <div className="qwin">
      <p className="qwin__match" data-testid="queue-match">
        {status.state === 'ready_check'
          ? 'A match was found: answer the ready check.'
          : `In a match: ${QUEUE_LABEL[status.queue]}.`}
      </p>
      <div className="qwin__teams">
        {status.teams.map((team, i) => (
          <ul key={i} className={`qwin__team${i === mine ? ' is-mine' : ''}`}>
            <li className="qwin__team-head">
              {status.teams.length === 1 ? 'Group' : i === mine ? 'Your team' : 'Opponents'}
            </li>
            {team.map((m) => (
              <li key={m.characterId}>
                <span className="qwin__lvl">{m.level}</span> {m.name}
                {m.role && <span className="qwin__tag">{ROLE_LABEL[m.role]}</span>}
              </li>
            ))}
          </ul>
        ))}
      </div>
    </div>
  );
}
