'use client';
/**
 * Party frames, under your own card: every other member's portrait, level, name, health and
 * district (when not yours), the leader's crown, grey when offline. A click (or
 * right-click) on a frame opens the player menu for that member; the ⋯ of the
 * header holds Leave (and Disband for the leader). Vitals arrive each second
 * (party:vitals); a member nobody reports for a few seconds reads as offline.
 */
import type { MouseEvent } from 'react';
import { LOOT_MODES, LOOT_MODE_LABEL, PARTY_MAX, type LootMode as LootModeId } from '@necp/shared';
import { zoneName } from '../friends/friends-list';
import { partyFrames, type PartyFrame } from './party-state';
import { useLocalNow } from '../time/use-server-now';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import { Portrait } from '../render/art/portrait';

export function PartyFrames() {
  const { characterId, commands } = useGameSession();
  const party = useGame((s) => s.party);
  const zone = useGame((s) => s.zone);
  const setPlayerMenu = useGame((s) => s.setPlayerMenu);
  const setDialog = useGame((s) => s.setDialog);
  // staleness moves on between vitals
  const now = useLocalNow(1000);
  if (!party.party) return null;
  const frames = partyFrames(party, characterId, now);
  const others = frames.filter((f) => !f.self);
  const lead = party.party.leaderId === characterId;

  const openMenu = (e: MouseEvent, f: PartyFrame) => {
    e.preventDefault();
    e.stopPropagation();
    setPlayerMenu({ x: e.clientX, y: e.clientY, name: f.name, memberId: f.id });
  };
  const leave = () =>
    setDialog({
      kind: 'confirm',
      title: lead ? 'Disband the party?' : 'Leave the party?',
      message: lead
        ? 'Everyone leaves the party. You can invite them again later.'
        : 'You leave the party. Its members stay together.',
      confirmLabel: lead ? 'Disband' : 'Leave',
      danger: true,
      onConfirm: () => void (lead ? commands.partyDisband() : commands.partyLeave()),
    });

  return (
    <section
      className="party"
      aria-label="Party"
      data-testid="party-frames"
      data-count={frames.length}
      onMouseDown={(e) => e.stopPropagation()}
    >
      <header className="party__head">
        <span className="party__title">
          Party{' '}
          <span className="party__n">
            {frames.length}/{PARTY_MAX}
          </span>
        </span>
        {lead && <span className="party__you-lead">you lead</span>}
        <LootMode
          lead={lead}
          mode={party.party.lootMode}
          onChange={(m) => void commands.setLootMode(m)}
        />
        <button
          type="button"
          className="party__leave"
          data-testid="party-leave"
          title={lead ? 'Disband the party' : 'Leave the party'}
          onClick={leave}
        >
          {lead ? 'Disband' : 'Leave'}
        </button>
      </header>
      <ol className="party__list">
        {others.map((f) => (
          <li key={f.id}>
            <button
              type="button"
              className={`party__frame${f.online ? '' : ' is-offline'}${f.dead ? ' is-dead' : ''}`}
              data-testid="party-frame"
              data-name={f.name}
              data-online={f.online}
              data-health={f.health ?? ''}
              data-zone={f.zoneId}
              onClick={(e) => openMenu(e, f)}
              onContextMenu={(e) => openMenu(e, f)}
              aria-label={`${f.name}, level ${f.level}${f.leader ? ', party leader' : ''}${
                f.online ? '' : ', offline'
              }`}
            >
              <Portrait
                of={{ kind: 'player', classId: f.classId, seed: f.name }}
                size={26}
                className="party__portrait"
              />
              <span className="party__lvl">{f.level}</span>
              <span className="party__name">
                {f.leader && (
                  <span className="party__crown" title="Party leader">
                    ♛
                  </span>
                )}
                {f.name}
              </span>
              <span className="party__where">
                {!f.online
                  ? 'offline'
                  : f.dead
                    ? 'down'
                    : f.zoneId !== zone?.id
                      ? zoneName(f.zoneId)
                      : ''}
              </span>
              <HealthBar f={f} />
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

function HealthBar({ f }: { f: PartyFrame }) {
  const frac =
    f.health !== null && f.maxHealth ? Math.max(0, Math.min(1, f.health / f.maxHealth)) : 0;
  return (
    <span
      className="party__hp"
      role="meter"
      aria-label={`${f.name} health`}
      aria-valuemin={0}
      aria-valuemax={f.maxHealth ?? 0}
      aria-valuenow={f.health ?? 0}
    >
      <span className="party__hp-fill" style={{ width: `${frac * 100}%` }} />
      <span className="party__hp-text">
        {f.health !== null && f.maxHealth ? `${f.health} / ${f.maxHealth}` : '—'}
      </span>
    </span>
  );
}

/** The leader picks how drops are shared; the others see it. */
function LootMode({
  lead,
  mode,
  onChange,
}: {
  lead: boolean;
  mode: LootModeId;
  onChange: (m: LootModeId) => void;
}) {
  if (!lead)
    return (
      <span className="party__loot-text" data-testid="party-loot-mode" title="Loot mode">
        {LOOT_MODE_LABEL[mode]}
      </span>
    );
  return (
    <select
      className="party__loot"
      aria-label="Loot mode"
      data-testid="party-loot-mode"
      value={mode}
      onChange={(e) => {
        const m = LOOT_MODES.find((x) => x === e.target.value);
        if (m) onChange(m);
      }}
    >
      {LOOT_MODES.map((m) => (
        <option key={m} value={m}>
          {LOOT_MODE_LABEL[m]}
        </option>
      ))}
    </select>
  );
}
