'use client';
/**
 * The boss bar (issue 14, docs/instances.md "Boss encounters"): while a boss in view
 * is in a fight (your target, or hurt), a wide bar under the target frame — name,
 * health, a marker line at each phase threshold, the current phase — and, when the
 * sim says it entered a phase, the phase's announcement in the middle of the screen.
 * Its rules ride along in a hoisted <style> (React 19 dedupes it by href) on top of the
 * shared `hud-card` / `bar` classes.
 */
import { useEffect, useState } from 'react';
import {
  healthFraction,
  liveAnnouncement,
  phaseMarkers,
  pickBoss,
  shownPhase,
  type PhaseEventView,
} from '../../combat/boss-bar';
import { npcTemplate } from '../../combat/content';
import { useGame } from '../store-context';

const isBoss = (templateId: string | undefined) => !!npcTemplate(templateId)?.boss;

export function BossBar() {
  const visible = useGame((s) => s.visible);
  const targetEid = useGame((s) => s.target?.eid ?? null);
  const announced = useGame((s) => s.bossPhase);
  const boss = pickBoss(visible, targetEid, isBoss);
  const phases = boss ? npcTemplate(boss.templateId)?.boss?.phases : undefined;
  const phase = boss && phases ? shownPhase(phases, boss, announced) : 0;
  return (
    <>
      <style href="necp-boss-bar" precedence="default">
        {BOSS_BAR_CSS}
      </style>
      {boss && phases && (
        <section
          className="hud-card boss-bar"
          data-testid="boss-bar"
          data-eid={boss.eid}
          data-phase={phase}
          data-health={boss.health}
          data-max-health={boss.maxHealth}
          aria-label={`Boss: ${boss.name}`}
        >
          <div className="boss-bar__row">
            <span className="boss-bar__skull" aria-hidden>
              ☠
            </span>
            <span className="boss-bar__name" data-testid="boss-bar-name">
              {boss.name}
            </span>
            <span className="boss-bar__phase" data-testid="boss-bar-phase">
              Phase {phase + 1}
              <span className="boss-bar__of"> / {phases.length}</span>
            </span>
          </div>
          <div
            className="bar bar--health boss-bar__health"
            role="meter"
            aria-label={`${boss.name} health`}
            aria-valuemin={0}
            aria-valuemax={boss.maxHealth}
            aria-valuenow={boss.health}
          >
            <span className="bar__fill" style={{ width: `${healthFraction(boss) * 100}%` }} />
            {phaseMarkers(phases).map((m) => (
              <span
                key={m.phase}
                className={`boss-bar__marker${phase >= m.phase ? ' is-passed' : ''}`}
                data-testid="boss-bar-marker"
                data-below={m.below}
                title={`Phase ${m.phase + 1} below ${Math.round(m.below * 100)}%`}
                style={{ left: `${m.leftPct}%` }}
              />
            ))}
            <span className="bar__text boss-bar__hp">
              {boss.health} / {boss.maxHealth}
            </span>
          </div>
        </section>
      )}
      {/* a new key per event: its clock starts at the announcement */}
      {announced && <PhaseAnnouncement key={announced.id} p={announced} />}
    </>
  );
}

/** The phase's line, big and centred for a few seconds (it pops in unless reduced motion). */
function PhaseAnnouncement({ p }: { p: PhaseEventView }) {
  const live = useLiveAnnouncement(p);
  if (!live) return null;
  return (
    <div
      className="boss-announce"
      role="status"
      data-testid="boss-phase-announce"
      data-eid={live.eid}
      data-phase={live.phase}
    >
      <span className="boss-announce__kicker">Phase {live.phase + 1}</span>
      <span className="boss-announce__text">{live.text}</span>
    </div>
  );
}

/** The announcement while it is up (a 4 Hz clock that stops when it is over). */
function useLiveAnnouncement(p: PhaseEventView): PhaseEventView | null {
  const [now, setNow] = useState(() => performance.now());
  const live = liveAnnouncement(p, now);
  useEffect(() => {
    if (!live) return;
    const t = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(t);
  }, [live]);
  return live;
}

// under the target frame (top centre); on phones under its lower spot (mobile.css)
const BOSS_BAR_CSS = `
.hud-card.boss-bar {
  top: 122px;
  left: 50%;
  transform: translateX(-50%);
  z-index: 11;
  width: clamp(300px, calc(100vw - 560px), 620px);
  padding: 6px 10px 8px;
  border-color: rgba(255, 59, 92, 0.6);
  background: linear-gradient(180deg, rgba(255, 59, 92, 0.16), transparent 70%), rgba(6, 8, 16, 0.88);
  box-shadow: 0 0 22px rgba(255, 59, 92, 0.25), 0 0 22px rgba(0, 0, 0, 0.5);
  pointer-events: none;
}
.boss-bar__row { display: flex; align-items: baseline; gap: 8px; margin-bottom: 4px; }
.boss-bar__skull { color: #ff3b5c; }
.boss-bar__name {
  flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  color: #fff; font-family: var(--font-display); font-weight: 800;
  letter-spacing: 0.08em; text-transform: uppercase;
}
.boss-bar__phase {
  color: #ffd23f; font-family: var(--font-display); font-size: 12px; font-weight: 700;
  letter-spacing: 0.14em; text-transform: uppercase;
}
.boss-bar__of { color: var(--muted); }
.boss-bar__health { height: 20px; }
.boss-bar__marker {
  position: absolute; top: 0; bottom: 0; width: 2px; margin-left: -1px; z-index: 1;
  background: #fff; box-shadow: 0 0 4px rgba(0, 0, 0, 0.9);
}
.boss-bar__marker.is-passed { opacity: 0.4; }
.boss-bar__hp { z-index: 2; text-shadow: 0 0 3px #000; }
.boss-announce {
  position: absolute; top: 32%; left: 50%; transform: translate(-50%, -50%); z-index: 30;
  display: flex; flex-direction: column; align-items: center; gap: 4px;
  width: max-content; max-width: min(720px, calc(100vw - 32px));
  text-align: center; pointer-events: none;
  animation: boss-announce-in 0.32s ease-out;
}
.boss-announce__kicker {
  color: #ffd23f; font-family: var(--font-display); font-size: 13px; font-weight: 700;
  letter-spacing: 0.3em; text-transform: uppercase; text-shadow: 0 0 2px #000;
}
.boss-announce__text {
  color: #fff; font-family: var(--font-display); font-size: 26px; font-weight: 800;
  text-shadow: 0 0 14px rgba(255, 59, 92, 0.8), 0 0 2px #000;
}
@keyframes boss-announce-in {
  from { opacity: 0; transform: translate(-50%, -50%) scale(1.15); }
}
@media (max-width: 720px) {
  .hud-card.boss-bar { top: 292px; width: calc(100vw - 16px); }
  .boss-announce { top: 48%; }
  .boss-announce__text { font-size: 19px; }
}
@media (prefers-reduced-motion: reduce) {
  .boss-announce { animation: none; }
}
`;
