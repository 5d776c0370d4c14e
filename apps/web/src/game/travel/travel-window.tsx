'use client';
/**
 * The metro window (T / E at a station): the NCART line as a route map, one stop
 * per district with its level range, the current one marked "you are here", a
 * Ride button on the others. Riding is the sim's call (zone:travel): it can still
 * refuse, and the game client shows why.
 */
import { useState, type CSSProperties } from 'react';
import { ZONES } from '@necp/shared';
import { GameWindow } from '../hud/game-window';
import { keyFace, windowFace } from '../input/key-bindings';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';
import { metroStops } from './metro-stops';

export function TravelWindow() {
  const open = useGame((s) => s.panels.travel);
  const setPanel = useGame((s) => s.setPanel);
  if (!open) return null;
  return (
    <GameWindow
      title="metro"
      hotkey={windowFace('travel')}
      testId="travel-window"
      className="gwin--travel"
      onClose={() => setPanel('travel', false)}
    >
      <TravelBody />
    </GameWindow>
  );
}

function TravelBody() {
  const zone = useGame((s) => s.zone);
  const station = useGame((s) => s.stationNear);
  const level = useGame((s) => s.self?.level ?? 1);
  const { commands } = useGameSession();
  const [pending, setPending] = useState<string | null>(null);
  const stops = metroStops(ZONES, zone?.id ?? null, level);

  const ride = async (zoneId: string) => {
    setPending(zoneId);
    try {
      await commands.travel(zoneId);
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="metro">
      <p className="metro__from">
        <span className="metro__logo" aria-hidden>
          M
        </span>
        <span>
          <b>NCART</b> · {station?.name ?? 'Metro station'}
        </span>
        <span className="metro__fare">free ride</span>
      </p>
      <ol className="metro__line">
        {stops.map((s) => (
          <li
            key={s.zoneId}
            className={`metro__stop${s.here ? ' is-here' : ''}`}
            data-testid="travel-destination"
            data-zone-id={s.zoneId}
            data-here={s.here || undefined}
            style={{ '--stop-c': s.color } as CSSProperties}
          >
            <span className="metro__dot" aria-hidden />
            <span className="metro__info">
              <span className="metro__name">{s.name}</span>
              <span className="metro__meta">
                {s.stationName ?? 'Station'} · lv {s.minLevel}–{s.maxLevel}
                {s.danger && (
                  <span className={`metro__danger metro__danger--${s.danger}`}>
                    {s.danger === 'deadly' ? ' · deadly for you' : ' · dangerous'}
                  </span>
                )}
              </span>
            </span>
            {s.here ? (
              <span className="metro__here">you are here</span>
            ) : (
              <button
                type="button"
                className="btn btn--small metro__ride"
                data-testid="travel-ride"
                disabled={pending !== null}
                onClick={() => void ride(s.zoneId)}
              >
                {pending === s.zoneId ? 'Boarding…' : 'Ride'}
              </button>
            )}
          </li>
        ))}
      </ol>
      <p className="gwin__hint">
        the train takes you to the district&apos;s station · <kbd>{keyFace('escape')}</kbd> close
      </p>
    </div>
  );
}
