'use client';
/**
 * The boss bar (issue 14, docs/instances.md "Boss encounters"): while a boss in view
 * is in a fight (your target, or hurt), a wide bar under the target frame — name,
 * health, a marker line at each phase threshold, the current phase — and, when the
 * sim says it entered a phase, the phase's announcement in the middle of the screen.
 * Styles: combat/boss-bar.css (a stylesheet: the CSP refuses inline <style>), on top
 * of the shared `hud-card` / `bar` classes.
 */
import { useEffect, useState } from 'react';
import {
  healthFraction,
  liveAnnouncement,
  phaseMarkers,
  pickBoss,
  shownPhase,
  type PhaseEventView,
} from './boss-bar-view';
import { npcTemplate } from './content';
import { useGame } from '../hud/store-context';

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
